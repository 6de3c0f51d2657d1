// Title: the first line that reads like a heading, skipping navigation and spam. A heading split
// over two or three short lines (关于…的 / 通告) is joined back together.
import { isJunkLine } from './junk'

const DOC_WORD = /(通告|通知|公告|决定|意见|通报|报告|请示|批复|函|纪要|汇报|总结|倡议书|一封信|提示|问答|解读)/

// Lines that are never a title, whatever their length: contact and hotline lines, bylines and
// reprint credits, bare dates, signatures, numbered sub-headings of a body (一、加强领导 / 1. / （一）/ 一是),
// lead-ins (现将…汇报如下：) and closing lines (我的汇报完毕，谢谢！/ 特此通告).
const CONTACT = /(热线|电话|手机|邮箱|信箱|传真|微信号?|[Qq]{2})\s*[:：]?\s*[0-9(（]|[\w.-]+@[\w-]+\.|[0-9]{3,4}-[0-9]{7,8}|报料|爆料|投稿/
const BYLINE = /^[（(]?[^，。]{0,12}(作者|记者|编辑|责编|通讯员|来源|撰稿|摄影|审核|校对|转自|原标题|栏目|频道|版次|版面|分类|标签|关键词)\s*[:：;；|]/
const DATE_ONLY = /^[\s0-9０-９年月日号时分秒:：\-/.星期一二三四五六日天〇零十]+$/
const SUBHEADING = /^\s*(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．是]|[0-9]{1,2}(?:[)）]、?|[、．]|\.(?![0-9])))/
const LEAD_IN = /如下[:：]?$|[:：]$/
// An editorial note in brackets on its own line (（以下为原通告）).
const NOTE = /^[（(【[][^）)】\]]*[）)】\]]$/
// A signature: the issuing body's name alone on a line.
const SIGNATURE = /^[^，。\s]{2,30}(指挥部|办公室|委员会|人民政府|领导小组|中心|局)$/
const CLOSING = /汇报完毕|谢谢[!！。]?$|^特此(通告|公告|通知|函告)|^此致|^敬礼|以上(就是|是)?[^，。]{0,10}(汇报|发言)/

/**
 * True for a line that can never be a title (see above). Contact and byline patterns only hold
 * for short lines: a paragraph that mentions a hotline is body text. `leadIn` false lets a lead-in
 * sentence stand in as a fallback title (a short label such as 发布日期： never does).
 */
export function isNonTitleLine(line: string, leadIn = true): boolean {
  const t = line.trim()
  if (t.length <= 80 && (CONTACT.test(t) || BYLINE.test(t))) return true
  return DATE_ONLY.test(t) || SUBHEADING.test(t) || CLOSING.test(t) || SIGNATURE.test(t) || NOTE.test(t) || (leadIn && LEAD_IN.test(t))
}

/** Digit-free form of a line, so numbered captions (…公告(1), …公告(2)) compare equal. */
const shape = (line: string): string => line.replace(/[0-9０-９\s]+/g, '')

// A news dateline and byline opening the first sentence (人民网长春3月19日电 (记者 马俊华)) is not
// part of a title cut from that sentence.
const DATELINE = /^[^，。\n]{0,16}[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯)\s*(?:[（(][^）)\n]{0,20}[）)])?\s*/

// Tag remains (<p>, ?/p>, ![]()) the cleaner may have left: never part of a title.
const TAGS = /<\/?[a-zA-Z][^<>]{0,80}>|\?\/[a-z]+>|!\[[^\]]*\]\([^)]*\)|&nbsp;|&[a-z]+;/g

interface TitlePlan {
  /** Line index of the title, or -1 for the file name. */
  line: number
  /** Lines joined to it (a heading broken over lines). */
  more: number[]
  /** Fallback: characters of a dateline to drop, and cut the first sentence. */
  fallback: boolean
  drop: number
}

/** Where the title is, decided on the simplified lines (one pass for both scripts). */
function planTitle(simp: string[]): TitlePlan {
  // A line repeated three times or more (an image caption, a footer) is boilerplate, not a title.
  const counts = new Map<string, number>()
  for (const l of simp) {
    const k = shape(l)
    if (k.length >= 4) counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const candidates: number[] = []
  for (let i = 0; i < Math.min(simp.length, 40); i++) {
    const s = simp[i].trim()
    if (s.length < 4 || s.length > 100) continue
    if (isJunkLine(s) || isNonTitleLine(s) || (counts.get(shape(s)) ?? 0) >= 3) continue
    if (!/[\u4e00-\u9fff]{4}/.test(s)) continue
    candidates.push(i)
  }
  // A heading naming the document kind wins over a leading teaser line; both must be short.
  const official = candidates.find((i) => {
    const s = simp[i].trim()
    return DOC_WORD.test(s) && s.length <= 60 && !/[。]$/.test(s) && !/如下[:：]?$/.test(s)
  })
  // Any other heading does not read as a sentence (一句话。/ 两句。第二句? / a long run of clauses).
  const sentence = (s: string): boolean => /[。；;]$|。/.test(s) || (s.length > 40 && (s.match(/[，,]/g) ?? []).length >= 2)
  const pick = official ?? candidates.find((i) => !sentence(simp[i].trim()))
  if (pick === undefined) {
    // Body text only: the first sentence of the first readable line stands in for a title.
    const at = simp.findIndex((l) => {
      const t = l.trim()
      return t.length >= 4 && !isJunkLine(l) && !isNonTitleLine(l, t.length < 12) && /[\u4e00-\u9fff]{4}/.test(t)
    })
    // The dateline is found on the simplified line (电/讯) and cut from the original by length.
    const dl = at >= 0 ? DATELINE.exec(simp[at].trimStart()) : null
    return { line: at, more: [], fallback: true, drop: dl ? dl[0].length : 0 }
  }
  const more: number[] = []
  // Join continuation lines of a heading broken across lines (关于… / …的通告).
  for (let j = pick + 1; j < simp.length && more.length < 3; j++) {
    const s = simp[j].trim()
    if (!s) continue
    if (/^[（(]/.test(s) || /[。，,：:]/.test(s) || s.length > 30 || !/[\u4e00-\u9fff]/.test(s)) break
    if (isJunkLine(s) || isNonTitleLine(s) || (counts.get(shape(s)) ?? 0) >= 3) break
    if (!DOC_WORD.test(simp[pick]) && (/^关于/.test(s) || DOC_WORD.test(s))) {
      more.push(j)
      if (DOC_WORD.test(s)) break
    } else break
  }
  return { line: pick, more, fallback: false, drop: 0 }
}

function render(plan: TitlePlan, lines: string[], fileName: string): string {
  if (plan.line < 0) return fileName.replace(/\.[^.]+$/, '')
  if (plan.fallback) {
    const first = lines[plan.line].trim().slice(plan.drop)
    const cut = first.search(/[。！？!?；;]/)
    return (cut > 0 ? first.slice(0, cut) : first).slice(0, 60)
  }
  const title = [plan.line, ...plan.more].map((i) => lines[i].trim()).join('')
  return title.replace(/\s+/g, ' ').slice(0, 200)
}

/**
 * The title as written (from `text`) and in simplified script, decided once on the shadow.
 * `heading` is false when no line reads as a heading (the first sentence or the file name stands in).
 */
export function extractTitles(text: string, simplified: string, fileName: string): { title: string; simplified: string; heading: boolean } {
  const simp = simplified.split('\n').map((l) => l.replace(TAGS, ''))
  const plan = planTitle(simp)
  const heading = !plan.fallback && plan.line >= 0
  const orig = text === simplified ? simp : text.split('\n').map((l) => l.replace(TAGS, ''))
  // Shadow and text have the same lines; if not, decide on the text itself.
  if (orig.length !== simp.length) return { title: render(planTitle(orig), orig, fileName), simplified: render(plan, simp, fileName), heading }
  return { title: render(plan, orig, fileName), simplified: render(plan, simp, fileName), heading }
}

export function extractTitle(text: string, simplified: string, fileName: string): string {
  return extractTitles(text, simplified, fileName).title
}
