// Tokens of the full-text index. Text is first normalised char by char (same length, so offsets found
// in it are offsets in the original): simplified script, full-width letters and digits to ASCII, lower case.
// Then it is cut into runs: CJK runs give overlapping character pairs (a run of one character gives
// that character), runs of letters and digits give one whole token (KN95, 48, 2022), and anything else
// separates. Every token takes one position; a separator takes one more and marks the token after it,
// so a phrase never matches across punctuation (有助于 does not match 有助，于) while 〔2022〕14号
// and [2022]14号 read the same.
import { simplifiedUnit } from '../pipeline/script'

export const TOKENIZER_VERSION = 1

export const enum CharKind {
  Sep = 0,
  Cjk = 1,
  Word = 2
}

const KIND = new Uint8Array(0x10000)
;(function build(): void {
  for (let c = 0x30; c <= 0x39; c++) KIND[c] = CharKind.Word
  for (let c = 0x61; c <= 0x7a; c++) KIND[c] = CharKind.Word
  // CJK ideographs (Ext A, unified, compatibility), 〇, kana and hangul pair like Chinese characters.
  const cjk: [number, number][] = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x3007, 0x3007], [0x3041, 0x30ff], [0xac00, 0xd7af]]
  for (const [a, b] of cjk) for (let c = a; c <= b; c++) KIND[c] = CharKind.Cjk
  // Other letters and digits (Latin with accents, Greek, Cyrillic, full-width forms after folding).
  const word = /[\p{L}\p{N}]/u
  for (let c = 0x80; c < 0x10000; c++) {
    if (KIND[c] || (c >= 0xd800 && c <= 0xdfff)) continue
    if (word.test(String.fromCharCode(c))) KIND[c] = CharKind.Word
  }
})()

export function charKind(code: number): CharKind {
  return KIND[code] as CharKind
}

const utf16 = new TextDecoder('utf-16le')

/**
 * The normal form of every code unit: simplified script, full-width ASCII folded, lower case. Each is
 * a function of one character, so their composition is one table lookup per character.
 */
const NORM = new Uint16Array(0x10000)
;(function build(): void {
  for (let code = 0; code < 0x10000; code++) {
    let c = simplifiedUnit(code)
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0
    else if (c === 0x3000) c = 0x20
    if (c >= 0x41 && c <= 0x5a) c += 0x20
    else if (c >= 0xc0 && c < 0x250) {
      const lower = String.fromCharCode(c).toLowerCase()
      if (lower.length === 1) c = lower.charCodeAt(0)
    }
    NORM[code] = c
  }
})()

/** Same-length normal form: simplified script, full-width ASCII folded, lower case. */
export function normalize(text: string): string {
  const n = text.length
  let i = 0
  while (i < n && NORM[text.charCodeAt(i)] === text.charCodeAt(i)) i++
  if (i === n) return text
  const out = new Uint16Array(n)
  for (let j = 0; j < i; j++) out[j] = text.charCodeAt(j)
  for (; i < n; i++) out[i] = NORM[text.charCodeAt(i)]
  return utf16.decode(out)
}

/** Called once per token: its text, position, the offset of its first character, and whether a separator precedes it. */
export type TokenSink = (token: string, pos: number, at: number, afterSep: boolean) => void

/** Called once per token with its span in the text (no string made: for indexing whole documents). */
export type SpanSink = (at: number, len: number, pos: number, afterSep: boolean) => void

/**
 * Tokens of normalised text from position `start`, as spans; returns the position after the last
 * token (a trailing separator counted), so a caller can append another field after a gap.
 */
export function spans(norm: string, sink: SpanSink, start = 0): number {
  let pos = start
  let i = 0
  const n = norm.length
  let sepBefore = false
  while (i < n) {
    const k = KIND[norm.charCodeAt(i)]
    if (k === CharKind.Sep) {
      sepBefore = true
      i++
      continue
    }
    const after = sepBefore && pos > start
    if (after) pos++
    sepBefore = false
    let j = i + 1
    while (j < n && KIND[norm.charCodeAt(j)] === k) j++
    if (k === CharKind.Word || j - i === 1) sink(i, j - i, pos++, after)
    else for (let a = i; a < j - 1; a++) sink(a, 2, pos++, after && a === i)
    i = j
  }
  return pos
}

/** The same tokens with their text. */
export function tokenize(norm: string, sink: TokenSink, start = 0): number {
  return spans(norm, (at, len, pos, afterSep) => sink(norm.slice(at, at + len), pos, at, afterSep), start)
}

/** One element of a phrase: which tokens may stand at `rel` (positions relative to the first). */
export interface PhraseElement {
  rel: number
  /** Exact token (a pair, a whole word, or a lone character between words). */
  token: string
  /**
   * A lone CJK character at the phrase's edge may be the end (first element) or the start (last
   * element) of a longer run in a document: 第3 matches 次第3, 3轮 matches 3轮核酸.
   */
  edge: 'start' | 'end' | null
  /**
   * A separator precedes it in the query, so one must precede it in the document too (positions
   * alone cannot tell "after a comma" from "two characters further in the same run").
   */
  afterSep: boolean
}

/** A query term as phrase elements; `single` is set for a lone CJK character (scanned by character). */
export interface TermTokens {
  elements: PhraseElement[]
  single: string | null
}

export function termTokens(norm: string): TermTokens {
  const raw: { token: string; pos: number; lone: boolean; afterSep: boolean }[] = []
  tokenize(norm, (token, pos, _at, afterSep) => raw.push({ token, pos, afterSep, lone: token.length === 1 && KIND[token.charCodeAt(0)] === CharKind.Cjk }))
  if (raw.length === 1 && raw[0].lone) return { elements: [], single: raw[0].token }
  const base = raw.length ? raw[0].pos : 0
  const elements = raw.map((r, i): PhraseElement => {
    let edge: PhraseElement['edge'] = null
    // Inside the phrase a lone character is a whole run in the document too (its neighbours are
    // words or separators); at the phrase's first element the run may go on before it, at the last after it.
    if (r.lone && i === 0) edge = 'end'
    else if (r.lone && i === raw.length - 1) edge = 'start'
    return { rel: r.pos - base, token: r.token, edge, afterSep: i > 0 && r.afterSep }
  })
  return { elements, single: null }
}

/** Tokens as parallel arrays of spans (no string per token): for scanning whole documents quickly. */
export interface Spans {
  n: number
  at: Int32Array
  len: Int32Array
  pos: Int32Array
  afterSep: Uint8Array
}

/** Spans of the runs that overlap [from, to) (widened to whole runs, so tokens are the index's own). */
export function tokenSpans(norm: string, from = 0, to = norm.length): Spans {
  while (from > 0 && KIND[norm.charCodeAt(from - 1)] !== CharKind.Sep) from--
  while (to < norm.length && KIND[norm.charCodeAt(to)] !== CharKind.Sep) to++
  const cap = to - from + 1
  const s: Spans = { n: 0, at: new Int32Array(cap), len: new Int32Array(cap), pos: new Int32Array(cap), afterSep: new Uint8Array(cap) }
  let pos = 0
  let sepBefore = false
  const add = (at: number, len: number, after: boolean): void => {
    s.at[s.n] = at
    s.len[s.n] = len
    s.pos[s.n] = pos++
    s.afterSep[s.n++] = after ? 1 : 0
  }
  for (let i = from; i < to; ) {
    const k = KIND[norm.charCodeAt(i)]
    if (k === CharKind.Sep) {
      sepBefore = true
      i++
      continue
    }
    // The first token of a window after the text's start stands after a separator (the window starts at one).
    const after = (sepBefore && pos > 0) || (pos === 0 && i > 0)
    if (after && pos > 0) pos++
    sepBefore = false
    let j = i + 1
    while (j < to && KIND[norm.charCodeAt(j)] === k) j++
    if (k === CharKind.Word || j - i === 1) add(i, j - i, after)
    else for (let a = i; a < j - 1; a++) add(a, 2, after && a === i)
    i = j
  }
  return s
}
