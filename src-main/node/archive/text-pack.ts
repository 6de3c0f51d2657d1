// Document texts are stored deflate-compressed (schema 7): they are most of an archive's bytes, they are
// read one document at a time, and Chinese text deflates to a third or less. Archives written before keep
// plain text in the same columns until their migration, so every reader goes through storedText / unpack_text.
// The simplified shadow is the text with some characters replaced (same length), so from schema 8 it is
// stored as only those characters (packShadow): a tenth of the bytes of the whole shadow deflated.
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
 * What `removed_json` stores for a document's removed passages (schema 8): their JSON packed like a text,
 * or the plain '[]' of a document that has none (readers go through unpack_text, as for the texts).
 */
export function storeRemoved(removed: unknown[]): string | Uint8Array {
  return removed.length ? packText(JSON.stringify(removed)) : '[]'
}

/**
 * First byte of a shadow stored as its differences from the text. A raw deflate stream never starts
 * with it (block type 3 is reserved), so a whole shadow packed by packText is told apart from a delta.
 */
const DELTA = 0x06

/**
 * What the `simplified` column stores for a text's simplified shadow: null when it equals the text; else
 * the DELTA byte and, deflated, 16-bit units: the text's length (high, low), then for each run of changed
 * code units the number unchanged before it, its length and its units (a gap or run over 65,535 is cut
 * into pieces). The whole shadow packed when it differs from the text in length.
 */
export function packShadow(text: string, simplified: string): Uint8Array | null {
  if (simplified === text) return null
  if (simplified.length !== text.length) return packText(simplified)
  const units: number[] = [text.length >>> 16, text.length & 0xffff]
  let pos = 0
  let i = 0
  while (i < text.length) {
    if (simplified.charCodeAt(i) === text.charCodeAt(i)) {
      i++
      continue
    }
    let end = i + 1
    while (end < text.length && end - i < 0xffff && simplified.charCodeAt(end) !== text.charCodeAt(end)) end++
    let gap = i - pos
    for (; gap > 0xffff; gap -= 0xffff) units.push(0xffff, 0)
    units.push(gap, end - i)
    for (let k = i; k < end; k++) units.push(simplified.charCodeAt(k))
    pos = i = end
  }
  const body = deflateRawSync(Buffer.from(Uint16Array.from(units).buffer), { level: 6 })
  const out = new Uint8Array(body.length + 1)
  out[0] = DELTA
  out.set(body, 1)
  return out
}

/** The simplified shadow from the stored `simplified` column and the document's text; null when it is the text. */
export function shadowText(stored: SqlValue | undefined, text: string): string | null {
  if (!(stored instanceof Uint8Array) || stored[0] !== DELTA) return storedText(stored)
  const bytes = inflateRawSync(stored.subarray(1))
  const units = new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.byteLength & ~1)))
  const length = units[0] * 0x10000 + units[1]
  if (length !== text.length) throw new Error(`a simplified shadow of ${length} characters does not fit a text of ${text.length}`)
  const pieces: string[] = []
  let pos = 0
  for (let i = 2; i + 1 < units.length; ) {
    const gap = units[i]
    const run = units[i + 1]
    pieces.push(text.slice(pos, pos + gap))
    pieces.push(Buffer.from(units.buffer, (i + 2) * 2, run * 2).toString('utf16le'))
    pos += gap + run
    i += 2 + run
  }
  if (pos > text.length) throw new Error(`a simplified shadow runs past the end of its text (${pos} of ${text.length})`)
  pieces.push(text.slice(pos))
  return pieces.join('')
}

/**
 * SQL functions over the stored form, registered on every connection before the journal is replayed
 * (migrations 7 and 8 call them): unpack_text(column) reads a text column in SQL, unpack_shadow(simplified,
 * text) the simplified shadow (null when it is the text), pack_shadow(text, simplified) stores a shadow as
 * its differences (idempotent: migration 8 may meet rows a replayed journal record wrote in either form).
 */
export function registerTextFunctions(db: Database): void {
  db.create_function('unpack_text', (v: SqlValue) => storedText(v))
  db.create_function('pack_text', (v: SqlValue) => (v === null ? null : v instanceof Uint8Array ? v : packText(String(v))))
  db.create_function('unpack_shadow', (simplified: SqlValue, text: SqlValue) => shadowText(simplified, storedText(text) ?? ''))
  db.create_function('pack_shadow', (text: SqlValue, simplified: SqlValue) => {
    if (simplified === null || (simplified instanceof Uint8Array && simplified[0] === DELTA)) return simplified
    return packShadow(storedText(text) ?? '', storedText(simplified) ?? '')
  })
}
