// Tag rules in the archive: saved, listed, and applied — to each document as it is imported (in the
// same durable write that stores it) and on demand over the whole archive. A rule-applied tag keeps
// the rule in document_tags.origin ("rule:<id>"); a tag a person removed by hand has a tombstone and is
// never put back by a rule.
import type { Archive, Tx } from '../archive/archive'
import { randomBytes } from 'node:crypto'
import { AppError } from '../../common/errors'
import { normalizeTagName, type RuleMatch, type TagRule } from '../../common/tags'
import { compileRule, needsText, PreparedSubject, type RulePredicate, type RuleSubject } from './rules'
import { ensureTag } from './tag-edits'

interface RuleRow {
  id: string
  name: string
  tag_id: number
  tag: string
  match_json: string
  enabled: number
}

export interface ActiveRule {
  id: string
  tagId: number
  match: RuleMatch
  test: RulePredicate
}

const compiled = new Map<string, RulePredicate>()

/** Rules are compiled once per distinct definition (the import hook asks once per batch). */
function predicate(json: string): RulePredicate {
  let fn = compiled.get(json)
  if (!fn) {
    if (compiled.size > 500) compiled.clear()
    fn = compileRule(JSON.parse(json) as RuleMatch)
    compiled.set(json, fn)
  }
  return fn
}

function rows(tx: Pick<Tx, 'all'>, where = '1', params: string[] = []): RuleRow[] {
  return tx.all<RuleRow>(
    `SELECT r.id, r.name, r.tag_id, t.name AS tag, r.match_json, r.enabled FROM tag_rules r JOIN tags t ON t.id = r.tag_id WHERE ${where} ORDER BY r.created_at`,
    params
  )
}

/** Enabled rules, compiled; a rule stored by an older version that no longer compiles is skipped. */
export function activeRules(tx: Pick<Tx, 'all'>, ruleId?: string): ActiveRule[] {
  return rows(tx, ruleId ? 'r.id = ? AND r.enabled = 1' : 'r.enabled = 1', ruleId ? [ruleId] : []).flatMap((r) => {
    try {
      return [{ id: r.id, tagId: r.tag_id, match: JSON.parse(r.match_json) as RuleMatch, test: predicate(r.match_json) }]
    } catch {
      return []
    }
  })
}

export function listRules(archive: Archive): TagRule[] {
  const applied = new Map(
    archive.all<{ origin: string; n: number }>("SELECT origin, COUNT(*) AS n FROM document_tags WHERE origin LIKE 'rule:%' GROUP BY origin").map((r) => [r.origin.slice(5), Number(r.n)])
  )
  return rows(archive).map((r) => ({
    id: r.id,
    name: r.name,
    tag: r.tag,
    match: JSON.parse(r.match_json) as RuleMatch,
    enabled: r.enabled === 1,
    applied: applied.get(r.id) ?? 0
  }))
}

export interface RuleInput {
  id?: string
  name: string
  tag: string
  match: RuleMatch
  enabled: boolean
}

/** Create or update a rule; the rule is checked first (an invalid pattern is refused with its reason). */
export function saveRule(archive: Archive, input: RuleInput): TagRule {
  compileRule(input.match)
  const tag = normalizeTagName(input.tag)
  const id = archive.write((tx) => {
    const tagId = ensureTag(tx, tag)
    const json = JSON.stringify(input.match)
    if (input.id) {
      if (!tx.get('SELECT 1 FROM tag_rules WHERE id = ?', [input.id])) throw new AppError('errors.tags.ruleNotFound', { id: input.id }, `there is no rule ${input.id}`)
      tx.run('UPDATE tag_rules SET name = ?, tag_id = ?, match_json = ?, enabled = ? WHERE id = ?', [input.name, tagId, json, input.enabled ? 1 : 0, input.id])
      return input.id
    }
    const ruleId = randomBytes(6).toString('hex')
    tx.run('INSERT INTO tag_rules (id, name, tag_id, match_json, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      ruleId, input.name, tagId, json, input.enabled ? 1 : 0, new Date().toISOString()
    ])
    return ruleId
  })
  return listRules(archive).find((r) => r.id === id)!
}

/** Delete a rule; the tags it applied stay (they still name it, as a deleted rule). */
export function deleteRule(archive: Archive, id: string): number {
  return archive.write((tx) => {
    if (!tx.get('SELECT 1 FROM tag_rules WHERE id = ?', [id])) return 0
    tx.run('DELETE FROM tag_rules WHERE id = ?', [id])
    return 1
  })
}

/**
 * Tag documents by the rules. `subjects` maps document id → what the rules look at. With `prune`
 * (a re-run), a tag a rule of this run applied earlier and that no longer matches is taken off.
 */
export function applyRules(tx: Tx, rules: ActiveRule[], subjects: Map<string, RuleSubject>, prune: boolean): { added: number; removed: number } {
  let added = 0
  let removed = 0
  const byTag = new Map<number, ActiveRule[]>()
  for (const r of rules) byTag.set(r.tagId, [...(byTag.get(r.tagId) ?? []), r])
  const ours = new Set(rules.map((r) => `rule:${r.id}`))
  for (const [docId, subject] of subjects) {
    const p = new PreparedSubject(subject)
    const current = new Map(tx.all<{ tag_id: number; origin: string }>('SELECT tag_id, origin FROM document_tags WHERE document_id = ?', [docId]).map((r) => [r.tag_id, r.origin]))
    for (const [tagId, tagRules] of byTag) {
      const hit = tagRules.find((r) => r.test(p))
      const origin = current.get(tagId)
      if (hit) {
        if (origin === undefined) {
          if (tx.get('SELECT 1 FROM tag_tombstones WHERE document_id = ? AND tag_id = ?', [docId, tagId])) continue
          tx.run('INSERT INTO document_tags (document_id, tag_id, origin) VALUES (?, ?, ?)', [docId, tagId, `rule:${hit.id}`])
          added++
        } else if (ours.has(origin) && origin !== `rule:${hit.id}` && !tagRules.some((r) => origin === `rule:${r.id}` && r.test(p))) {
          // The rule that applied it no longer matches but another one does: name that one.
          tx.run('UPDATE document_tags SET origin = ? WHERE document_id = ? AND tag_id = ?', [`rule:${hit.id}`, docId, tagId])
        }
      } else if (prune && origin !== undefined && ours.has(origin)) {
        tx.run('DELETE FROM document_tags WHERE document_id = ? AND tag_id = ?', [docId, tagId])
        removed++
      }
    }
  }
  return { added, removed }
}

/** What the rules look at, for stored documents (text only when a rule needs it). */
export function loadSubjects(tx: Pick<Tx, 'all'>, ids: string[], withText: boolean): Map<string, RuleSubject> {
  const out = new Map<string, RuleSubject>()
  if (!ids.length) return out
  const marks = ids.map(() => '?').join(', ')
  const docs = tx.all<{ id: string; title: string; text: string; simplified: string | null; doc_type: string; issuer: string | null }>(
    `SELECT id, title, ${withText ? 'unpack_text(text) AS text, unpack_shadow(simplified, text) AS simplified' : "'' AS text, NULL AS simplified"}, doc_type, issuer FROM documents WHERE id IN (${marks})`,
    ids
  )
  for (const d of docs) out.set(d.id, { title: d.title, text: d.text, simplified: d.simplified, docType: d.doc_type, issuer: d.issuer, regions: [], measures: [] })
  for (const r of tx.all<{ document_id: string; region_code: string; region_name: string }>(`SELECT document_id, region_code, region_name FROM document_regions WHERE document_id IN (${marks})`, ids)) {
    out.get(r.document_id)?.regions.push({ code: r.region_code, name: r.region_name })
  }
  for (const m of tx.all<{ document_id: string; category: string; level: number; lifted: number }>(
    `SELECT document_id, category, level, lifted FROM measures WHERE deleted = 0 AND document_id IN (${marks})`,
    ids
  )) {
    out.get(m.document_id)?.measures.push({ category: m.category, level: m.level, lifted: m.lifted === 1 })
  }
  return out
}

/** Run the rules (one, or all enabled) over every document not in the trash, a durable write per chunk. */
export async function runRules(
  archive: Archive,
  opts: { ruleId?: string; chunk?: number; onProgress?: (p: { done: number; total: number; added: number; removed: number }) => void; signal?: AbortSignal } = {}
): Promise<{ done: number; total: number; added: number; removed: number }> {
  const rules = activeRules(archive, opts.ruleId)
  const withText = rules.some((r) => needsText(r.match))
  const ids = archive.column<string>('SELECT id FROM documents WHERE trashed_at IS NULL ORDER BY id')
  const stats = { done: 0, total: ids.length, added: 0, removed: 0 }
  const size = opts.chunk ?? 500
  opts.onProgress?.({ ...stats })
  for (let i = 0; i < ids.length && rules.length; i += size) {
    if (opts.signal?.aborted) break
    const chunk = ids.slice(i, i + size)
    const r = archive.write((tx) => applyRules(tx, rules, loadSubjects(tx, chunk, withText), true))
    stats.added += r.added
    stats.removed += r.removed
    stats.done += chunk.length
    opts.onProgress?.({ ...stats })
    // Let requests and progress events through between chunks.
    await new Promise((resolve) => setImmediate(resolve))
  }
  stats.done = stats.total
  return stats
}
