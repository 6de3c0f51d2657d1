// Storing re-processed documents (services/reprocess.ts runs the pipeline on the stored originals
// after an extractor upgrade). Document ids, tags and every manual correction survive: corrected
// fields, manually set regions, added or edited measures, and deleted measures (their tombstones
// keep them from coming back).
import type { Archive, Tx } from './archive'
import type { PipelineDocument } from '../pipeline/types'
import { estimateSimilarity } from '../similarity'
import { insertDocumentRows, newId, storedTexts } from './documents-write'
import { refreshTiers } from './region-tiers'
import { storeRemoved } from './text-pack'
import { minhashBlob, minhashFromBlob } from './near-duplicates'
import { CORRECTABLE_FIELDS } from './corrections'

/** What storing re-processed originals changed. */
export interface ReplaceCounts {
  updated: number
  added: number
  removed: number
}

export interface OldDoc {
  id: string
  part: number
  manual_fields: string
  minhash: Uint8Array | null
  text: string
}

const FIELD_COLUMN: Record<string, string> = { title: 'title', docType: 'doc_type', docTypeDetail: 'doc_type_detail', issuer: 'issuer', docNumber: 'doc_number', date: 'date' }

/** Pair old and new parts: by position when the split is unchanged, else by text similarity. */
function matchParts(old: OldDoc[], fresh: PipelineDocument[]): Map<number, OldDoc> {
  const pairs = new Map<number, OldDoc>()
  if (old.length === fresh.length) {
    fresh.forEach((_, i) => pairs.set(i, old[i]))
    return pairs
  }
  const scored: { i: number; o: OldDoc; s: number }[] = []
  fresh.forEach((d, i) => old.forEach((o) => scored.push({ i, o, s: estimateSimilarity(d.minhash, minhashFromBlob(o.minhash)) })))
  const used = new Set<string>()
  for (const { i, o, s } of scored.sort((a, b) => b.s - a.s)) {
    if (s < 0.5 || pairs.has(i) || used.has(o.id)) continue
    pairs.set(i, o)
    used.add(o.id)
  }
  return pairs
}

function hasCorrections(tx: Tx, id: string): boolean {
  return Boolean(
    tx.get(
      `SELECT 1 FROM documents d WHERE d.id = ? AND (d.manual_fields != '[]'
         OR EXISTS (SELECT 1 FROM measures m WHERE m.document_id = d.id AND m.manual = 1)
         OR EXISTS (SELECT 1 FROM document_regions r WHERE r.document_id = d.id AND r.manual = 1)
         OR EXISTS (SELECT 1 FROM document_tags t WHERE t.document_id = d.id))`,
      [id]
    )
  )
}

/** Update a stored document from a fresh pipeline result, leaving what a person corrected alone. */
export function updateDocument(tx: Tx, old: OldDoc, doc: PipelineDocument, now: string): void {
  const manual = new Set(JSON.parse(old.manual_fields) as string[])
  const warnings = [...doc.warnings]
  const auto = CORRECTABLE_FIELDS.filter((f) => !manual.has(f))
  tx.run(
    `UPDATE documents SET encoding = ?, text = ?, simplified = ?, part = ?, parts = ?, script = ?, removed_json = ?, content_hash = ?, minhash = ?,
       extractor_version = ?, updated_at = ?${auto.map((f) => `, ${FIELD_COLUMN[f]} = ?`).join('')}${manual.has('title') ? '' : ', title_derived = ?'} WHERE id = ?`,
    [
      doc.source.encoding, ...storedTexts(doc), doc.source.part, doc.source.parts, doc.script, storeRemoved(doc.removed),
      doc.contentHash, doc.minhash.length ? minhashBlob(doc.minhash) : null, doc.extractorVersion, now,
      ...auto.map((f) => doc[f] ?? null), ...(manual.has('title') ? [] : [doc.titleDerived ? 1 : 0]), old.id
    ]
  )

  // Regions: a person's choice replaces extraction entirely.
  if (!tx.get('SELECT 1 FROM document_regions WHERE document_id = ? AND manual = 1', [old.id])) {
    tx.run('DELETE FROM document_regions WHERE document_id = ?', [old.id])
    for (const r of doc.regions) {
      tx.run('INSERT OR IGNORE INTO regions (code, name, level, province) VALUES (?, ?, ?, ?)', [r.code, r.name, r.level, r.province])
      tx.run('INSERT OR IGNORE INTO document_regions (document_id, region_code, region_name) VALUES (?, ?, ?)', [old.id, r.code, r.name])
    }
  }
  // The issuer may have changed even where a person chose the regions.
  refreshTiers(tx, old.id)

  // Manual measures (and tombstones) stay; their evidence is re-anchored if the text moved.
  tx.run('DELETE FROM measures WHERE document_id = ? AND manual = 0', [old.id])
  const kept = tx.all<{ id: string; category: string; evidence_start: number; evidence_end: number; evidence_text: string; deleted: number }>(
    'SELECT id, category, evidence_start, evidence_end, evidence_text, deleted FROM measures WHERE document_id = ?',
    [old.id]
  )
  for (const k of kept) {
    if (doc.text.slice(k.evidence_start, k.evidence_end) === k.evidence_text) continue
    const at = doc.text.indexOf(k.evidence_text)
    if (at >= 0) tx.run('UPDATE measures SET evidence_start = ?, evidence_end = ? WHERE id = ?', [at, at + k.evidence_text.length, k.id])
    else if (!k.deleted) warnings.push(`a corrected measure's evidence ("${k.evidence_text.slice(0, 30)}") is no longer in the re-processed text`)
  }
  const anchored = tx.all<{ category: string; evidence_start: number; evidence_end: number }>(
    'SELECT category, evidence_start, evidence_end FROM measures WHERE document_id = ?',
    [old.id]
  )
  for (const m of doc.measures) {
    // Skip what a person already decided about: same category over an overlapping span.
    if (anchored.some((a) => a.category === m.category && a.evidence_start < m.end && m.start < a.evidence_end)) continue
    tx.run(
      `INSERT INTO measures (id, document_id, category, level, params_json, target, lifted, evidence_start, evidence_end, evidence_text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [newId(), old.id, m.category, m.level, JSON.stringify(m.params), m.target, m.lifted ? 1 : 0, m.start, m.end, m.text]
    )
  }
  tx.run('UPDATE documents SET warnings_json = ? WHERE id = ?', [JSON.stringify(warnings), old.id])
}

export interface SourceToReprocess {
  sha256: string
  path: string
  format: string
  forced_encoding: string | null
}

/** Originals whose documents were made by an older extractor than `version` (or all of them). */
export function sourcesToReprocess(archive: Archive, all: boolean, version: number): SourceToReprocess[] {
  return archive.all<SourceToReprocess>(
    `SELECT s.sha256, s.path, s.format, s.forced_encoding FROM sources s WHERE EXISTS (SELECT 1 FROM documents d WHERE d.source_sha256 = s.sha256
       ${all ? '' : 'AND d.extractor_version < ?'}) ORDER BY s.imported_at`,
    all ? [] : [version]
  )
}

/** Put a fresh pipeline result for one original in place of its stored documents (ids kept where parts match). */
export function replaceSourceDocuments(tx: Tx, sha256: string, docs: PipelineDocument[], now: string, report: ReplaceCounts): void {
  const old = tx.all<OldDoc>('SELECT id, part, manual_fields, minhash, unpack_text(text) AS text FROM documents WHERE source_sha256 = ? ORDER BY part', [sha256])
  const pairs = matchParts(old, docs)
  const matched = new Set<string>()
  docs.forEach((doc, i) => {
    const o = pairs.get(i)
    if (o) {
      updateDocument(tx, o, doc, now)
      matched.add(o.id)
      report.updated++
    } else {
      insertDocumentRows(tx, newId(), sha256, doc, now)
      report.added++
    }
  })
  for (const o of old) {
    if (matched.has(o.id) || hasCorrections(tx, o.id)) continue
    tx.run('DELETE FROM documents WHERE id = ?', [o.id])
    report.removed++
  }
  const version = docs[0]?.extractorVersion ?? null
  tx.run('INSERT INTO audit_log (at, action, detail_json) VALUES (?, ?, ?)', [now, 'reprocess', JSON.stringify({ source: sha256, version })])
}
