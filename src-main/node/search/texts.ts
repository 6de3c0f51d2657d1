// The one place search reads document text. Where the text is kept is the archive's business (it may
// move out of the documents table), so every read of text or its simplified shadow goes through here.
import type { Archive } from '../archive/archive'
import { inBatches } from './meta'

/** What the index tokenises: the simplified shadow where there is one, else the text itself. */
export function indexTexts(archive: Archive, ids: string[] | null): Map<string, string> {
  // Texts are stored packed (archive/text-pack.ts): unpack_text reads either stored form.
  const sql = 'SELECT id, unpack_text(coalesce(simplified, text)) AS body FROM documents'
  const rows =
    ids === null
      ? archive.all<{ id: string; body: string }>(`${sql} ORDER BY rowid`)
      : inBatches(ids, (marks, batch) => archive.all<{ id: string; body: string }>(`${sql} WHERE id IN (${marks})`, batch))
  return new Map(rows.map((r) => [r.id, r.body]))
}

export interface TextHead {
  /** The original text, or its first `head` characters. */
  text: string
  /** Only the first `head` characters were read (the text is longer). */
  partial: boolean
}

/** The original texts of some documents, whole or (head > 0) only their first `head` characters. */
export function displayTexts(archive: Archive, ids: string[], head = 0): Map<string, TextHead> {
  const n = Math.floor(head)
  // One character more than asked tells whether there is more.
  const col = n > 0 ? `substr(unpack_text(text), 1, ${n + 1})` : 'unpack_text(text)'
  const rows = inBatches(ids, (marks, batch) => archive.all<{ id: string; text: string }>(`SELECT id, ${col} AS text FROM documents WHERE id IN (${marks})`, batch))
  return new Map(rows.map((r) => [r.id, n > 0 && r.text.length > n ? { text: r.text.slice(0, n), partial: true } : { text: r.text, partial: false }]))
}
