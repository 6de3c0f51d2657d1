// The one place search reads document text. Where the text is kept is the archive's business (it may
// move out of the documents table), so every read of text or its simplified shadow goes through here.
import type { Archive } from '../archive/archive'
import type { SqlValue } from 'sql.js'
import { shadowText, storedText } from '../archive/text-pack'
import { inBatches } from './meta'

/** What the index tokenises: the simplified shadow where there is one, else the text itself. */
export function indexTexts(archive: Archive, ids: string[] | null): Map<string, string> {
  // Texts are stored packed (archive/text-pack.ts); unpacked here rather than by unpack_text in SQL,
  // which would copy each text back into sql.js and out again.
  // The shadow is stored as its differences from the text (text-pack.ts packShadow).
  const sql = 'SELECT id, text, simplified FROM documents'
  const rows =
    ids === null
      ? archive.all<{ id: string; text: SqlValue; simplified: SqlValue }>(`${sql} ORDER BY rowid`)
      : inBatches(ids, (marks, batch) => archive.all<{ id: string; text: SqlValue; simplified: SqlValue }>(`${sql} WHERE id IN (${marks})`, batch))
  return new Map(
    rows.map((r) => {
      const text = storedText(r.text) ?? ''
      return [r.id, shadowText(r.simplified, text) ?? text]
    })
  )
}

/** The original texts of some documents. */
export function displayTexts(archive: Archive, ids: string[]): Map<string, string> {
  const rows = inBatches(ids, (marks, batch) => archive.all<{ id: string; text: SqlValue }>(`SELECT id, text FROM documents WHERE id IN (${marks})`, batch))
  return new Map(rows.map((r) => [r.id, storedText(r.text) ?? '']))
}
