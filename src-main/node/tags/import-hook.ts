// Tag rules on import: called inside the durable write that stores a batch, so a new document and
// its rule tags are acknowledged together.
import type { Tx } from '../archive/archive'
import type { PipelineDocument } from '../pipeline/types'
import { activeRules, applyRules } from './rule-store'
import type { RuleSubject } from './rules'

export function tagImported(tx: Tx, docs: { id: string; doc: PipelineDocument }[]): void {
  if (!docs.length) return
  const rules = activeRules(tx)
  if (!rules.length) return
  const subjects = new Map<string, RuleSubject>(
    docs.map(({ id, doc }) => [
      id,
      {
        title: doc.title,
        text: doc.text,
        simplified: doc.simplified === doc.text ? null : doc.simplified,
        docType: doc.docType,
        issuer: doc.issuer,
        regions: doc.regions,
        measures: doc.measures
      }
    ])
  )
  applyRules(tx, rules, subjects, false)
}
