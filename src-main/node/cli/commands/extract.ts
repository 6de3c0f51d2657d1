// `extract <file...> --json`: the whole import pipeline, nothing stored; one record per document.
import type { ParsedCommandLine } from '../args'
import { UsageError } from '../args'
import { printJson } from './open-archive'
import { processInput, readInputs, ImportError } from '../../pipeline/pipeline'
import { isReadError } from '../../pipeline/read'
import type { PipelineDocument } from '../../pipeline/types'
import { linkBatch, pipelineRecord } from '../../services/records'

export async function extractCommand(p: ParsedCommandLine): Promise<number> {
  if (!p.positionals.length) throw new UsageError('extract needs at least one file')
  const docs: PipelineDocument[] = []
  let failed = 0
  for await (const item of readInputs(p.positionals)) {
    if (isReadError(item)) {
      failed++
      process.stderr.write(`error     ${item.path}: ${item.error}\n`)
      continue
    }
    try {
      docs.push(...(await processInput(item)))
    } catch (e) {
      failed++
      process.stderr.write(`error     ${item.path}: ${e instanceof ImportError ? e.message : `unexpected problem (${(e as Error).message})`}\n`)
    }
  }
  const records = docs.map(pipelineRecord)
  linkBatch(docs, records)
  if (p.json) printJson(records)
  else for (const r of records) process.stdout.write(`${r.source.path} [${r.source.part}/${r.source.parts}]  ${r.docType}  ${r.date ?? '-'}  ${r.title}\n`)
  return failed ? 2 : 0
}
