// Storing the edits a person makes to how a file became documents: a new decoding, text the cleaner
// removed put back, parts of a compilation merged or re-split, near-duplicates settled. The documents
// are rebuilt by the pipeline's stages, which the caller (services/document-edits.ts) supplies as
// `rebuild`: the store never runs the pipeline itself. Manual corrections are kept.
import type { Archive, Tx } from './archive'
import type { PipelineDocument } from '../pipeline/types'
import type { Removed } from '../../common/record'
import { insertDocumentRows, newId } from './documents-write'
import { replaceSourceDocuments, updateDocument, type OldDoc } from './reprocess'
import { CorrectionError } from './corrections'
import { DOCUMENT_COLUMNS } from './documents-read'
import { noDocument } from '../../common/errors'
import type { Statement } from './journal'

/** What a rebuild needs to know about the stored document it replaces. */
export interface EditedDocument {
  source_sha256: string
  source_path: string
  format: string
  encoding: string
  warnings_json: string
}

/** Builds the document for an edited text with the pipeline's stages after splitting. */
export type Rebuild = (row: EditedDocument, text: string, removed: Removed[], part: number, parts: number) => PipelineDocument

interface DocRow extends OldDoc, EditedDocument {
  parts: number
  removed_json: string
}

function load(tx: Tx, id: string): DocRow {
  const row = tx.get<DocRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ?`, [id])
  if (!row) throw noDocument(id)
  return row
}

function renumberParts(tx: Tx, sha256: string): void {
  const docs = tx.all<{ id: string }>('SELECT id FROM documents WHERE source_sha256 = ? ORDER BY part, imported_at', [sha256])
  docs.forEach((d, i) => tx.run('UPDATE documents SET part = ?, parts = ? WHERE id = ?', [i + 1, docs.length, d.id]))
}

/** Store the documents of a new decoding of one original in place of its old ones (ids kept where parts match). */
export function storeRedecoded(archive: Archive, id: string, sha256: string, encoding: string, docs: PipelineDocument[]): void {
  const now = new Date().toISOString()
  archive.write((tx) => {
    tx.run('UPDATE sources SET forced_encoding = ? WHERE sha256 = ?', [encoding, sha256])
    replaceSourceDocuments(tx, sha256, docs, now, { updated: 0, added: 0, removed: 0 })
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json) VALUES (?, ?, ?, ?)', [now, 'redecode', id, JSON.stringify({ encoding })])
  })
}

/** Put a removed passage back into the text (where it was, when the cleaner recorded that). */
export function restoreRemoved(archive: Archive, id: string, index: number, rebuild: Rebuild): void {
  archive.write((tx) => {
    const row = load(tx, id)
    const removed = JSON.parse(row.removed_json) as Removed[]
    const item = removed[index]
    if (!item) throw new CorrectionError('errors.core.noRemovedPassage', { index: index + 1 }, `document ${id} has no removed passage number ${index}`)
    const at = typeof item.at === 'number' && item.at >= 0 && item.at <= row.text.length ? item.at : row.text.length
    const glue = (s: string): string => (s && !s.endsWith('\n') ? '\n' : '')
    const text = row.text.slice(0, at) + glue(row.text.slice(0, at)) + item.text + glue(item.text) + row.text.slice(at)
    const rest = removed.filter((_, i) => i !== index)
    updateDocument(tx, row, rebuild(row, text.replace(/\n+$/, ''), rest, row.part, row.parts), new Date().toISOString())
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json) VALUES (?, ?, ?, ?)', [new Date().toISOString(), 'restore-removed', id, JSON.stringify(item)])
  })
}

/** Merge documents split from one file back into one (the first keeps its id, tags and corrections). */
export function mergeParts(archive: Archive, ids: string[], rebuild: Rebuild): string {
  if (ids.length < 2) throw new CorrectionError('errors.core.mergeTooFew', {}, 'choose at least two documents to merge')
  return archive.write((tx) => {
    const rows = ids.map((id) => load(tx, id)).sort((a, b) => a.part - b.part)
    if (new Set(rows.map((r) => r.source_sha256)).size > 1) throw new CorrectionError('errors.core.mergeDifferentFiles', {}, 'only parts of the same file can be merged')
    const [keep, ...others] = rows
    let text = keep.text
    for (const o of others) {
      const shift = text.length + 1
      text = `${text}\n${o.text}`
      // Corrections travel with their text.
      tx.run('UPDATE measures SET document_id = ?, evidence_start = evidence_start + ?, evidence_end = evidence_end + ? WHERE document_id = ? AND manual = 1', [keep.id, shift, shift, o.id])
      tx.run('INSERT OR IGNORE INTO document_tags (document_id, tag_id, origin) SELECT ?, tag_id, origin FROM document_tags WHERE document_id = ?', [keep.id, o.id])
      tx.run('DELETE FROM documents WHERE id = ?', [o.id])
    }
    const removed = rows.flatMap((r) => JSON.parse(r.removed_json) as Removed[])
    updateDocument(tx, keep, rebuild(keep, text, removed, keep.part, keep.parts), new Date().toISOString())
    renumberParts(tx, keep.source_sha256)
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json) VALUES (?, ?, ?, ?)', [new Date().toISOString(), 'merge', keep.id, JSON.stringify({ merged: others.map((o) => o.id) })])
    return keep.id
  })
}

/** Split a document at the given offsets of its text; the first piece keeps the id. Returns all ids. */
export function splitDocument(archive: Archive, id: string, offsets: number[], rebuild: Rebuild): string[] {
  return archive.write((tx) => {
    const row = load(tx, id)
    const cuts = [...new Set(offsets)].sort((a, b) => a - b)
    if (!cuts.length || cuts.some((c) => !Number.isInteger(c) || c <= 0 || c >= row.text.length)) {
      throw new CorrectionError('errors.core.splitOutside', { max: row.text.length - 1 }, `split points must lie inside the text (1–${row.text.length - 1})`)
    }
    const bounds = [0, ...cuts, row.text.length]
    const pieces = bounds.slice(0, -1).map((b, i) => ({ start: b, text: row.text.slice(b, bounds[i + 1]) }))
    if (pieces.some((p) => !p.text.trim())) throw new CorrectionError('errors.core.splitEmpty', {}, 'a split would leave an empty document')
    const now = new Date().toISOString()
    const ids = [id]
    for (const piece of pieces.slice(1)) {
      const newIdValue = newId()
      insertDocumentRows(tx, newIdValue, row.source_sha256, rebuild(row, piece.text.replace(/^\n+/, ''), [], row.part, row.parts), now)
      const lead = piece.text.length - piece.text.replace(/^\n+/, '').length
      const from = piece.start + lead
      tx.run(
        `UPDATE measures SET document_id = ?, evidence_start = evidence_start - ?, evidence_end = evidence_end - ?
         WHERE document_id = ? AND manual = 1 AND evidence_start >= ? AND evidence_end <= ?`,
        [newIdValue, from, from, id, from, piece.start + piece.text.length]
      )
      tx.run('INSERT OR IGNORE INTO document_tags (document_id, tag_id, origin) SELECT ?, tag_id, origin FROM document_tags WHERE document_id = ?', [newIdValue, id])
      ids.push(newIdValue)
    }
    updateDocument(tx, row, rebuild(row, pieces[0].text.replace(/\n+$/, ''), JSON.parse(row.removed_json), row.part, row.parts), now)
    // New pieces follow the original among the file's parts.
    tx.run('UPDATE documents SET part = part + ? WHERE source_sha256 = ? AND part > ? AND id NOT IN (' + ids.map(() => '?').join(',') + ')', [ids.length - 1, row.source_sha256, row.part, ...ids])
    ids.forEach((d, i) => tx.run('UPDATE documents SET part = ? WHERE id = ?', [row.part + i, d]))
    renumberParts(tx, row.source_sha256)
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json) VALUES (?, ?, ?, ?)', [now, 'split', id, JSON.stringify({ offsets: cuts, ids })])
    return ids
  })
}

/**
 * Settle a near-duplicate pair: 'merge' keeps `id`, moves the other's tags to it and puts the other in the
 * trash as its duplicate; 'keep' keeps both and drops the link. Both can be undone.
 */
export function resolveSimilar(archive: Archive, id: string, other: string, action: 'merge' | 'keep'): void {
  archive.write((tx) => {
    load(tx, id)
    load(tx, other)
    const link = tx.get<{ a: string; b: string; score: number }>('SELECT * FROM similar WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)', [id, other, other, id])
    const now = new Date().toISOString()
    const undo: Statement[] = []
    if (link) {
      tx.run('DELETE FROM similar WHERE a = ? AND b = ?', [link.a, link.b])
      undo.push(['INSERT OR REPLACE INTO similar (a, b, score) VALUES (?, ?, ?)', [link.a, link.b, link.score]])
    }
    if (action === 'merge') {
      const before = tx.get<{ trashed_at: string | null; duplicate_of: string | null }>('SELECT trashed_at, duplicate_of FROM documents WHERE id = ?', [other])!
      const moved = tx.all<{ tag_id: number }>(
        'SELECT tag_id FROM document_tags WHERE document_id = ? AND tag_id NOT IN (SELECT tag_id FROM document_tags WHERE document_id = ?)',
        [other, id]
      )
      for (const t of moved) {
        tx.run("INSERT INTO document_tags (document_id, tag_id, origin) VALUES (?, ?, 'merge')", [id, t.tag_id])
        undo.push(['DELETE FROM document_tags WHERE document_id = ? AND tag_id = ?', [id, t.tag_id]])
      }
      tx.run('UPDATE documents SET trashed_at = ?, duplicate_of = ?, updated_at = ? WHERE id = ?', [now, id, now, other])
      undo.push(['UPDATE documents SET trashed_at = ?, duplicate_of = ? WHERE id = ?', [before.trashed_at, before.duplicate_of, other]])
    }
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json, undo_json) VALUES (?, ?, ?, ?, ?)', [
      now, action === 'merge' ? 'merge-similar' : 'keep-similar', id, JSON.stringify({ other }), JSON.stringify(undo)
    ])
  })
}
