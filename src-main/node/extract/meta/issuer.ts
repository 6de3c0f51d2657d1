// 发文机关: the issuing body, in simplified script. Looked for, in order, in the heading
// ("X关于…的通告"), on a line of its own (header or signature block), and in news prose
// ("X发布通告", "X决定"). Returned from the simplified shadow, as the contract asks.
import type { RegionRef } from '../../../common/record'
import { isJunkLine } from './junk'
import { findMentions } from '../regions/mentions'

// Suffixes that end the name of an issuing body.
const ORG_SUFFIX =
  '(?:指挥部办公室|指挥部|领导小组办公室|领导小组|工作小组|协调中心|指挥中心|人民政府办公室|人民政府|政府|委员会|卫健委|卫生健康局|卫生健康委|疾病预防控制中心|疾控中心|疾控|管理委员会|管委会|办事处|县府|市府|联防联控机制|防控办|防疫办|社区|指挥室|卫健局|卫生局|教育局|交通运输局|市场监管局|市场监督管理局|市场监管部门)'
const ORG_BODY = '[\\u4e00-\\u9fff（）()、]{1,40}?'
// Taiwan's ministries; hospitals and institutes only sign on a line of their own (their visiting rules).
const MINISTRY = '(?:卫生福利部|教育部|内政部|交通部|劳动部|经济部)'
const LINE_SUFFIX = `(?:${ORG_SUFFIX}|医院|研究所|研究院)`
// A body's name directly followed by its issue date (卫生福利部111年12月8日…公告) heads its notice.
const ISSUE_DATE = '(?:中华民国)?(?:(?:19|20)[0-9]{2}|[0-9]{2,3})年[0-9]{1,2}月[0-9]{1,2}日'
const RE_LINE = new RegExp(`^(?:[0-9:：\\-/. ]{8,20})?(?:来源[:：])?(${ORG_BODY}${LINE_SUFFIX}|${MINISTRY})(?:[（(]?(?:通告|公告|通知|通报)|令第|关于|新闻公报|${ISSUE_DATE}|$)`)
const RE_PROSE = new RegExp(
  `(?:^|[，。、；：:“”"（(【】\\s,;!?]|据|经|由|从)(${ORG_BODY}${ORG_SUFFIX})(?:(?:[0-9]{1,2}月)?[0-9一二三四五六七八九十]{1,3}日|今天|今日|昨日|昨天|近日|日前|于|今|将)?(?:在[^，。]{1,10}(?=发出|发布))?(?:发布|宣布|宣佈|研究决定|决定|通告|公告|通报|最新通报|发出|连续发出|印发|下发|再次提醒|提醒|要求|为|表示|指出|介绍|称|获悉|了解到|[,，](?=从|自))`,
  'gm'
)
// Words that can precede a body's name inside a prose match and are not part of it.
const LEAD = /^(?:[^，。]*?(?:消息|获悉|报道|表示|称|了|和|与|及|在|从|向|对|经|由|据))/

// Prose fragments that a lazy match can swallow; a real body's name has none of them.
const BAD = /[等的了]|开展|持续|进行|形式|通过|两级|各级|以及|并|和|按照|根据|严格|一是|二是|^[市区县省镇](?!委|政府|人民政府|疫情|新冠|新型|卫|疾|教育|交通|应对|联防|防控|指挥|市场)/
// 2020 official names contain 的 (新型冠状病毒感染的肺炎疫情防控指挥部): not prose.
const OFFICIAL_DE = /感染的肺炎/g

const SIGNATURE_DATE = /(?:(?:19|20)[0-9]{2}|[0-9]{2,3}|[零〇一二三四五六七八九十]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}[日号]$/

/** Place names masked (same length), so 和田地区, 西和县 and 镇江市 never read as prose. */
function maskPlaces(name: string): string {
  let masked = name
  for (const m of findMentions(name, null)) {
    if (m.start >= 0 && !m.abbrev) masked = masked.slice(0, m.start) + '□'.repeat(m.end - m.start) + masked.slice(m.end)
  }
  return masked
}

function isProse(name: string): boolean {
  const n = name.replace(OFFICIAL_DE, '感染肺炎')
  return BAD.test(n) && BAD.test(maskPlaces(n))
}

function clean(name: string): string {
  // A byline's closing bracket ((记者 张三）甲市指挥部) ends prose that is not part of the name.
  let n = name.replace(/\s+/g, '').replace(/^[^（(]*[）)]/, '')
  // Masking only removes matches, so a name without a lead word skips it (it scans the gazetteer).
  const lead = LEAD.test(n) ? LEAD.exec(maskPlaces(n)) : null
  if (lead && lead[0].length < n.length - 4) n = n.slice(lead[0].length)
  n = n.replace(/^(本市|我市|我区|我县|全市|市委|中共)(?=.{4})/, (m) => (m === '中共' ? m : ''))
  return n
}

// An unqualified body (市疫情防控指挥部, 县卫健局) is completed with the document's own place of that
// level, when the text names exactly one.
const UNQUALIFIED: Record<string, RegionRef['level'][]> = { 市: ['city', 'province'], 县: ['county'], 区: ['district', 'county'], 省: ['province'] }

function qualify(name: string | null, places: RegionRef[]): string | null {
  if (!name) return name
  const levels = UNQUALIFIED[name[0]]
  if (!levels || /^(市委|市场)/.test(name)) return name
  const fits = places.filter((p) => levels.includes(p.level) && p.name.endsWith(name[0]))
  return fits.length === 1 ? fits[0].name + name.slice(1) : name
}

export function extractIssuer(simplified: string, title: string, places: RegionRef[] = []): string | null {
  return qualify(findIssuer(simplified, title), places)
}

function findIssuer(simplified: string, title: string): string | null {
  const t = title.replace(/\s+/g, '')
  const heading = new RegExp(`^(${ORG_BODY}${ORG_SUFFIX})关于`).exec(t)
  if (heading) return clean(heading[1])
  const lines = simplified.split('\n')
  // Header lines first (the first 25), then the signature block (the last 12); a body named in
  // prose before the first header line wins (the first notice of a compilation).
  let prose: { at: number; name: string } | null = null
  RE_PROSE.lastIndex = 0
  for (let m = RE_PROSE.exec(simplified); m; m = RE_PROSE.exec(simplified)) {
    const name = clean(m[1])
    if (!isProse(name)) {
      prose = { at: m.index, name }
      break
    }
  }
  let offset = 0
  const starts = lines.map((l) => {
    const o = offset
    offset += l.length + 1
    return o
  })
  const order = [...lines.keys()].filter((i) => i < 25 || i >= lines.length - 12)
  for (const i of order) {
    // A signature date glued to the body (…指挥部2022年3月5日) is not part of its name.
    const line = lines[i].trim().replace(/[\s　]+/g, '').replace(SIGNATURE_DATE, '')
    // Source lines (来源：…) are navigation for every other purpose but may name the issuer.
    if (line.length < 4 || line.length > 60 || (isJunkLine(line) && !/来源[:：]/.test(line))) continue
    const m = RE_LINE.exec(line)
    if (!m || isProse(m[1])) continue
    if (prose && prose.at < starts[i]) return prose.name
    return clean(m[1])
  }
  return prose ? prose.name : null
}
