// Split a compilation (several notices/reports glued into one file) into separate documents.
//
// General signals, no document-specific keys:
//  • a title line: a short line ending in a document-type word (通告, 通知, 公告, 倡议书, 总结,
//    汇报, 报告, 方案, …), optionally followed by a number line "(第N号)" or a salutation;
//  • a closing block: a signature line followed by a date line "2022年1月5日", or a closing
//    formula (特此通告。/ 我的汇报完毕), after which new content starts;
//  • a numbering restart: a document's top-level list (一、二、三… or 1. 2. 3.) ended, an
//    unnumbered introduction follows, and the same kind of list starts again at 一/1. The new
//    document starts at that introduction.
// A single normal document produces one part: its lists never restart at their own top level,
// and parts shorter than MIN_PART characters are merged back.
import type { TextPart } from './types'

export const MIN_PART = 60
/** A first part shorter than this is a page preamble, not a document. */
export const FIRST_MIN = 200

/** A short section label such as a district name between two notices. */
function isLabel(line: string): boolean {
  return line.length <= 8 && !/[。，,；：:！？!?]/.test(line) && !DATE_LINE.test(line)
}

type Kind = 'cn' | 'cnParen' | 'arabic' | 'arabicParen' | 'yishi' | 'section' | null

const CN_DIGITS = '〇一二三四五六七八九十'

function cnNumber(s: string): number {
  if (s === '十') return 10
  if (s.length === 1) return CN_DIGITS.indexOf(s)
  if (s.startsWith('十')) return 10 + CN_DIGITS.indexOf(s[1])
  if (s.length === 2 && s[1] === '十') return CN_DIGITS.indexOf(s[0]) * 10
  if (s.length === 3 && s[1] === '十') return CN_DIGITS.indexOf(s[0]) * 10 + CN_DIGITS.indexOf(s[2])
  return -1
}

interface Marker {
  kind: Kind
  n: number
}

const M_SECTION = /^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?[\s、]/
const M_CN = /^([一二三四五六七八九十]{1,3})[、.．]/
const M_CN_PAREN = /^[（(]([一二三四五六七八九十]{1,3})[)）]/
const M_ARABIC = /^(\d{1,2})(?:[、.．](?!\d)|\s)/
const M_ARABIC_PAREN = /^[（(]?(\d{1,2})[)）]/
const M_YISHI = /^([一二三四五六七八九十]{1,3})是/

export function numberMarker(line: string): Marker {
  let m: RegExpExecArray | null
  if (M_SECTION.test(line)) return { kind: 'section', n: 0 }
  if ((m = M_CN.exec(line))) return { kind: 'cn', n: cnNumber(m[1]) }
  if ((m = M_CN_PAREN.exec(line))) return { kind: 'cnParen', n: cnNumber(m[1]) }
  if ((m = M_ARABIC.exec(line))) return { kind: 'arabic', n: Number(m[1]) }
  if ((m = M_ARABIC_PAREN.exec(line))) return { kind: 'arabicParen', n: Number(m[1]) }
  if ((m = M_YISHI.exec(line))) return { kind: 'yishi', n: cnNumber(m[1]) }
  return { kind: null, n: 0 }
}

const DOC_TYPE_END = /(?:通告|通知|公告|通报|通告书|倡议书|倡议|公开信|一封信|告知书|提示|温馨提示|总结|汇报|报告|方案|预案|意见|决定|办法|细则|指南|通報|總結|匯報|報告|倡議書|公開信|提醒)(?:[(（][^)）]{1,20}[)）])?$/
const NUMBER_LINE = /^[(（]?(?:第\s*[\d一二三四五六七八九十百零〇]+\s*号|[^)）\n]{0,20}〔\d{4}〕\s*\d+\s*号|\d{4}年第?\d+号)[)）]?$/
const SALUTATION = /^[\u3400-\u9fff、]{2,20}[:：]$/
// A date line closing a document: 2022年1月5日, 二〇二二年一月五日, 2022-01-05, 2022/1/5.
const DATE_LINE = /^(?:(?:\d{4}|[一二〇零○]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/
const CLOSING = /^(?:特此(?:通告|公告|通知|通报|报告)|我的汇报完毕|汇报完毕|以上报告|谢谢大家|谢谢)[。！!，,]?/
const ATTACHMENT = /^(?:附件|附：|附:|附表)/
const SIGNATURE = /^[\u3400-\u9fff（）()]{2,40}(?:指挥部|指揮部|政府|委员会|委員會|办公室|辦公室|领导小组|領導小組|局|中心)$/
const OPENER = /^(?:为(?:了|切实|认真|全力|进一步|做好|深入|有效|全面|加强|贯彻|落实|保证|确保|积极)|当前[,，]|近期[,，]|近日[,，]|今年以来|自[^，,。]{1,20}以来|下面我|根据[^，,。]{2,40}(?:要求|部署|规定|精神)[,，])/

/**
 * A date line that closes a document: it follows a signature, a closing formula or a finished
 * sentence. A date under a page headline (标题 / 2023-01-31 / 正文) is a posting stamp.
 */
function isClosingDate(lines: Line[], i: number): boolean {
  if (i < 1 || !DATE_LINE.test(lines[i].text)) return false
  const before = lines[i - 1].text
  return SIGNATURE.test(before) || CLOSING.test(before) || /[。！!]$/.test(before) || (isLabel(before) && before.length >= 2)
}

/** A heading-like line: short, possibly a section title (its body follows). */
function isShort(line: string, max = 30): boolean {
  return line.length <= max
}

export function isTitleLine(line: string, next: string | undefined): boolean {
  if (line.length < 5 || line.length > 60 || ATTACHMENT.test(line)) return false
  if (/[。；！？]/.test(line) || numberMarker(line).kind) return false
  if (!DOC_TYPE_END.test(line) && !(next && NUMBER_LINE.test(next))) return false
  // A title is followed by a number line, a salutation, or a body paragraph; not by another
  // short title-like line (that would be a list of headlines, which the cleaner handles).
  if (!next) return false
  return NUMBER_LINE.test(next) || SALUTATION.test(next) || next.length > 40 || DOC_TYPE_END.test(line)
}

interface Line {
  text: string
  start: number
}

export function splitDocuments(text: string): TextPart[] {
  const lines: Line[] = []
  let pos = 0
  for (const l of text.split('\n')) {
    if (l.trim()) lines.push({ text: l.trim(), start: pos + (l.length - l.trimStart().length) })
    pos += l.length + 1
  }
  if (lines.length < 4) return [{ text, offset: 0 }]

  const starts = new Set<number>([0])
  const markers = lines.map((l) => numberMarker(l.text))

  // 1. Title lines and closing blocks.
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1].text
    const prevIsClosing = isClosingDate(lines, i - 1) || CLOSING.test(prev)
    if (isTitleLine(lines[i].text, lines[i + 1]?.text) && !NUMBER_LINE.test(prev) && !isTitleLine(prev, lines[i].text)) {
      // The text before a new title must have ended: a sentence, a date or a closing formula,
      // possibly followed by short section labels ("西湖区"). Else the "title" is the second
      // line of a title broken over two lines, or a repeat of the page headline.
      // A signature (…指挥部) between the closing and the title ends the previous document too.
      let k = i - 1
      while (k > 0 && (isLabel(lines[k].text) || SIGNATURE.test(lines[k].text))) k--
      const ended = /[。！？!?”」]$/.test(lines[k].text) || DATE_LINE.test(lines[k].text) || CLOSING.test(lines[k].text)
      // Labels after the signature open the new document; the signature stays with the old one.
      let first = k + 1
      while (first < i && SIGNATURE.test(lines[first].text)) first++
      if (ended) starts.add(first < i && isLabel(lines[first].text) ? first : i)
    } else if (prevIsClosing && !DATE_LINE.test(lines[i].text) && !CLOSING.test(lines[i].text) && !SIGNATURE.test(lines[i].text) && lines[i].text.length > 15 && !/^(?:附件|抄送|附：|联系人|联系电话)/.test(lines[i].text)) {
      // (A signature after 特此通告 still closes the previous document; the next one starts after.)
      starts.add(i)
    }
  }

  // 2. Numbering restarts.
  let top: Kind = null
  let topMax = 0
  let lastNumbered = -1
  for (let i = 0; i < lines.length; i++) {
    if (starts.has(i) && i > 0) {
      top = null
      topMax = 0
    }
    const m = markers[i]
    if (!m.kind) continue
    if (top === null) {
      top = m.kind
      topMax = m.n
    } else if (m.kind === top) {
      if (m.n === 1 && topMax >= 2 && lastNumbered >= 0) {
        const s = restartStart(lines, markers, lastNumbered, i)
        if (s > 0 && ![...starts].some((x) => x > lastNumbered && x <= i)) {
          starts.add(s)
          top = m.kind
          topMax = 1
          lastNumbered = i
          continue
        }
      }
      topMax = Math.max(topMax, m.n)
    } else if (m.n === 1 && topMax >= 2 && lastNumbered >= 0 && i - lastNumbered <= 4) {
      // A different list kind starting right after an opener paragraph that follows a
      // finished list: a new document that numbers differently.
      const s = restartStart(lines, markers, lastNumbered, i)
      if (s > 0 && OPENER.test(lines[s].text) && ![...starts].some((x) => x > lastNumbered && x <= i)) {
        starts.add(s)
        top = m.kind
        topMax = 1
        lastNumbered = i
        continue
      }
    }
    if (m.kind === top) lastNumbered = i
  }

  // 3. Build parts; merge parts that are too small to be documents.
  const sorted = [...starts].sort((a, b) => a - b)
  const bounds: Array<[number, number]> = []
  for (let k = 0; k < sorted.length; k++) bounds.push([sorted[k], k + 1 < sorted.length ? sorted[k + 1] : lines.length])
  const merged: Array<[number, number]> = []
  for (const b of bounds) {
    const len = lines.slice(b[0], b[1]).reduce((a, l) => a + l.text.length, 0)
    if (merged.length && len < MIN_PART) merged[merged.length - 1][1] = b[1]
    else merged.push([b[0], b[1]])
  }
  if (merged.length > 1) {
    const first = merged[0]
    const len = lines.slice(first[0], first[1]).reduce((a, l) => a + l.text.length, 0)
    // Page preamble (site name, headline, lead) before the first real document.
    const lastLine = lines[first[1] - 1].text
    const closed = isClosingDate(lines, first[1] - 1) || CLOSING.test(lastLine) || SIGNATURE.test(lastLine)
    if (len < FIRST_MIN && !closed) {
      merged[1][0] = first[0]
      merged.shift()
    }
  }
  if (merged.length <= 1) return [{ text, offset: 0 }]
  return merged.map(([a, b]) => {
    const offset = lines[a].start
    const end = b < lines.length ? lines[b].start : text.length
    return { text: text.slice(offset, end).trim(), offset }
  })
}

/**
 * Where does the new document start, given the previous list's last item (at `last`) and the
 * restarted item (at `restart`)? Among the unnumbered lines between them, prefer one that opens
 * like a document ("为切实…", "当前，…"); else the first line that is not the body of a short
 * section heading. Returns -1 when there is no unnumbered line in between.
 */
function restartStart(lines: Line[], markers: Marker[], last: number, restart: number): number {
  let cands: number[] = []
  for (let j = last + 1; j < restart; j++) if (!markers[j].kind) cands.push(j)
  if (cands.length === 0) return -1
  // An attachment (附件) restarting its own list belongs to the notice it is attached to.
  if (cands.some((j) => ATTACHMENT.test(lines[j].text))) return -1
  // A closing formula, signature or date after the list ends the previous document: the new
  // one can only start after it.
  let closedAt = -1
  for (let k = 0; k < cands.length; k++) {
    const t = lines[cands[k]].text
    if (DATE_LINE.test(t) || CLOSING.test(t) || SIGNATURE.test(t)) closedAt = k
  }
  if (closedAt >= 0) cands = cands.slice(closedAt + 1)
  // The previous item was a short heading (二、存在问题): its first body paragraph follows and
  // belongs to it, even when it opens like a document (为切实查找不足，…), so a sub-list under
  // the heading does not start a new document.
  else if (isShort(lines[last].text, 30)) cands = cands.slice(1)
  if (cands.length === 0) return -1
  for (const j of cands) if (OPENER.test(lines[j].text)) return j
  const pick = cands[0]
  // Without an opening phrase, only a substantial paragraph can open a new document; a short
  // bridge such as "同时，对学校提出以下要求：" introduces a second list in the same document.
  if (pick === undefined || lines[pick].text.length < 40) return -1
  return pick
}
