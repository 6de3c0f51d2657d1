// 成文日期. Candidates are scored by where they stand: a date alone on a line (the signature)
// beats a publication stamp beside 来源/发布时间, which beats a news dateline (X月X日电). Effective
// dates (…起), crawl headers (星期五) and 更新时间 stamps are ignored. Nothing is invented: a
// month-day gets a year only when the document's full dates all agree on one year.
import { parseNumber } from '../text'
import { linkListRanges } from './junk'

interface Cand {
  y: number | null
  m: number
  d: number
  score: number
  at: number
}

const CN = '[零〇一二三四五六七八九十]'
const RE_FULL = new RegExp(
  `((?:19|20)[0-9]{2}|[0-9]{3}|${CN}{4})\\s*年\\s*([0-9]{1,2}|${CN}{1,3})\\s*月\\s*([0-9]{1,2}|${CN}{1,3})\\s*[日号曰]`,
  'g'
)
const RE_ISO = /((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d])/g
// Year and month without a day (2022年10月) still fixes the year of the events.
const RE_YM = /((?:19|20)[0-9]{2})\s*年\s*[0-9]{1,2}\s*月/g
// So does the year of a document number (〔2022〕14号, 2022年第5号).
const RE_NUMBER_YEAR = /[〔（(\[［【]((?:19|20)[0-9]{2})[〕）)\]］】]\s*(?:第\s*)?[0-9]{1,4}\s*号|((?:19|20)[0-9]{2})\s*年\s*第\s*[0-9]{1,4}\s*号/g
const RE_DMY = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d])/g
const RE_MD = new RegExp(`(?<![年\\d])([0-9]{1,2}|${CN}{1,3})月([0-9]{1,2}|${CN}{1,3})日`, 'g')

function valid(y: number | null, m: number, d: number): boolean {
  return (y === null || (y >= 1990 && y <= 2100)) && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

function lineAround(s: string, at: number): { line: string; start: number } {
  const a = s.lastIndexOf('\n', at - 1) + 1
  let b = s.indexOf('\n', at)
  if (b < 0) b = s.length
  return { line: s.slice(a, b), start: a }
}

function contextScore(s: string, at: number, len: number, notice: boolean): number {
  const { line, start } = lineAround(s, at)
  const before = s.slice(Math.max(0, at - 12), at)
  const after = s.slice(at + len, at + len + 10)
  // A labelled publication stamp (发布时间：…) holds even beside a view counter on its line.
  const labelled = /(发布时间|发布日期|发稿时间|发文日期|成文日期|日期|时间)\s*[:：]\s*$/.test(before)
  // Crawl-day headers (2025年5月5日 星期一, 今天是…) and update stamps are never the document's date.
  if (/星期|周[一二三四五六日]|更新时间|更新于|修改时间|今天是/.test(line) || (!labelled && /浏览|访问|点击/.test(line))) return -1
  if (/^\s*(星期|周[一二三四五六日]|农历)/.test(s.slice(start + line.length + 1, start + line.length + 8))) return -1
  if (/^\s*[0-9]{1,2}时|^\s*(起|至|到|前|后|以来|期间|零时|0时|24时|[0-9]{1,2}[:：]00起)/.test(after) && !/^\s*[0-9]{1,2}[:：]/.test(after)) return -1
  if (/(自|从|截至|截止|至|到|于)\s*$/.test(before)) return -1
  if (/《[^》]*$/.test(s.slice(Math.max(0, at - 30), at))) return -1
  const rest = (line.slice(0, at - start) + line.slice(at - start + len)).replace(/[\s　]|中华民国|民国/g, '')
  // A date alone on its line is the signature when written in words (2022年5月1日); an ISO date
  // alone is more often a site's posting stamp.
  if (rest === '' || /^[（(]?[）)]?$/.test(rest)) return /年/.test(s.slice(at, at + len)) ? 10 : 6
  // A date followed by the publishing site's name (2021-01-08 岳阳网) is its publication stamp.
  if (/^\s*[\u4e00-\u9fff]{1,8}(网|报|台|新闻|客户端)\s*$/.test(line.slice(at - start + len))) return 8
  if (labelled || /(来源|发布时间|发稿时间|发布日期|时间[:：]|日期[:：]|发布于)/.test(line)) return 8
  // A date glued to the issuing body (卫生福利部111年12月8日…公告, …指挥部2月25日发布通告) is its issue date.
  if (/(指挥部|办公室|委员会|人民政府|政府|卫生福利部|[^全]部|局|中心|领导小组)$/.test(before) && /^\s*([^，。]{0,12}字第|发布|印发|发出|公告|通告)/.test(after)) return 9
  // An unlabelled date-time (2022-03-13 19:16) is the publication stamp of an article, but on a
  // reposted notice it is the reposting site's stamp (the notice's own date is its signature).
  if (/^\s*\d{1,2}[:：]\d{2}/.test(after)) return notice ? 3 : 8
  // A byline date closing one of the first lines (…记者 张三 10月6日).
  if (line.slice(at - start + len).trim() === '' && s.slice(0, start).split('\n').length <= 3) return 5
  if (/^\s*(电|讯)/.test(after) || /^[^，。]{0,12}(电|讯)/.test(after)) return 7
  return 1
}

function toYear(raw: string): number {
  const n = parseNumber(raw)
  // Minguo years (110年 = 2021) are three digits or fewer.
  if (n > 0 && n < 200) return n + 1911
  return n
}

export function extractDate(simplified: string, opts: { minScore: number; notice?: boolean } = { minScore: 5 }): string | null {
  const cands: Cand[] = []
  // Dates in a related-links list belong to the other pages' titles.
  const links = linkListRanges(simplified)
  const push = (y: number | null, m: number, d: number, at: number, len: number): void => {
    if (!valid(y, m, d) || links.some(([a, b]) => a <= at && at < b)) return
    const score = contextScore(simplified, at, len, opts.notice === true)
    if (score < 0) return
    cands.push({ y, m, d, score, at })
  }
  for (const re of [RE_FULL, RE_ISO]) {
    re.lastIndex = 0
    for (let x = re.exec(simplified); x; x = re.exec(simplified)) {
      push(toYear(x[1]), parseNumber(x[2]), parseNumber(x[3]), x.index, x[0].length)
    }
  }
  RE_DMY.lastIndex = 0
  for (let x = RE_DMY.exec(simplified); x; x = RE_DMY.exec(simplified)) {
    push(Number(x[3]), Number(x[2]), Number(x[1]), x.index, x[0].length)
  }
  RE_MD.lastIndex = 0
  for (let x = RE_MD.exec(simplified); x; x = RE_MD.exec(simplified)) {
    push(null, parseNumber(x[1]), parseNumber(x[2]), x.index, x[0].length)
  }
  // Every full date counts for the year, even those that cannot be the document date
  // (自2021年12月2日24时起 fixes the year of a dateline 12月3日电).
  const years = new Set<number>()
  RE_FULL.lastIndex = 0
  for (let x = RE_FULL.exec(simplified); x; x = RE_FULL.exec(simplified)) years.add(toYear(x[1]))
  RE_ISO.lastIndex = 0
  for (let x = RE_ISO.exec(simplified); x; x = RE_ISO.exec(simplified)) years.add(Number(x[1]))
  RE_YM.lastIndex = 0
  for (let x = RE_YM.exec(simplified); x; x = RE_YM.exec(simplified)) years.add(Number(x[1]))
  RE_NUMBER_YEAR.lastIndex = 0
  for (let x = RE_NUMBER_YEAR.exec(simplified); x; x = RE_NUMBER_YEAR.exec(simplified)) years.add(Number(x[1] ?? x[2]))
  const minScore = opts.minScore
  let best: Cand | null = null
  for (const c of cands) {
    if (c.score < minScore) continue
    if (c.y === null) {
      // A month-day takes the year only when every full date in the text has the same year.
      if (years.size !== 1) continue
      c.y = [...years][0] as number
    }
    if (!best || c.score > best.score || (c.score === best.score && c.score < 10 && c.at < best.at)) best = c
  }
  if (!best || best.y === null) return null
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${best.y}-${p(best.m)}-${p(best.d)}`
}
