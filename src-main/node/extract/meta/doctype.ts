// Document type by weighted cues. Each rule adds to one type's score; the title counts more than
// the body because reposts keep the original heading. Rules live in a table so they can be tuned
// without touching the scoring loop.
import type { DocType } from '../../../common/record'

interface Cue {
  type: DocType
  /** Where the pattern is looked for: the title, the first ~400 chars, or the whole body. */
  where: 'title' | 'head' | 'body'
  re: RegExp
  weight: number
  /** docTypeDetail reported when this cue decides the type. */
  detail?: string
  /** The cue holds only when `re` (global) matches at least this often. */
  count?: number
}

function holds(c: Cue, hay: string): boolean {
  if (!c.count) return c.re.test(hay)
  c.re.lastIndex = 0
  let n = 0
  while (c.re.exec(hay) && ++n < c.count);
  return n >= c.count
}

/** 通告如下 / 特此通知: the body names the notice's kind (group 1 or 2). */
const NOTICE_WORD_IN_BODY = /(通告|公告|通知)如下|特此(通告|公告|通知)/

const CUES: Cue[] = [
  // Official notices.
  { type: 'notice', where: 'title', re: /通告/, weight: 4, detail: '通告' },
  { type: 'notice', where: 'title', re: /公告/, weight: 4, detail: '公告' },
  { type: 'notice', where: 'title', re: /通知/, weight: 3, detail: '通知' },
  { type: 'notice', where: 'head', re: /新闻公报|政府公报/, weight: 4, detail: '公告' },
  { type: 'notice', where: 'title', re: /(温馨提示|提醒)/, weight: 3, detail: '通知' },
  { type: 'notice', where: 'title', re: /决定/, weight: 2, detail: '决定' },
  { type: 'notice', where: 'title', re: /意见/, weight: 2, detail: '意见' },
  { type: 'notice', where: 'title', re: /通报/, weight: 2, detail: '通报' },
  // 批覆 is how 批复 reads in Taiwan script (覆 has no simplified counterpart to fall back to).
  { type: 'notice', where: 'title', re: /批[复覆]/, weight: 3, detail: '批复' },
  { type: 'notice', where: 'title', re: /请示/, weight: 3, detail: '请示' },
  { type: 'notice', where: 'title', re: /纪要/, weight: 3, detail: '纪要' },
  // A letter between offices (关于商请…的函) names its kind last.
  { type: 'notice', where: 'title', re: /的函$/, weight: 3, detail: '函' },
  { type: 'notice', where: 'body', re: new RegExp(`${NOTICE_WORD_IN_BODY.source}|现(将|就)[^。]{0,40}(通告|公告|通知)`), weight: 4 },
  { type: 'notice', where: 'body', re: /温馨提示如下|提示如下|公告事项/, weight: 3 },
  { type: 'notice', where: 'head', re: /[（(]第?[0-9一二三四五六七八九十]+号?[）)]|〔(19|20)\d\d〕/, weight: 2 },
  { type: 'notice', where: 'body', re: /[\u4e00-\u9fff][〔［\[【](19|20)\d\d[〕］\]】][0-9]{1,4}号/, weight: 2 }, // (one character before the bracket decides as well as eight)
  { type: 'notice', where: 'body', re: /决定[^。]{0,20}(起|自)[^。]{0,40}(解除|实行|实施|调整|划定)|予以解除|现予公布|现公布|现将[^。]{0,20}公布如下/, weight: 3 },
  { type: 'notice', where: 'head', re: /(指挥部|领导小组|办公室|中心)(通报|通告|公告)[:：]/, weight: 4 },
  // The kind word alone on a line (a CMS puts 公告 above the body).
  { type: 'notice', where: 'head', re: /^\s*(公告|通告|通知)\s*$/m, weight: 4, detail: '公告' },
  // A body addressing its readers with a reminder (疾控提醒广大市民朋友： / 向您温馨提示：).
  { type: 'notice', where: 'head', re: /(提醒|温馨提示|特别提示|郑重提示)[^。\n]{0,12}[:：]/, weight: 3, detail: '通知' },
  // A rule taking effect from a date (自…起，将…调整为低风险区), the operative sentence of a notice.
  { type: 'notice', where: 'body', re: /自[^。\n]{0,20}起[，,]?[^。\n]{0,80}(调整为|予以解除|解除|实行|实施|划定为?|暂停|恢复)/, weight: 1 },
  // Many directives (须, 不得, 一律, 请…) and nothing else decisive: a notice without its heading
  // (half a point: it never outweighs a cue of another type).
  { type: 'notice', where: 'body', re: /请(?![求示教])|[须需](?!要)|应当?(?![对急用])|不得|严禁|禁止|一律|务必|非必要不|暂停|实行/g, weight: 0.5, count: 4 },
  // Journalism.
  { type: 'news', where: 'head', re: /(网|社|报|台|电视台|新闻)[^，。\n]{0,8}\d{1,2}月\d{1,2}日(电|讯)|\d{1,2}月\d{1,2}日(电|讯)/, weight: 5, detail: '新闻' },
  { type: 'news', where: 'head', re: /【[^】]{0,10}(报道|网)】|本报讯|(网|客户端|新闻|报)讯|记者|通讯员|快讯|发稿/, weight: 3, detail: '新闻' },
  { type: 'news', where: 'head', re: /第[0-9]{1,3}版|上一版|下一版|^\s*新闻\s*$|\n\s*新闻\s*\n/m, weight: 4, detail: '新闻' },
  { type: 'news', where: 'title', re: /发布(重要)?(通告|公告|通知)[:：]?|(通告|公告)[:：]/, weight: 4, detail: '新闻' },
  // A headline reporting that someone issued a notice (三区发布全员核酸筛查通知), or citing one (据…公告).
  { type: 'news', where: 'title', re: /(?<!关于)发布[^，。！!？?]{2,12}(通告|公告|通知)|^据[^，。]{2,40}(公告|通告|通知|消息)|最新消息|全球消息|消息[:：!！]/, weight: 4, detail: '新闻' },
  // Reported speech with a news day reference: 指挥中心今(6)日表示.
  { type: 'news', where: 'head', re: /[今昨前]\s*[（(]?\s*\d{1,2}\s*[)）]?\s*日[^。]{0,30}(表示|宣布|指出|说明|公布)/, weight: 3, detail: '新闻' },
  { type: 'news', where: 'body', re: /(刚刚|今天|今日|日前|近日)[^。]{0,12}发布[^。]{0,6}(通告|公告)|新闻发布会|会上通报/, weight: 5, detail: '新闻' },
  { type: 'news', where: 'body', re: /据[^，。]{0,16}消息|发布会上|新闻发布会|(发布|宣布)了?[^，。]{0,6}通告[，,称]|通告称|(?<![本该此])(通告|公告|通知)(指出|明确|显示|提到)|消息称|表示[，,:：]|介绍[，,:：]/, weight: 2, detail: '新闻' },
  { type: 'news', where: 'title', re: /(最新|快讯|速看|刚刚|重磅|消息|发布会|[!！]|:|：)/, weight: 1, detail: '新闻' },
  // A periodical's masthead or issue line (某某周刊 2021年19期) at the top: a magazine or paper article.
  { type: 'news', where: 'head', re: /^[^\n]{0,12}(周刊|杂志|半月谈|日报|晚报|晨报)[^\n]{0,4}(19|20)[0-9]{2}年(第)?[0-9]{1,3}期/m, weight: 4, detail: '新闻' },
  // A headline announcing that something came out (新版防控方案发布): the body that issues it says 关于发布.
  { type: 'news', where: 'title', re: /^(?!关于)[^\n]{4,}(?<!关于)发布[!！]?$/, weight: 3, detail: '新闻' },
  // The implementing body's own account of its work.
  { type: 'report', where: 'title', re: /汇报|总结|范文|工作情况|进展情况/, weight: 6, detail: '工作汇报' },
  { type: 'report', where: 'head', re: /汇报|总结|范文/, weight: 2, detail: '工作汇报' },
  { type: 'report', where: 'body', re: /(召开|收看)[^。]{0,50}(?<!新闻发布)(会议|调度会|推进会|电话会|部署会|工作会|培训会|专题会|座谈会|视频会)|会议(指出|强调|要求)|调研|督导|带领|一行/, weight: 3, detail: '工作汇报' },
  { type: 'report', where: 'head', re: /接种率|第[一二三]剂接种|已接种|接种[^。]{0,10}(完成|达到)/, weight: 4, detail: '工作汇报' },
  // A headline about vaccination progress is a work-progress item, whoever carries it.
  { type: 'report', where: 'title', re: /接种率|接种[^，。]{0,8}(达到|完成|突破|超过)/, weight: 5, detail: '工作汇报' },
  { type: 'report', where: 'body', re: /(社区|街道|村|镇|乡|志愿)[^。]{0,20}(开展|组织|启动|协助)[^。]{0,20}(工作|核酸|排查|检测)|我(镇|乡|院|局|街道|社区)/, weight: 3, detail: '工作汇报' },
  // Explainers and Q&A.
  // A '?' inside the title is usually mojibake (冷鏈?zhǔn): only one at the end asks a question.
  { type: 'guide', where: 'title', re: /[?？]\s*$|？|吗|怎么|如何|哪里|问答|解读|释义|指南|须知|是什么|什么是|啥意思|咋办|什么时候|答疑|解答|一图读懂|科普/, weight: 6, detail: '问答' },
  { type: 'guide', where: 'head', re: /可以[^。\n]{0,10}吗|吗[?？]/, weight: 4, detail: '问答' },
  // Explainer questions in the opening, and content-farm explainer formulas (下面小编为大家带来…介绍).
  { type: 'guide', where: 'head', re: /什么是|怎么办|啥意思|是什么意思|什么时候[^。\n]{0,6}[?？]|小编为(大家|您)|感兴趣的(小伙伴|朋友)/, weight: 5, detail: '问答' },
  { type: 'guide', where: 'head', re: /问题\s*[|｜]|答[:：]|A[:：]|Q[:：]|释义/, weight: 4, detail: '问答' },
  // Open letters, proposals, encyclopedia entries.
  { type: 'other', where: 'title', re: /一封信|倡议书|倡议|公开信/, weight: 8, detail: '倡议书' },
  { type: 'other', where: 'head', re: /一封信|倡议书|亲爱的[^，。]{0,8}(朋友|市民|居民)/, weight: 5, detail: '倡议书' },
  { type: 'other', where: 'head', re: /^[^\n]{2,40}\n+\s*\S{2,40}(是指|指的是)/, weight: 6 }
]

const DETAIL_BY_TITLE: [RegExp, string][] = [
  [/通告/, '通告'], [/公告/, '公告'], [/通知/, '通知'], [/决定/, '决定'], [/意见/, '意见'], [/通报/, '通报'],
  [/请示/, '请示'], [/批[复覆]/, '批复'], [/纪要/, '纪要'], [/工作总结|总结/, '工作总结'],
  // 关于…的报告 is the 公文 report to a superior; other reports are accounts of work.
  [/^关于[^\n]*的报告$/, '报告'], [/汇报|报告/, '工作汇报'],
  [/倡议书|倡议/, '倡议书'], [/解读/, '解读'], [/问答|[?？]\s*$|？|吗/, '问答'], [/函$/, '函']
]

/** A notice without its heading (a compilation's part) still names its kind: 现就有关事宜通告如下. */
function noticeWordInBody(simplified: string): string | null {
  const m = NOTICE_WORD_IN_BODY.exec(simplified)
  return m ? (m[1] ?? m[2]) : null
}

export interface DocTypeResult {
  docType: DocType
  docTypeDetail: string | null
}

/** Each type's summed cue weights, and the detail of its first cue that fired (exported for tests). */
export function docTypeScores(title: string, simplified: string): { score: Record<DocType, number>; detail: Partial<Record<DocType, string>>; fired: string[] } {
  const head = simplified.slice(0, 400)
  const score: Record<DocType, number> = { notice: 0, news: 0, report: 0, guide: 0, other: 0 }
  const detail: Partial<Record<DocType, string>> = {}
  const fired: string[] = []
  for (const c of CUES) {
    const hay = c.where === 'title' ? title : c.where === 'head' ? head : simplified
    if (!holds(c, hay)) continue
    score[c.type] += c.weight
    fired.push(`${c.type}+${c.weight} ${c.re.source.slice(0, 30)}`)
    if (c.detail && !detail[c.type]) detail[c.type] = c.detail
  }
  return { score, detail, fired }
}

export function classifyDocType(title: string, simplified: string): DocTypeResult {
  const { score, detail } = docTypeScores(title, simplified)
  // Tie-break order: the official kinds first, as a repost usually keeps its notice heading.
  const order: DocType[] = ['notice', 'guide', 'other', 'report', 'news']
  let best: DocType = 'news'
  let bestScore = 0
  for (const t of order) {
    if (score[t] > bestScore) {
      best = t
      bestScore = score[t]
    }
  }
  if (bestScore === 0) return { docType: 'other', docTypeDetail: null }
  let d: string | null = null
  for (const [re, name] of DETAIL_BY_TITLE) {
    if (re.test(title)) {
      d = name
      break
    }
  }
  if (best === 'news') d = d === '解读' ? '解读' : '新闻'
  else if (!d) d = detail[best] ?? (best === 'notice' ? noticeWordInBody(simplified) : null)
  return { docType: best, docTypeDetail: d }
}
