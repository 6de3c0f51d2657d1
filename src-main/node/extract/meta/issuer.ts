// 发文机关: the issuing body, in simplified script. Looked for, in order, in the heading
// ("X关于…的通告"), on a line of its own (header or signature block), and in news prose
// ("X发布通告", "X决定"). Returned from the simplified shadow, as the contract asks.
import { isJunkLine } from './junk'

// Suffixes that end the name of an issuing body.
const ORG_SUFFIX =
  '(?:指挥部办公室|指挥部|领导小组办公室|领导小组|工作小组|协调中心|指挥中心|人民政府办公室|人民政府|政府|委员会|卫健委|卫生健康局|卫生健康委|疾病预防控制中心|疾控中心|管理委员会|管委会|办事处|县府|市府|联防联控机制|防控办|防疫办|社区|指挥室)'
const ORG_BODY = '[\\u4e00-\\u9fff（）()、]{2,40}?'
const RE_LINE = new RegExp(`^(?:来源[:：])?(${ORG_BODY}${ORG_SUFFIX})(?:[（(]?(?:通告|公告|通知|通报)|关于|新闻公报|$)`)
const RE_PROSE = new RegExp(
  `(?:^|[，。、；：:“”"（(【】\\s,;!?]|据|经|由)(${ORG_BODY}${ORG_SUFFIX})(?:(?:[0-9]{1,2}月)?[0-9一二三四五六七八九十]{1,3}日|今天|今日|昨日|昨天|近日|日前|于|今|将)?(?:发布|宣布|宣佈|决定|通告|公告|通报|发出|印发|下发|提醒|要求|为)`,
  'gm'
)
// Words that can precede a body's name inside a prose match and are not part of it.
const LEAD = /^(?:[^，。]*?(?:消息|获悉|报道|表示|称|了|和|与|及|在|从|向|对|经|由|据))/

// Prose fragments that a lazy match can swallow; a real body's name has none of them.
const BAD = /[等的了]|开展|持续|进行|形式|通过|两级|各级|以及|并|和/

function clean(name: string): string {
  let n = name.replace(/\s+/g, '')
  const lead = LEAD.exec(n)
  if (lead && lead[0].length < n.length - 4) n = n.slice(lead[0].length)
  n = n.replace(/^(本市|我市|我区|我县|全市|市委|中共)(?=.{4})/, (m) => (m === '中共' ? m : ''))
  return n
}

export function extractIssuer(simplified: string, title: string): string | null {
  const t = title.replace(/\s+/g, '')
  const heading = new RegExp(`^(${ORG_BODY}${ORG_SUFFIX})关于`).exec(t)
  if (heading) return clean(heading[1])
  const lines = simplified.split('\n')
  // Header lines first (the first 25), then the signature block (the last 12).
  const order = [...lines.slice(0, 25), ...lines.slice(Math.max(25, lines.length - 12))]
  for (const raw of order) {
    const line = raw.trim().replace(/[\s　]+/g, '')
    if (line.length < 4 || line.length > 60 || isJunkLine(line)) continue
    const m = RE_LINE.exec(line)
    if (m && !BAD.test(m[1])) return clean(m[1])
  }
  RE_PROSE.lastIndex = 0
  for (let m = RE_PROSE.exec(simplified); m; m = RE_PROSE.exec(simplified)) {
    const name = clean(m[1])
    if (!BAD.test(name)) return name
  }
  return null
}
