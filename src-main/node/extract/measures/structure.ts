// Line-level structure of a document, computed once per document: which lines are headings
// (a document title, a numbered section heading, a news sub-headline) rather than statements.
// A heading names or summarises measures that the paragraph below states in full, so a measure
// found in it would be a restatement: the gold counts the statement, not its heading.
import { isJunkLine } from '../meta/junk'
import { lines, type Clause } from '../text'

/** List numbering at the start of a line: 一、 (一) 1. 1、 （1） 第一条. */
export const LIST_MARK = /^\s*(?:[-•·]\s+|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[0-9]{1,2}(?:[、．]|\.(?![0-9]))|第[一二三四五六七八九十]+[条章节部分])\s*/
const CLAUSE_PUNCT = /[，,。；;：:！!？?]/
// A line that ends a sentence (or a quote or bracket) lets the next line start a new block.
const BLOCK_END = /[。；;！!？?：:”」』)）】]\s*$/

/** True for a heading line: short, no sentence punctuation, naming a document kind. */
function isKindHeading(t: string): boolean {
  return t.length <= 60 && !/[，。；]/.test(t) && /(通告|通知|公告|通报|提示|最新|公告[（(]|关于)/.test(t)
}

/** The kind of list numbering opening a line: 一、, (一), 1., bullets, 第一条. */
function markKind(line: string): string {
  const m = LIST_MARK.exec(line)?.[0].trim() ?? ''
  if (/^[（(]/.test(m)) return 'paren'
  if (/^[一二三四五六七八九十]/.test(m)) return 'cn'
  if (/^[0-9]/.test(m)) return 'num'
  if (/^第/.test(m)) return 'article'
  return 'bullet'
}

/** A short line without clause punctuation: what a heading looks like. */
function headingShaped(line: string): boolean {
  const body = line.trim().replace(LIST_MARK, '')
  return body.length >= 2 && body.length <= 30 && !CLAUSE_PUNCT.test(body) && !/、$/.test(body)
}

/**
 * A section heading or sub-headline: a heading-shaped line that opens a block (the line before
 * is blank, ends a sentence or is itself heading-shaped) and is followed by a longer paragraph or
 * by another heading. A line broken inside a sentence (the line before does not end one) is not
 * a heading, nor is a list item followed by the next list item.
 */
export function isSectionHeading(prev: string | null, line: string, next: string | null, nextIsHeading = false): boolean {
  const t = line.trim()
  if (!t || next === null || !headingShaped(t)) return false
  if (prev !== null && prev.trim() && !BLOCK_END.test(prev) && !headingShaped(prev)) return false
  const n = next.trim()
  // A list item over the next item of the same list is an item; over an item of a nested list
  // (一、… over 1.…) it heads that list.
  if (LIST_MARK.test(t) && LIST_MARK.test(n) && markKind(t) === markKind(n)) return false
  return nextIsHeading || (n.length > t.length + 4 && /[，,。；]/.test(n))
}

/**
 * An inline label opening a line (- 常态化核酸检测：在全省范围内推进常态化核酸检测…) heads the
 * paragraph after its colon: when the paragraph restates it, the label is not a measure.
 */
export function isInlineLabel(simplified: string, lineStart: number, start: number, end: number): boolean {
  const lead = simplified.slice(lineStart, start)
  if (!/^[\s\u3000]*(?:[-•·*]\s*)?$/.test(lead) && !LIST_MARK.test(lead)) return false
  if (end - start > 16 || !/[:：]/.test(simplified[end] ?? '')) return false
  const lineEnd = simplified.indexOf('\n', end)
  const rest = simplified.slice(end + 1, lineEnd < 0 ? simplified.length : lineEnd)
  return rest.length >= 20 && restatedBelow(simplified.slice(start, end), rest)
}

/** True when at least two of the heading's two-character words recur in the text below it. */
function restatedBelow(heading: string, below: string): boolean {
  const body = heading.trim().replace(LIST_MARK, '')
  const seen = new Set<string>()
  for (let i = 0; i + 1 < body.length; i++) {
    const w = body.slice(i, i + 2)
    if (/^[\u4e00-\u9fff]{2}$/.test(w) && below.includes(w)) seen.add(w)
    if (seen.size >= 2) return true
  }
  return false
}

/**
 * A news headline too long for a section heading (31–60 characters, no clause punctuation) that
 * opens a block and stands over a longer paragraph restating most of its words: the paragraph is
 * the statement, the headline its summary.
 */
function headlineRestated(prev: string | null, line: string, next: string | null, below: string): boolean {
  const t = line.trim()
  if (t.length <= 30 || t.length > 60 || CLAUSE_PUNCT.test(t) || next === null) return false
  if (prev !== null && prev.trim() && !BLOCK_END.test(prev)) return false
  if (next.trim().length <= t.length) return false
  const words = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) if (/^[\u4e00-\u9fff]{2}$/.test(t.slice(i, i + 2))) words.add(t.slice(i, i + 2))
  let shared = 0
  for (const w of words) if (below.includes(w)) shared++
  return words.size >= 6 && shared / words.size >= 0.6
}

/** Offsets (line starts) of the lines of `simplified` whose measures are skipped. */
export function skippedLines(simplified: string, title: string): Set<number> {
  const skip = new Set<number>()
  const ls: Clause[] = lines(simplified)
  const text = (c: Clause): string => simplified.slice(c.start, c.end)
  const titleKey = title.replace(/\s+/g, '')
  // The first line, when short and without a full stop, is a headline: it restates the body that
  // follows (a one-line text has no body and is kept, and so is a headline the body does not
  // restate).
  const firstIdx = ls.findIndex((c) => text(c).trim() !== '')
  if (firstIdx >= 0) {
    const first = text(ls[firstIdx]).trim()
    const hasBody = /[。；]/.test(simplified.slice(ls[firstIdx].end))
    const below = simplified.slice(ls[firstIdx].end, ls[firstIdx].end + 400)
    if (hasBody && first.length <= 40 && !/[。；]/.test(first) && restatedBelow(first, below)) skip.add(ls[firstIdx].start)
  }
  // Neighbours skip blank lines, so a heading separated from its paragraph by one still counts.
  const nonBlank = ls.filter((c) => text(c).trim() !== '')
  // From the end, so a heading stacked over another heading (headline, sub-headline) is known.
  let nextHeading = false
  for (let i = nonBlank.length - 1; i >= 0; i--) {
    const c = nonBlank[i]
    const line = text(c)
    const key = line.replace(/\s+/g, '')
    // The line right before decides whether this one opens a block: blank counts as an end.
    const before = c.start > 0 ? simplified.slice(simplified.lastIndexOf('\n', c.start - 2) + 1, c.start - 1) : null
    const next = i + 1 < nonBlank.length ? text(nonBlank[i + 1]) : null
    const restatesTitle =
      titleKey.length >= 6 && !/[。；]/.test(key) && key.length <= titleKey.length + 4 && (titleKey.includes(key) || key.includes(titleKey))
    const heading = isSectionHeading(before, line, next, nextHeading)
    nextHeading = heading
    // Only a heading the text below restates is skipped: one that states a measure of its own
    // (青浦区华新镇继续一日一检 over other districts' plans) keeps it.
    const restated = heading && restatedBelow(line, simplified.slice(c.end, c.end + 400))
    if (restated || headlineRestated(before, line, next, simplified.slice(c.end, c.end + 600)) || isJunkLine(line) || isKindHeading(line.trim()) || restatesTitle) skip.add(c.start)
  }
  return skip
}

/**
 * News ledes in square brackets at the start of a line (【兰州发布通告：市民非必要不离兰】据…) are
 * headlines restating the article: returns [start, end) ranges whose clauses are skipped.
 */
export function ledeRanges(simplified: string): [number, number][] {
  const out: [number, number][] = []
  const re = /(^|\n)[ \t\u3000]*(【[^】\n]{2,80}】)(?=[^\n]*[\u4e00-\u9fff])/g
  for (let m = re.exec(simplified); m; m = re.exec(simplified)) {
    const start = m.index + m[0].length - m[2].length
    out.push([start, start + m[2].length])
  }
  return out
}
