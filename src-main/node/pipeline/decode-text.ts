// Byte → text decoding for plain-text inputs (txt, md, pasted files, HTML/MHTML bodies).
//
// Order: BOM → strict UTF-8 → UTF-16 without BOM (byte-position statistics) → legacy Chinese
// encodings (GB18030 covers GBK/GB2312; Big5) chosen by scoring each candidate decode.
// Undecodable bytes are never replaced silently: every decode reports a confidence, and any
// replacement character it had to produce is counted and turned into a visible warning.
import iconv from 'iconv-lite'
import * as chardet from 'chardet'
import type { DecodedText } from './types'
import { ImportError } from './import-error'
import { plausibility, textStats, unusualNonAscii } from './decode-text-stats'
import { repairMojibake } from './mojibake'

export { plausibility, textStats } from './decode-text-stats'
export type { TextStats } from './decode-text-stats'

/** Below this the document carries a warning and the app offers to re-decode it. */
export const LOW_CONFIDENCE = 0.8

function stripBom(bytes: Uint8Array): { encoding: string; body: Uint8Array } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', body: bytes.subarray(3) }
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', body: bytes.subarray(2) }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', body: bytes.subarray(2) }
  if (bytes.length >= 4 && bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) {
    return { encoding: 'gb18030', body: bytes.subarray(4) }
  }
  return null
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true })

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Fatal.decode(bytes)
  } catch {
    return null
  }
}

/**
 * UTF-16 without BOM: in each 2-byte unit, the "high" byte of Chinese text is 0x4E–0x9F (CJK),
 * 0x30 or 0xFF (CJK / full-width punctuation) or 0x00 (ASCII). Score both byte orders on a
 * sample; a clear winner is UTF-16. Legacy multi-byte encodings do not align on even offsets.
 */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null
  const n = Math.min(bytes.length, 8192) & ~1
  let le = 0
  let be = 0
  let nulPairs = 0
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i]
    const b = bytes[i + 1]
    if (a === 0 && b === 0) nulPairs++
    if (isHighByte(b)) le++
    if (isHighByte(a)) be++
  }
  const units = n / 2
  if (nulPairs > units / 4) return null // binary, not text
  if (le / units >= 0.85 && be / units < 0.6) return 'utf-16le'
  if (be / units >= 0.85 && le / units < 0.6) return 'utf-16be'
  return null
}

function isHighByte(x: number): boolean {
  return x === 0 || x === 0x30 || x === 0xff || x === 0x20 || (x >= 0x4e && x <= 0x9f) || (x >= 0x34 && x <= 0x4d)
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes)
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true })
}

function normaliseEncodingName(name: string): string {
  const n = name.toLowerCase().replace(/_/g, '-')
  if (n === 'utf8') return 'utf-8'
  if (n === 'gbk' || n === 'gb2312' || n === 'gb-2312' || n === 'euc-cn' || n === 'x-gbk' || n === 'cp936') return 'gb18030'
  if (n === 'big-5' || n === 'big5-hkscs' || n === 'cp950') return 'big5'
  if (n === 'utf16le' || n === 'utf-16') return 'utf-16le'
  if (n === 'utf16be') return 'utf-16be'
  return n
}

export function isKnownEncoding(name: string): boolean {
  const n = normaliseEncodingName(name)
  return n === 'utf-8' || iconv.encodingExists(n)
}

function finish(text: string, encoding: string, confidence: number, extraWarnings: string[] = []): DecodedText {
  const warnings = [...extraWarnings]
  const stats = textStats(text)
  if (stats.replacement > 0) {
    warnings.push(
      `${stats.replacement} byte sequence${stats.replacement === 1 ? '' : 's'} could not be decoded as ${encoding} and ${stats.replacement === 1 ? 'is' : 'are'} shown as �`
    )
  }
  const c = Math.round(confidence * 100) / 100
  if (c < LOW_CONFIDENCE) {
    warnings.push(`encoding guessed as ${encoding} with low confidence; re-decode with another encoding if the text looks wrong`)
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding, confidence: c, warnings }
}

/**
 * Decode bytes to text. With `forcedEncoding` (the user's choice in the app), that encoding is
 * used as is. Throws ImportError only for an unknown forced encoding or binary content.
 */
export function decodeBytes(bytes: Uint8Array, forcedEncoding?: string): DecodedText {
  if (forcedEncoding) {
    const enc = normaliseEncodingName(forcedEncoding)
    if (!isKnownEncoding(enc)) throw new ImportError('unknownEncoding', { encoding: String(forcedEncoding) })
    const bom = stripBom(bytes)
    const body = bom && bom.encoding === enc ? bom.body : bytes
    const text = decodeWith(body, enc)
    return finish(text, enc, 1)
  }
  const bom = stripBom(bytes)
  if (bom) {
    const text = decodeWith(bom.body, bom.encoding)
    return finish(text, bom.encoding, plausibility(textStats(text)) > 0.3 ? 1 : 0.5)
  }
  const utf8 = tryUtf8(bytes)
  if (utf8 !== null) {
    if (utf8.includes('\u0000')) {
      // Valid UTF-8 with NULs is really UTF-16 of ASCII-heavy text, or binary.
      const g = utf16Guess(bytes)
      if (g) return scored(bytes, [g])
      throw new ImportError('binary')
    }
    // Short legacy-encoded texts can happen to be valid UTF-8 (GBK "通知" is CD A8 D6 AA, two
    // valid but absurd UTF-8 characters). When the non-ASCII characters are unlikely ones,
    // let the legacy candidates compete.
    if (unusualNonAscii(utf8) > 0.5) {
      const alt = scored(bytes, LEGACY, chardetHints)
      if (alt.encoding !== 'utf-8') return alt
    }
    const fixed = repairMojibake(utf8)
    if (fixed) {
      return finish(fixed.text, 'utf-8', 0.9, [
        `the text had been garbled by a wrong ${fixed.from} conversion (mojibake) and was repaired; compare with the original if in doubt`
      ])
    }
    return finish(utf8, 'utf-8', 1)
  }
  const g16 = utf16Guess(bytes)
  if (g16) return scored(bytes, [g16])
  return scored(bytes, LEGACY, chardetHints)
}

const LEGACY = ['gb18030', 'big5', 'utf-8']
/** A plausibility this high for a Chinese candidate settles the question without chardet. */
const CONVINCING = 0.95

/** Other encodings chardet thinks likely (Japanese, Korean, Western…): only a hint. */
function chardetHints(bytes: Uint8Array): string[] {
  const list: string[] = []
  try {
    const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes
    for (const m of chardet.analyse(sample).slice(0, 3)) {
      const n = normaliseEncodingName(m.name)
      if (!LEGACY.includes(n) && isKnownEncoding(n) && !n.startsWith('utf-32')) list.push(n)
    }
  } catch {
    // chardet is only a hint
  }
  return list
}

function scored(bytes: Uint8Array, encs: string[], more?: (bytes: Uint8Array) => string[]): DecodedText {
  type Reading = { enc: string; text: string; score: number }
  const sampleBytes = bytes.length > 262144 ? bytes.subarray(0, 262144) : bytes
  const read = (enc: string): Reading => {
    const text = decodeWith(sampleBytes, enc)
    // Prefer the Chinese encodings on ties: they are what this archive receives.
    const bonus = enc === 'gb18030' ? 0.01 : enc === 'big5' ? 0.005 : 0
    return { enc, text, score: plausibility(textStats(text)) + bonus }
  }
  const better = (a: Reading | null, b: Reading): Reading => (!a || b.score > a.score ? b : a)
  let best: Reading | null = null
  for (const enc of encs) best = better(best, read(enc))
  // chardet runs dozens of recognisers: asked only when no Chinese reading is convincing.
  if (more && (!best || best.score < CONVINCING)) for (const enc of more(sampleBytes)) best = better(best, read(enc))
  if (!best) throw new ImportError('encoding')
  const text = sampleBytes === bytes ? best.text : decodeWith(bytes, best.enc)
  if (textStats(text).control > text.length / 10) throw new ImportError('binary')
  return finish(text, best.enc, Math.min(1, best.score))
}
