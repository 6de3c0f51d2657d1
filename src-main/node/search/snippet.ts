// Snippets: where the query's terms stand in a document, found with the index's own tokens (so a
// snippet marks exactly what matched), cut from the original text with the matches in [brackets].
import { normalize, tokenize, type TermTokens } from './tokenize'

const BEFORE = 24
const WIDTH = 110

interface Tok {
  token: string
  pos: number
  at: number
  afterSep: boolean
}

/** Character ranges of every match of the terms in `text` (any script). */
export function matchRanges(text: string, terms: TermTokens[]): [number, number][] {
  const norm = normalize(text)
  const toks: Tok[] = []
  tokenize(norm, (token, pos, at, afterSep) => toks.push({ token, pos, at, afterSep }))
  const byPos = new Map<number, Tok>()
  for (const t of toks) byPos.set(t.pos, t)
  const ranges: [number, number][] = []
  for (const term of terms) {
    if (term.single !== null) {
      for (let i = norm.indexOf(term.single); i >= 0; i = norm.indexOf(term.single, i + 1)) ranges.push([i, i + 1])
      continue
    }
    const els = term.elements
    if (!els.length) continue
    for (const first of toks) {
      let start = -1
      let end = -1
      let ok = true
      for (let k = 0; k < els.length && ok; k++) {
        const e = els[k]
        const t = k === 0 ? first : byPos.get(first.pos + e.rel)
        if (!t || (e.afterSep && !t.afterSep)) {
          ok = false
          break
        }
        let from = t.at
        let to = t.at + t.token.length
        if (t.token !== e.token) {
          if (e.edge === 'end' && t.token.length === 2 && t.token[1] === e.token) from = t.at + 1
          else if (e.edge === 'start' && t.token.length === 2 && t.token[0] === e.token) to = t.at + 1
          else ok = false
        }
        if (k === 0) start = from
        end = to
      }
      if (ok) ranges.push([start, end])
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  // Overlapping pairs of one run (隔离 in 隔离隔离) merge into one mark.
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** A short passage around the first match, matches marked; the opening lines when nothing matched. */
export function makeSnippet(text: string, terms: TermTokens[]): string {
  const ranges = matchRanges(text, terms)
  const first = ranges[0]
  let from = first ? Math.max(0, first[0] - BEFORE) : 0
  // Do not start in the middle of a surrogate pair.
  if (from > 0 && /[\udc00-\udfff]/.test(text[from])) from--
  const to = Math.min(text.length, from + WIDTH)
  let out = from > 0 ? '…' : ''
  let at = from
  for (const [a, b] of ranges) {
    if (b <= from || a >= to) continue
    const s = Math.max(a, from)
    const e = Math.min(b, to)
    out += text.slice(at, s) + '[' + text.slice(s, e) + ']'
    at = e
  }
  out += text.slice(at, to) + (to < text.length ? '…' : '')
  return out.replace(/\s+/g, ' ').trim()
}
