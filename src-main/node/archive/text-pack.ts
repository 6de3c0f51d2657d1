// Document texts are stored deflate-compressed (schema 7): they are most of an archive's bytes, they are
// read one document at a time, and Chinese text deflates to a third or less. Archives written before keep
// plain text in the same columns until their migration, so every reader goes through storedText / unpack_text.
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Database, SqlValue } from 'sql.js'

export function packText(text: string): Uint8Array {
  return new Uint8Array(deflateRawSync(Buffer.from(text, 'utf8'), { level: 6 }))
}

export function unpackText(blob: Uint8Array): string {
  return inflateRawSync(blob).toString('utf8')
}

/** The text of a stored text column: packed bytes, plain text (older archives) or null. */
export function storedText(value: SqlValue | undefined): string | null {
  if (value === null || value === undefined) return null
  return value instanceof Uint8Array ? unpackText(value) : String(value)
}

/**
 * The first `units` UTF-16 code units of a stored text, and whether the text goes on past them. Decoding
 * UTF-8 costs more than inflating it, and a snippet needs only the start: a code unit takes at most three
 * bytes, so the first 3 × units bytes hold the first `units` units, and three more finish a four-byte
 * character cut there (its first unit may be the last one wanted).
 */
export function storedHead(value: SqlValue | undefined, units: number): { text: string; partial: boolean } | null {
  if (value === null || value === undefined) return null
  if (!(value instanceof Uint8Array)) {
    const text = String(value)
    return text.length > units ? { text: text.slice(0, units), partial: true } : { text, partial: false }
  }
  const bytes = inflateRawSync(value)
  const limit = 3 * units + 3
  const text = bytes.toString('utf8', 0, Math.min(bytes.length, limit))
  return text.length > units || bytes.length > limit ? { text: text.slice(0, units), partial: true } : { text, partial: false }
}

/** What a text column stores for `text`: null stays null. */
export function storeText(text: string | null): Uint8Array | null {
  return text === null ? null : packText(text)
}

/**
 * SQL functions over the stored form, registered on every connection before the journal is replayed
 * (migration 7 calls pack_text): unpack_text(column) reads a text column in SQL.
 */
export function registerTextFunctions(db: Database): void {
  db.create_function('unpack_text', (v: SqlValue) => storedText(v))
  db.create_function('pack_text', (v: SqlValue) => (v === null ? null : v instanceof Uint8Array ? v : packText(String(v))))
}
