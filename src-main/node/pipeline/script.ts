// Script detection (simplified / traditional / mixed) and the simplified "shadow" of a text.
//
// The shadow has EXACTLY the same length as the text so that every offset found by the
// extractor or the search index in the shadow is also valid in the original text: the user
// sees and stores the original script, while all matching runs on simplified characters.
//
// Speed matters (hundreds of documents per second): opencc-js converters are built once, and
// per-character tables are precomputed once for the CJK blocks so that detection is a table
// lookup per character instead of a trie walk over the whole document.
import * as OpenCC from 'opencc-js'
import type { Script } from '../../common/record'
import type { ScriptInfo } from './types'

const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' })
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' })
const cnToTw = OpenCC.Converter({ from: 'cn', to: 'tw' })

// CJK Unified Ideographs + Extension A + Compatibility Ideographs: all BMP, one UTF-16 unit.
const RANGES: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff]
]

/** Per code unit: simplified single-char equivalent (0 = unchanged). */
const T2S = new Uint16Array(0x10000)
/** Per code unit: 1 = traditional-specific, 2 = simplified-specific. */
const KIND = new Uint8Array(0x10000)
/**
 * Per code unit: 1 = a mainland simplified character that the Taiwan variant table would still
 * rewrite (么 → 幺: Taiwan writes 幺 as 么). It is the simplified form of its own traditional form
 * (么 → 麼 → 么), so it is already simplified and every conversion must leave it alone.
 */
const KEEP = new Uint8Array(0x10000)

function buildTables(): void {
  const chars: string[] = []
  for (const [a, b] of RANGES) for (let c = a; c <= b; c++) chars.push(String.fromCharCode(c))
  // Convert all characters in one call, separated by newlines, so that phrase tables cannot
  // join neighbours; then read the result back char by char.
  const joined = chars.join('\n')
  const viaTw = twToCn(joined).split('\n')
  const viaHk = hkToCn(joined).split('\n')
  const toTrad = cnToTw(joined).split('\n')
  if (viaTw.length !== chars.length || viaHk.length !== chars.length || toTrad.length !== chars.length) {
    throw new Error('opencc table build: unexpected length change')
  }
  // Characters that change both ways: does the traditional form come back to the character itself?
  const both: number[] = []
  for (let i = 0; i < chars.length; i++) if (viaTw[i] !== chars[i] && toTrad[i] !== chars[i] && toTrad[i].length === 1) both.push(i)
  const roundTrip = twToCn(both.map((i) => toTrad[i]).join('\n')).split('\n')
  both.forEach((i, k) => {
    if (roundTrip[k] === chars[i]) KEEP[chars[i].charCodeAt(0)] = 1
  })
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]
    const code = c.charCodeAt(0)
    let s = viaTw[i]
    if (s === c || s.length !== 1) s = viaHk[i]
    if (s.length === 1 && s !== c && !KEEP[code]) T2S[code] = s.charCodeAt(0)
    // Script classes stay those of the Taiwan-standard tables (how the devset judges script).
    const changesToSimp = s.length === 1 && s !== c
    const changesToTrad = toTrad[i] !== c
    if (changesToSimp && !changesToTrad) KIND[code] = 1
    else if (changesToTrad && !changesToSimp) KIND[code] = 2
  }
}
buildTables()

/** Minority share of script-specific characters at which a text is called mixed. */
export const MIXED_THRESHOLD = 0.1

export interface ScriptCounts {
  traditional: number
  simplified: number
}

export function countScriptChars(text: string): ScriptCounts {
  let traditional = 0
  let simplified = 0
  for (let i = 0; i < text.length; i++) {
    const k = KIND[text.charCodeAt(i)]
    if (k === 1) traditional++
    else if (k === 2) simplified++
  }
  return { traditional, simplified }
}

export function classifyScript(counts: ScriptCounts): Script {
  const total = counts.traditional + counts.simplified
  if (total === 0) return 'simplified'
  const minority = Math.min(counts.traditional, counts.simplified)
  // A few stray characters (a quoted name, a converter slip) do not make a text mixed.
  if (minority >= 3 && minority / total >= MIXED_THRESHOLD) return 'mixed'
  return counts.traditional > counts.simplified ? 'traditional' : 'simplified'
}

export function detectScript(text: string): Script {
  return classifyScript(countScriptChars(text))
}

const utf16 = new TextDecoder('utf-16le')

/** The simplified form of one UTF-16 code unit (itself when it has none): what simplifyByChar does per character. */
export function simplifiedUnit(code: number): number {
  const s = T2S[code]
  return s !== 0 ? s : code
}

/** Char-by-char simplification through the precomputed table (always length-preserving). */
function simplifyByChar(text: string): string {
  let first = -1
  for (let i = 0; i < text.length; i++) {
    if (T2S[text.charCodeAt(i)] !== 0) {
      first = i
      break
    }
  }
  if (first < 0) return text
  // One typed array and one decode: no per-character string concatenation (GC pressure).
  const out = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const s = T2S[c]
    out[i] = s !== 0 ? s : c
  }
  return utf16.decode(out)
}

/**
 * Simplified shadow of `text` with the same length. The phrase-aware converter is tried first
 * (it resolves one-to-many cases such as 著 → 着/著 by context); where it changes the length
 * we fall back to per-character conversion, which never does.
 */
export function simplifiedShadow(text: string, counts?: ScriptCounts): string {
  const c = counts ?? countScriptChars(text)
  if (c.traditional === 0) return simplifyByChar(text)
  const phrase = twToCn(text)
  if (phrase.length === text.length) return restoreKept(text, phrase)
  return simplifyByChar(text)
}

/** Puts back the already-simplified characters (么) that the phrase converter rewrote. */
function restoreKept(text: string, converted: string): string {
  let out: string[] | null = null
  for (let i = 0; i < text.length; i++) {
    if (KEEP[text.charCodeAt(i)] && converted[i] !== text[i]) (out ??= converted.split(''))[i] = text[i]
  }
  return out ? out.join('') : converted
}

export function analyseScript(text: string): ScriptInfo {
  const counts = countScriptChars(text)
  return { script: classifyScript(counts), simplified: simplifiedShadow(text, counts) }
}

/** Simplified form of any text, length not guaranteed (for normalisation / hashing). */
export function toSimplified(text: string): string {
  return simplifyByChar(text)
}

/**
 * How simplified names read after a trip through traditional script and back (浚县 → 濬縣 → 濬县):
 * some characters have no way back, so a name written in traditional would not be found. One
 * conversion for the whole list (names hold no newline).
 */
export function traditionalRoundTrips(names: string[]): string[] {
  const back = cnToTw(names.join('\n')).split('\n')
  if (back.length !== names.length) return names
  return back.map((t, i) => (t.length === names[i].length ? simplifiedShadow(t) : names[i]))
}
