// Storing pipeline output: one original file (its bytes, its raw text) and the documents it yields,
// with duplicates recognised. Each call is one durable write.
import { createHash, randomFillSync } from 'node:crypto'
import type { Archive, Tx } from './archive'
import type { Statement } from './journal'
import type { PipelineDocument } from '../pipeline/types'
import type { RegionRef } from '../../common/record'
import { forgetNearDuplicateIndex, minhashBlob, nearDuplicateIndex, nearDuplicateIndexSynced, type NearDuplicateIndex } from './near-duplicates'
import { packShadow, packText, storeRemoved } from './text-pack'
import { tierOf } from '../compare/tier'
import { restoreTrashed } from '../tags/trash'
import { tagImported } from '../tags/import-hook'
import { normalizeTagName } from '../../common/tags'

/** Random bytes drawn in bulk: an import makes an id per measure, and one call per id cost more than the insert. */
const pool = Buffer.alloc(12 * 512)
let poolAt = pool.length

export function newId(): string {
  // 12 base32 characters: short enough to type in `show <id>`, 60 bits of randomness.
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  if (poolAt + 12 > pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  let id = ''
  for (let i = 0; i < 12; i++) id += alphabet[pool[poolAt + i] & 31]
  poolAt += 12
  return id
}

export interface StoreOutcome {
  kind: 'imported' | 'duplicate'
  /** Imported: the new id. Duplicate: the id of the document already stored. */
  id: string
  part: number
  parts: number
  title: string
  /** Duplicate of a document that was in the trash. */
  trashed?: boolean
  /** That document was taken out of the trash by this import. */
  restored?: boolean
  similar?: { id: string; score: number }[]
}

export interface SourceFile {
  path: string
  bytes: Uint8Array
  format: string
  encoding: string
}

function upsertRegion(tx: Tx, r: RegionRef): void {
  tx.run('INSERT OR IGNORE INTO regions (code, name, level, province) VALUES (?, ?, ?, ?)', [r.code, r.name, r.level, r.province])
}

/** text and simplified as the documents table stores them (text-pack.ts; simplified is null when it equals text). */
export function storedTexts(doc: Pick<PipelineDocument, 'text' | 'simplified' | 'packed'>): [Uint8Array, Uint8Array | null] {
  if (doc.packed) return [doc.packed.text, doc.packed.simplified]
  return [packText(doc.text), packShadow(doc.text, doc.simplified)]
}

export function insertDocumentRows(tx: Tx, id: string, sha: string, doc: PipelineDocument, now: string): void {
  tx.run(
    `INSERT INTO documents (id, source_sha256, source_path, format, encoding, part, parts, text, simplified, title,
       doc_type, doc_type_detail, issuer, doc_number, date, script, removed_json, warnings_json, content_hash, minhash,
       extractor_version, imported_at, updated_at, title_derived)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id, sha, doc.source.path, doc.source.format, doc.source.encoding, doc.source.part, doc.source.parts, ...storedTexts(doc), doc.title, doc.docType, doc.docTypeDetail, doc.issuer,
      doc.docNumber, doc.date, doc.script, storeRemoved(doc.removed), JSON.stringify(doc.warnings), doc.contentHash,
      doc.minhash.length ? minhashBlob(doc.minhash) : null, doc.extractorVersion, now, now, doc.titleDerived ? 1 : 0
    ]
  )
  insertExtracted(tx, id, doc)
}

/** Regions (with their tiers: region-tiers.ts) and measures of a new document. */
export function insertExtracted(tx: Tx, id: string, doc: Pick<PipelineDocument, 'regions' | 'measures' | 'issuer'>): void {
  for (const r of doc.regions) {
    upsertRegion(tx, r)
    tx.run('INSERT OR IGNORE INTO document_regions (document_id, region_code, region_name, tier) VALUES (?, ?, ?, ?)', [id, r.code, r.name, tierOf(doc, r)])
  }
  // Multi-row inserts of up to 25 measures: a document often has dozens, and each statement costs a
  // prepare/bind/step round trip into sql.js plus its text in the journal.
  for (let i = 0; i < doc.measures.length; i += 25) {
    const chunk = doc.measures.slice(i, i + 25)
    tx.run(
      `INSERT INTO measures (id, document_id, category, level, params_json, target, lifted, evidence_start, evidence_end, evidence_text)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((m) => [newId(), id, m.category, m.level, JSON.stringify(m.params), m.target, m.lifted ? 1 : 0, m.start, m.end, m.text])
    )
  }
}

function applyTags(tx: Tx, id: string, tags: string[], origin: string): void {
  for (const name of tags) {
    tx.run('INSERT OR IGNORE INTO tags (name) VALUES (?)', [name])
    tx.run('INSERT OR IGNORE INTO document_tags (document_id, tag_id, origin) SELECT ?, id, ? FROM tags WHERE name = ?', [id, origin, name])
  }
}

export interface StoreItem {
  file: SourceFile
  docs: PipelineDocument[]
}

/** A refusal: `detail` is the store's own message (the import job words the reason around it). */
export type StoreResult = { ok: true; outcomes: StoreOutcome[] } | { ok: false; reason: string; detail: string }

function storeOne(tx: Tx, sha: string, item: StoreItem, tags: string[], now: string, index: NearDuplicateIndex): StoreOutcome[] {
  const { file, docs } = item
  const outcomes: StoreOutcome[] = []
  tx.run('INSERT OR IGNORE INTO sources (sha256, path, format, encoding, size, imported_at) VALUES (?, ?, ?, ?, ?, ?)', [
    sha, file.path, file.format, file.encoding, file.bytes.byteLength, now
  ])
  for (const doc of docs) {
    const base = { part: doc.source.part, parts: doc.source.parts, title: doc.title }
    const dup = tx.get<{ id: string; trashed_at: string | null }>(
      'SELECT id, trashed_at FROM documents WHERE content_hash = ? ORDER BY trashed_at IS NOT NULL, imported_at LIMIT 1',
      [doc.contentHash]
    )
    if (dup) {
      // Importing the file of a trashed document again means the user wants it back.
      if (dup.trashed_at !== null) restoreTrashed(tx, dup.id, dup.trashed_at, now, file.path)
      outcomes.push({ kind: 'duplicate', id: dup.id, trashed: dup.trashed_at !== null, restored: dup.trashed_at !== null, ...base })
      continue
    }
    const id = newId()
    // Parts of one file are not linked to each other: they join the index once the file is stored.
    const similar = index.similar(doc.minhash)
    insertDocumentRows(tx, id, sha, doc, now)
    for (const s of similar) tx.run('INSERT OR REPLACE INTO similar (a, b, score) VALUES (?, ?, ?)', [id, s.id, s.score])
    if (tags.length) applyTags(tx, id, tags, 'import')
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json) VALUES (?, ?, ?, ?)', [
      now, 'import', id, JSON.stringify({ path: file.path, part: doc.source.part })
    ])
    outcomes.push({ kind: 'imported', id, similar, ...base })
  }
  return outcomes
}

/**
 * Store a batch of input files and the documents they yielded in ONE durable write (group commit:
 * one journal fsync for the batch). Exact duplicates (same normalised text as a stored document,
 * trashed or not) are not stored again. A file whose rows fail is undone alone; the rest is kept.
 */
export function storeSources(
  archive: Archive,
  items: StoreItem[],
  opts: { tags?: string[]; /** More statements for the same durable write (the import queue's bookkeeping). */ also?: (tx: Tx, results: StoreResult[]) => void } = {}
): StoreResult[] {
  const shas = items.map((it) => createHash('sha256').update(it.file.bytes).digest('hex'))
  // The originals travel in the same journal record as the rows: one fsync makes the batch durable.
  const files = new Map<string, Uint8Array>()
  items.forEach((it, i) => {
    if (!archive.originals.has(shas[i])) files.set(shas[i], it.file.bytes)
  })
  const now = new Date().toISOString()
  const tags = (opts.tags ?? []).map(normalizeTagName)
  const index = nearDuplicateIndex(archive)
  try {
    const results = archive.write(
      (tx) => {
        const results = items.map((item, i): StoreResult => {
          const r = tx.attempt(() => storeOne(tx, shas[i], item, tags, now, index))
          if (!r.ok) return { ok: false, reason: `the document could not be stored (${r.error.message})`, detail: r.error.message }
          r.value.forEach((o, j) => {
            if (o.kind === 'imported') index.add(o.id, item.docs[j].minhash)
          })
          return { ok: true, outcomes: r.value }
        })
        tagImported(tx, results.flatMap((r, i) => (r.ok ? r.outcomes.flatMap((o, j) => (o.kind === 'imported' ? [{ id: o.id, doc: items[i].docs[j] }] : [])) : [])))
        opts.also?.(tx, results)
        return results
      },
      [...files].map(([sha256, bytes]) => ({ sha256, bytes }))
    )
    nearDuplicateIndexSynced(archive, index)
    return results
  } catch (e) {
    forgetNearDuplicateIndex(archive)
    throw e
  }
}

/** One file in one write (pasted text, tests). */
export function storeSource(archive: Archive, file: SourceFile, docs: PipelineDocument[], opts: { tags?: string[] } = {}): StoreOutcome[] {
  const [r] = storeSources(archive, [{ file, docs }], opts)
  if (!r.ok) throw new Error(r.reason)
  return r.outcomes
}

/** Move documents to the trash or back: one audit entry for the whole (bulk) action, undoable. */
export function setTrashed(archive: Archive, ids: string[], trashed: boolean): number {
  const now = new Date().toISOString()
  return archive.write((tx) => {
    const changed: string[] = []
    const undo: Statement[] = []
    for (const id of ids) {
      const row = tx.get<{ trashed_at: string | null }>('SELECT trashed_at FROM documents WHERE id = ?', [id])
      if (!row || (row.trashed_at !== null) === trashed) continue
      tx.run('UPDATE documents SET trashed_at = ?, updated_at = ? WHERE id = ?', [trashed ? now : null, now, id])
      undo.push(['UPDATE documents SET trashed_at = ? WHERE id = ?', [row.trashed_at, id]])
      changed.push(id)
    }
    if (changed.length) {
      tx.run('INSERT INTO audit_log (at, action, document_id, detail_json, undo_json) VALUES (?, ?, ?, ?, ?)', [
        now, trashed ? 'trash' : 'restore', changed.length === 1 ? changed[0] : null, JSON.stringify({ ids: changed }), JSON.stringify(undo)
      ])
    }
    return changed.length
  })
}

/** Add and remove tags on documents (bulk): one audit entry, undoable. */
export function changeTags(archive: Archive, ids: string[], rawAdd: string[], rawRemove: string[]): number {
  const now = new Date().toISOString()
  const add = rawAdd.map(normalizeTagName)
  const remove = rawRemove.map(normalizeTagName)
  return archive.write((tx) => {
    const undo: Statement[] = []
    let n = 0
    for (const id of ids) {
      if (!tx.get('SELECT 1 FROM documents WHERE id = ?', [id])) continue
      for (const name of add) {
        const has = tx.get<{ origin: string }>('SELECT dt.origin FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = ? AND t.name = ?', [id, name])
        if (has) {
          // Added by hand where a rule had put it: now the person's, a rule re-run leaves it alone.
          if (has.origin.startsWith('rule:')) {
            const sql = 'UPDATE document_tags SET origin = ? WHERE document_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)'
            tx.run(sql, ['manual', id, name])
            undo.push([sql, [has.origin, id, name]])
          }
          continue
        }
        applyTags(tx, id, [name], 'manual')
        undo.push(['DELETE FROM document_tags WHERE document_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)', [id, name]])
        // Given back by hand: rules may manage it again.
        const tomb = tx.get<{ removed_at: string }>('SELECT removed_at FROM tag_tombstones WHERE document_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)', [id, name])
        if (tomb) {
          tx.run('DELETE FROM tag_tombstones WHERE document_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)', [id, name])
          undo.push(['INSERT OR IGNORE INTO tag_tombstones (document_id, tag_id, removed_at) SELECT ?, id, ? FROM tags WHERE name = ?', [id, tomb.removed_at, name]])
        }
      }
      for (const name of remove) {
        const had = tx.get<{ origin: string }>('SELECT dt.origin FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = ? AND t.name = ?', [id, name])
        if (!had) continue
        tx.run('DELETE FROM document_tags WHERE document_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)', [id, name])
        // Removed by hand: a rule never puts it back on this document.
        tx.run('INSERT OR REPLACE INTO tag_tombstones (document_id, tag_id, removed_at) SELECT ?, id, ? FROM tags WHERE name = ?', [id, now, name])
        undo.push(['INSERT OR IGNORE INTO document_tags (document_id, tag_id, origin) SELECT ?, id, ? FROM tags WHERE name = ?', [id, had.origin, name]])
        undo.push(['DELETE FROM tag_tombstones WHERE document_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)', [id, name]])
      }
      n++
    }
    if (undo.length) {
      tx.run('INSERT INTO audit_log (at, action, document_id, detail_json, undo_json) VALUES (?, ?, ?, ?, ?)', [
        now, 'tag', ids.length === 1 ? ids[0] : null, JSON.stringify({ ids, add, remove }), JSON.stringify(undo)
      ])
    }
    return n
  })
}
