// Snippets: where the query's terms stand in a document, found with the index's own tokens (so a
// snippet marks exactly what matched), cut from the original text with the matches in [brackets].
import { CharKind, charKind, normalize, tokenSpans, type Spans, type TermTokens } from './tokenize'

const BEFORE = 24
const WIDTH = 110

/**
 * Character ranges of the matches of the terms in `text` (any script), from the first match up to
 * a snippet's width after it (a snippet shows no more, and scanning on costs time per result).
 */
export function matchRanges(text: string, terms: TermTokens[], span = Infinity): [number, number][] {
  const norm = normalize(text)
  const ranges: [number, number][] = []
  let limit = Infinity
  for (const term of terms) {
    if (term.single === null) continue
    for (let i = norm.indexOf(term.single); i >= 0 && i <= limit; i = norm.indexOf(term.single, i + 1)) {
      ranges.push([i, i + 1])
      if (limit === Infinity) limit = i + span
    }
  }
  // Where the earliest phrase could start (its first token's text first occurs): tokenise from there.
  let first = Infinity
  const phrases = terms.filter((t) => {
    if (t.single !== null || !t.elements.length) return false
    const at = norm.indexOf(t.elements[0].token)
    if (at >= 0) first = Math.min(first, at)
    return at >= 0
  })
  if (!phrases.length || first > limit) return mergeRanges(ranges)
  // A window after the first candidate, then (rarely: the candidate was not a match) the rest.
  const window = Math.min(norm.length, (limit === Infinity ? first : limit) + 4 * span)
  const found = ranges.length
  scanPhrases(norm, tokenSpans(norm, first, window), phrases, ranges, limit, span)
  if (ranges.length === found && window < norm.length) scanPhrases(norm, tokenSpans(norm, window), phrases, ranges, limit, span)
  return mergeRanges(ranges)
}

function scanPhrases(norm: string, sp: Spans, phrases: TermTokens[], ranges: [number, number][], limit: number, span: number): void {
  const is = (i: number, token: string): boolean => sp.len[i] === token.length && norm.startsWith(token, sp.at[i])
  for (let i = 0; i < sp.n && sp.at[i] <= limit; i++) {
    for (const term of phrases) {
      const els = term.elements
      let start = -1
      let end = -1
      let j = i
      let ok = true
      for (let k = 0; k < els.length && ok; k++) {
        const e = els[k]
        const want = sp.pos[i] + e.rel
        while (j < sp.n && sp.pos[j] < want) j++
        if (j >= sp.n || sp.pos[j] !== want || (e.afterSep && !sp.afterSep[j])) {
          ok = false
          break
        }
        let from = sp.at[j]
        let to = from + sp.len[j]
        if (!is(j, e.token)) {
          if (e.edge === 'end' && sp.len[j] === 2 && norm[from + 1] === e.token) from++
          else if (e.edge === 'start' && sp.len[j] === 2 && norm[from] === e.token) to = from + 1
          else ok = false
        }
        if (k === 0) start = from
        end = to
      }
      if (ok) {
        ranges.push([start, end])
        limit = Math.min(limit, start + span)
      }
    }
  }
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
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

/**
 * A short passage around the first match, matches marked; the opening lines when nothing matched.
 * `text` may be only the first characters of a text `length` long (Infinity: longer, length unknown): then the answer is null when the
 * passage cannot be told from them (no match in them, or too near their end), and the caller reads the whole text.
 */
export function makeSnippet(text: string, terms: TermTokens[], length = text.length): string | null {
  const partial = text.length < length
  // A cut inside a run would tokenise its last characters differently: trust the head up to its last separator.
  let safe = text.length
  if (partial) while (safe > 0 && charKind(text.charCodeAt(safe - 1)) !== CharKind.Sep) safe--
  const ranges = matchRanges(partial ? text.slice(0, safe) : text, terms, WIDTH)
  const first = ranges[0]
  let from = first ? Math.max(0, first[0] - BEFORE) : 0
  // Do not start in the middle of a surrogate pair.
  if (from > 0 && /[\udc00-\udfff]/.test(text[from])) from--
  const to = Math.min(length, from + WIDTH)
  // Every match inside the passage must lie wholly within the head's trusted part: a wide margin, and no very long phrase.
  if (partial) {
    const long = terms.some((t) => t.elements.length > 0 && t.elements[t.elements.length - 1].rel >= WIDTH)
    if (first ? long || safe - to <= 2 * WIDTH : terms.length > 0 || to > text.length) return null
  }
  let out = from > 0 ? '…' : ''
  let at = from
  for (const [a, b] of ranges) {
    if (b <= from || a >= to) continue
    const s = Math.max(a, from)
    const e = Math.min(b, to)
    out += text.slice(at, s) + '[' + text.slice(s, e) + ']'
    at = e
  }
  out += text.slice(at, to) + (to < length ? '…' : '')
  return out.replace(/\s+/g, ' ').trim()
}
