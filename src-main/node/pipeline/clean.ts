// Clean stage: decoded text → article text plus a record of everything removed.
//
// 1. character-level repairs (clean-inline.ts): HTML remains, pinyin glosses, noise, punctuation;
// 2. line-level junk (clean-web-junk.ts): navigation, spam, link lists, SEO echoes, footers,
//    comment sections, repeated lines;
// 3. layout: hard line breaks inside sentences are joined, blank lines collapsed.
// Nothing here is keyed to one site or document; all rules are general patterns of web junk.
import type { Removed, RemovedReason } from '../../common/record'
import type { CleanedText } from './types'
import { collapseDoubledPunctuation, stripHtmlRemains, stripInlineNoise, stripPinyinGlosses } from './clean-inline'
import { findLinkLists, footerMarker, headEchoes, isSeoEcho, lineJunk } from './clean-web-junk'

// Zero-width and BOM characters, soft hyphens: invisible, break matching.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g

/**
 * One spelling for characters that legacy encodings give other code points: Big5 decodes the middle
 * dot as U+2027 (‧) where a UTF-8 copy of the same page has U+00B7 (·) or U+30FB (・), and Big5/GBK
 * tables map some ideographs to compatibility code points (U+F900–FAFF, Kangxi radicals). Without this
 * the same page would clean differently by encoding (a "‧ slider image" line kept in one, removed in
 * the other). Full-width punctuation is left alone: it is the text's own.
 */
export function normaliseCompatibility(text: string): string {
  return text
    .replace(/[\u2027\u30fb\uff65\u2219\u22c5]/g, '\u00b7')
    .replace(/[\uf900-\ufaff\u2f00-\u2fdf]|[\u{2f800}-\u{2fa1f}]/gu, (c) => {
      // Seven BMP compatibility ideographs (U+FA6C, U+FACF…) map outside the BMP, two code units: they
      // stay, so cleaning never lengthens a text (positions of removed passages are counted on the input).
      const n = c.normalize('NFKC')
      return n.length <= c.length ? n : c
    })
}

export function cleanText(input: string): CleanedText {
  const removed: Removed[] = []
  const removedAt: number[] = []
  let t = normaliseCompatibility(input.replace(/\r\n?/g, '\n')).replace(INVISIBLE, '').replace(/\u00a0/g, ' ')
  t = stripHtmlRemains(t, removed)
  t = stripPinyinGlosses(t, removed)
  t = stripInlineNoise(t, removed)
  t = collapseDoubledPunctuation(t, removed)

  for (let i = 0; i < removed.length; i++) removedAt.push(-1)
  const lines = t.split('\n').map((l) => l.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, ''))
  const junk: Array<RemovedReason | null> = markJunkLines(lines, t)

  // Group consecutive junk lines with the same reason into one removal record.
  const kept: string[] = []
  let keptChars = 0
  let group: string[] = []
  let groupReason: RemovedReason | null = null
  // Bare separator lines ("-", "———", "|") are reported together, not one record each.
  const separators: string[] = []
  const flush = (): void => {
    if (group.length && groupReason) {
      if (groupReason === 'other' && group.every((g) => !/[\p{L}\p{N}]/u.test(g))) separators.push(...group)
      else {
        removed.push({ text: group.join('\n'), reason: groupReason })
        removedAt.push(keptChars)
      }
    }
    group = []
    groupReason = null
  }
  for (let i = 0; i < lines.length; i++) {
    const r = junk[i]
    if (r) {
      if (r !== groupReason) flush()
      groupReason = r
      group.push(lines[i])
    } else {
      if (lines[i] !== '') flush()
      kept.push(lines[i])
      if (lines[i] !== '') keptChars += lines[i].length + 1
    }
  }
  flush()
  if (separators.length) {
    removed.push({ text: separators.join(' '), reason: 'other' })
    removedAt.push(-1)
  }

  const joined = joinHardBreaks(kept)
  // One paragraph per line; blank lines carry no meaning in these documents and differ by
  // source format (Word and HTML separate paragraphs with them, plain text does not).
  const text = joined.filter((l) => l !== '').join('\n').trim()
  return { text, removed, removedAt }
}

function markJunkLines(lines: string[], t: string): Array<RemovedReason | null> {
  const n = lines.length
  const junk: Array<RemovedReason | null> = new Array(n).fill(null)
  const content: number[] = []
  for (let i = 0; i < n; i++) if (lines[i]) content.push(i)
  if (content.length === 0) return junk
  const edge = new Set([...content.slice(0, 5), ...content.slice(-5)])

  for (const i of content) junk[i] = lineJunk(lines[i], edge.has(i))

  for (const s of findLinkLists(lines)) for (let i = s.start; i < s.end; i++) if (lines[i]) junk[i] = s.reason

  // Footer: the first footer marker in the second half of the page (by characters: junk
  // tails are many short lines) starts the junk tail, unless cutting there would remove most
  // of the text; then only the marker line goes. Each tail line keeps the most specific reason.
  const total = lines.reduce((a, l) => a + l.length + 1, 0)
  let before = 0
  const offsetOf: number[] = []
  for (const l of lines) {
    offsetOf.push(before)
    before += l.length + 1
  }
  for (const i of content) {
    const reason = footerMarker(lines[i])
    if (!reason) continue
    if (offsetOf[i] >= total * 0.4 && total - offsetOf[i] <= total * 0.5) {
      let cur: RemovedReason = reason
      for (let j = i; j < n; j++) {
        if (!lines[j]) continue
        const r = j === i ? reason : (footerMarker(lines[j]) ?? junk[j])
        if (r) cur = r
        junk[j] = cur
      }
      break
    }
    // A marker in the header or middle: just that line (a source line, an editor credit).
    if (lines[i].length <= 120) junk[i] = reason
  }

  for (const i of headEchoes(lines, content.slice(0, 6).filter((i) => !junk[i]))) junk[i] = 'seo'

  // SEO echoes of the title in the last lines, and "(same line)" repeats.
  const title = lines[content.find((i) => !junk[i]) ?? content[0]]
  for (const i of content.slice(-3)) {
    if (!junk[i] && lines[i] !== title && isSeoEcho(lines[i], title)) junk[i] = 'seo'
  }
  // Repeated lines: the same line again right after itself (ignoring blanks), or wrapped in
  // brackets — copies made by page templates (duplicated title, timestamp, caption). Long lines
  // (whole paragraphs) repeated within a few lines are copies too.
  let prev = -1
  const recent: number[] = []
  for (const i of content) {
    if (prev >= 0 && !junk[i] && lines[i].length >= 4) {
      const a = lines[prev]
      const b = lines[i]
      const bare = b.replace(/^[(（【\[]|[)）】\]]$/g, '')
      if (b === a || (bare !== b && bare === a)) junk[i] = isSeoEcho(a, title) ? 'seo' : 'other'
      else if (b.length >= 30 && recent.some((k) => lines[k] === b)) junk[i] = 'other'
    }
    if (!junk[i]) {
      prev = i
      recent.push(i)
      if (recent.length > 5) recent.shift()
    }
  }

  // Teaser lines: "导读…" / "摘要：…" excerpts cut off with "..." that repeat the article's own
  // opening, which follows in full.
  for (const i of content.slice(0, 12)) {
    if (junk[i]) continue
    const m = /^(?:导读|導讀|摘要|简介|簡介|内容提要)?[:：\s]*(.{20,}?)(?:\.{3,}|…+)$/.exec(lines[i])
    if (m && t.includes(m[1].slice(-20), t.indexOf(lines[i]) + lines[i].length)) junk[i] = 'other'
  }
  return junk
}

const STARTS_LIST = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,3}[、.．)）]|第[一二三四五六七八九十\d]+[条章节]|[-•·*])/
const ENDS_SENTENCE = /[。！？!?；;：:”’」』）)】…]$/
const TITLE_END = /(?:通告|通知|公告|通报|倡议书|报告|总结|汇报|方案|意见|通報|報告|總結|匯報)$/
const CJK_START = /^[\u3400-\u9fff“‘「『（(，、]/

/**
 * Join lines broken inside a sentence. A line ending in "，" or "、" can never end a paragraph;
 * otherwise, when the text is hard-wrapped at a fixed width (many lines of the same length),
 * a full-width line that does not end a sentence continues on the next line.
 */
function joinHardBreaks(lines: string[]): string[] {
  const lens = new Map<number, number>()
  let long = 0
  for (const l of lines) {
    if (l.length >= 12) {
      long++
      lens.set(l.length, (lens.get(l.length) ?? 0) + 1)
    }
  }
  let width = 0
  if (long >= 3) {
    let best = 0
    for (const [len, c] of lens) {
      const near = c + (lens.get(len - 1) ?? 0)
      if (near > best || (near === best && len > width)) {
        best = near
        width = len
      }
    }
    // Real hard wrapping is at a fixed width of at least ~16 characters and most long lines
    // hit it; otherwise this is ordinary short-line layout (lists, titles, signatures).
    if (best < Math.max(3, long * 0.4) || width < 16) width = 0
  }
  const out: string[] = []
  for (const l of lines) {
    const prev = out.length ? out[out.length - 1] : ''
    const canJoin =
      prev !== '' &&
      l !== '' &&
      CJK_START.test(l) &&
      !STARTS_LIST.test(l) &&
      !TITLE_END.test(prev) &&
      (/[，、]$/.test(prev) || (width > 0 && prev.length >= width - 1 && !ENDS_SENTENCE.test(prev)))
    if (canJoin) out[out.length - 1] = prev + l
    else out.push(l)
  }
  return out
}
