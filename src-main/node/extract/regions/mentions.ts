// Finds place-name mentions in the simplified shadow: gazetteer names by longest match, plus
// one-character abbreviations in movement phrases. Each mention records the context flags the
// selector needs (origin in a travel rule, case statistics, junk line, dateline, qualifier).
import { isInside, lookupName, nameLengthsAt, placeByCode, type NameEntry } from './gazetteer'
import { abbreviation, abbreviationChars } from './abbrev'
import { headMenuRanges, isJunkLine, linkListRanges } from '../meta/junk'

export interface Mention {
  start: number
  end: number
  entries: NameEntry[]
  /** From a one-character abbreviation (离郑) rather than a written name. */
  abbrev: boolean
  origin: boolean
  stats: boolean
  junk: boolean
  /** Inside a cited title (《内蒙古自治区…方案》): the basis document's place, not the text's. */
  cited: boolean
}

// A name directly followed by these is a street, school or firm named after the place. A paper's
// masthead (某省日报, 某市晚报) is not among them: a local paper reports its own place's measures.
const NOT_A_PLACE_AFTER = /^(路|[东西南北中](路|大街|街(?!道))|社区|村委|居委|高新区|开发区|经开区|大道|大街|街(?!道)|巷|桥|大学|学院|中学|小学|公园|小区|花园|广场|饭店|酒店|宾馆|银行|集团|公司|商场|机场|火车站|高铁站|码头|卫视|电视台|新闻|网|中医|医药|血液|医科|师范|理工|科技|农业|工业|财经|电力|电网|移动|联通|电信|广电|高速|铁路|航空|证券|保险|烟草|石油|石化|能源|建工|投资|有限|股份|籍|人(?![员民口群流车])|健康宝|一码通|发布厅|公众号|小程序|客户端|APP|app|微博)/
// Origins in travel rules: 来自湖北, 从武汉返回, 有南京旅居史, 上海来(返)长人员.
// 从 and 有 only right before the name (从武汉返回, 有湖北旅居史): 从即日起 and 现有 lead into
// the sentence's own subject.
const ORIGIN_BEFORE = /(来自|途经|途径|经停|旅居|到过|去过|前往|赴|发往|往返于?|(行程|轨迹)涉及|曾在)[^，。；、]{0,3}$|(?<![自打])从$|(?<![所没具拥])有$/
const ORIGIN_AFTER = /^([^，。；！？\n]{0,14}?)(旅居史|旅居|行程|来[（(]?返|^返|返回|返乡|回来|(?<!出)入境|输入|籍|方向|发往|来的|来[^源]|抵达|出发|关联|接触|往来)|^的?(本土)?(新冠肺炎|新冠)?疫情(十分|非常|严重|形势|持续|高发|反弹|升温|扩散|蔓延|变化|发展)|^的?(邮件|包裹|货物|快递|商品|冷链|进口)/
// An outbreak spreading to places (疫情外溢到甲市、乙市, 本轮疫情涉及甲市) names them as its extent, like case
// statistics.
// 新增 and 累计 count cases only with what they count (新增3例, 累计报告): 新增采样点 and 累计接种 are
// the place's own measures.
const STATS = /(外溢|波及|疫情[^，。；]{0,4}(涉及|蔓延|扩散)|确诊|病例|无症状|感染者|阳性|新增(本土)?[0-9一二三四五六七八九十百千两]+例|累计(报告|发现|治愈|出院)|治愈|出院|死亡|例[，,。）)]|[0-9一二三四五六七八九十百千两]宗|[0-9]例(?!如))/
// Test results and counts are statistics even though they name testing (检测报告阳性结果,
// 已采样N份); a positive result that a rule then acts on (检测阳性的人员) is not.
const TEST_RESULT = /(检测|筛查|复核|复检)(报告|结果)?(呈|为|报告)?阳性(结果)?(?![的者人病])|已?(采样|检测)[^，。；\n]{0,6}份|结果均为阴性/
// Words between a place and a travel cue that make the place the sentence's subject acting on
// travellers (甲市将对入境人员…, 乙市指挥部通告：来乙人员…), not where the travellers come from.
const SUBJECT_GAP = /[对将：:]|决定|要求|规定|通告|公告|通知|发布|提醒|指挥部|政府|委|局|办|中心|全[市省区县域]|所有|实行|开展|落实|严格/

/** 记者从甲市卫健委获悉 names where news comes from, not where travellers do. */
function originBefore(before: string, after: string): boolean {
  if (!ORIGIN_BEFORE.test(before)) return false
  return !(/从$/.test(before) && /^[^，。；\n]{0,24}(了解到|获悉|得知|获知)/.test(after))
}

function originAfter(after: string): boolean {
  const m = ORIGIN_AFTER.exec(after)
  return m !== null && !(m[1] && SUBJECT_GAP.test(m[1]))
}

// A travel-history cue that introduces a list with a colon (有以下地区旅居史：甲市、乙市；丙市 /
// 涉疫地区包括：…): every place after it in the sentence is an origin, whatever separates them.
// (中高风险地区： is left out: a city's own notice lists its own risk areas the same way.)
const ORIGIN_LIST_CUE = /(旅居史|旅居|涉疫地区|行程轨迹|来自|途经|到过|去过)[^。\n]{0,10}[:：]/

function originListed(s: string, start: number): boolean {
  const from = Math.max(s.lastIndexOf('。', start - 1), s.lastIndexOf('\n', start - 1), start - 200) + 1
  return ORIGIN_LIST_CUE.test(s.slice(from, start))
}

/**
 * A place the text's people leave, travel to or live near is not where its measures apply:
 * 离甲市人员 (people leaving it), 去乙市 / 到乙市出差 (a destination), 距离丙市较近 (a neighbour).
 * 不离开甲市 stays the place's own movement rule.
 */
function elsewhere(before: string, after: string): boolean {
  if (/(?<![不未勿])离开?$/.test(before) && /^[^，。；\n]{0,2}?(的)?(人员|旅客|人士|者)/.test(after)) return true
  if (/(?<![过失回出进])去$/.test(before)) return true
  if (/[到往至]$/.test(before) && /^(外出|出差|旅游|旅行|务工|打工|求学|游玩|探亲|工作|学习)/.test(after)) return true
  // 甲区与乙区交界处 names the border area itself, where both apply the measure.
  return /(距离?|毗邻|邻近|靠近|接壤)$/.test(before) || /^(接壤|毗邻|相邻|交界)(?!处|地带|区域|一带|地区)/.test(after)
}

// An outbreak named after a place (甲市聚集性疫情, 乙地发生的本土疫情, 丙市疫情反扑, Taiwan's 群聚感染) gives its
// extent, and a place directly followed by a case count (丁市3例) is a statistic: neither is the
// place whose measures are stated.
const OUTBREAK_AFTER = /^[0-9一二三四五六七八九十百千]+例|^[^，。；！？\n]{0,14}?(聚集性疫情|群聚感染|聚集性感染|(发生|出现|暴发|爆发)的?[^，。；\n]{0,8}(疫情|群聚))|^的?(本轮|此轮|新一轮)?疫情(反扑|外溢|输入)/
// A name inside an airport's name (甲市乙镇国际机场, 甲乙机场) names the facility, not a region, and
// one opening a volunteer team's or an association's name (甲市红色志愿服务队, 乙县商会) names the group.
const FACILITY_AFTER = /^[^，。、；\s]{0,3}(国际机场|机场)|^[^，。、；\s]{0,6}(志愿服务队|志愿者?服务总?队|志愿者协会|服务队|协会|商会|联合会|基金会|俱乐部)/
// Who reported a figure or a notice (据甲省卫健委消息, 综合乙市卫健委网站): the source, not where
// measures apply.
const SOURCE_BEFORE = /(?:据|综合|来自)$/
const SOURCE_AFTER = /^[^，。\n]{0,10}(消息|报道|网站|官网|微信|公众号|微博)/
const DATELINE_AFTER = /^[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日(电|讯)/
// Fixed phrases carrying a one-character abbreviation of the destination.
const ABBR_CHARS = abbreviationChars()
const RE_ABBR = new RegExp(
  `(?:来|返|回|抵|离|出|入|进|驻|赴|在)(?:[（(]返[）)]|返|或返|、返)?([${ABBR_CHARS}])(?=人员|人士|旅客|车辆|的|时|后|前|返|来|[，,。；、）)”"\\s]|$|者|需|须|应|要|请|并|务必|期间|通道|报备|申报|[（(])`,
  'g'
)

const CLAUSE_STOP = new Set([...'，,。；;！？\n'])

function clauseAround(s: string, at: number, end: number): string {
  let a = at
  while (a > 0 && at - a < 200 && !CLAUSE_STOP.has(s[a - 1])) a--
  let b = end
  while (b < s.length && b - end < 200 && !CLAUSE_STOP.has(s[b])) b++
  return s.slice(a, b)
}

function lineAround(s: string, at: number): string {
  const a = s.lastIndexOf('\n', at - 1) + 1
  let b = s.indexOf('\n', at)
  if (b < 0) b = s.length
  return s.slice(a, b).trim()
}

// Contact lists (芙蓉区:0731-…) name every district without stating anything about it.
const PHONE = /[0-9]{3,4}[-－—][0-9]{7,8}|(?<![0-9])1[3-9][0-9]{9}(?![0-9])|咨询电话|联系电话|热线/
// A line holds many mentions: its junk verdict is computed once per document, keyed by the
// line's start offset.
type LineCache = Map<number, boolean>
function junkLine(s: string, at: number, line: string, cache: LineCache, links: [number, number][]): boolean {
  const key = s.lastIndexOf('\n', at - 1) + 1
  let v = cache.get(key)
  if (v === undefined) {
    v = isJunkLine(line) || PHONE.test(line) || links.some(([a, b]) => a <= at && at < b)
    cache.set(key, v)
  }
  return v
}

// What a quoted name is when it is not a place: an app, an account or a platform (“健康甲市”小程序,
// “乙市发布”微博).
const PRODUCT_AFTER = /^[^，。；\n]{0,2}(小程序|公众号|微信号|微博|客户端|APP|app|平台|系统|账号|帐号|网站|官网)/

/** True when [start, end) lies inside short quotes that name an app, account or platform. */
function inProductName(s: string, start: number, end: number): boolean {
  const open = Math.max(s.lastIndexOf('“', start), s.lastIndexOf('「', start), s.lastIndexOf('"', start - 1))
  if (open < 0 || start - open > 10) return false
  const rest = s.slice(end, end + 12)
  const close = rest.search(/[”」"]/)
  if (close < 0 || /[，。\n]/.test(s.slice(open, end + close))) return false
  return PRODUCT_AFTER.test(rest.slice(close + 1))
}

/** True when [start, …) lies inside a 《…》 title on its line. */
function inCitedTitle(s: string, start: number): boolean {
  const open = s.lastIndexOf('《', start)
  if (open < 0 || start - open > 60 || /[》\n]/.test(s.slice(open, start))) return false
  const close = s.indexOf('》', start)
  return close >= 0 && !s.slice(start, close).includes('\n')
}

function flags(s: string, start: number, end: number, name: string, short: boolean, cache: LineCache, links: [number, number][]): Pick<Mention, 'origin' | 'stats' | 'junk' | 'cited'> {
  const before = s.slice(Math.max(0, start - 8), start)
  const after = s.slice(end, end + 20)
  const clause = clauseAround(s, start, end)
  const line = lineAround(s, start)
  const origin = originBefore(before, after) || originAfter(after) || elsewhere(before, after) || originListed(s, start)
  const stats = (STATS.test(clause) && !/(封控|管控|核酸|隔离|检测|管理|防范区|风险区)/.test(clause)) || TEST_RESULT.test(clause) || OUTBREAK_AFTER.test(after)
  // A bare name on its own line is a navigation crumb (河南), unless it is a numbered heading.
  const bare = short && line.replace(/[\s　]/g, '') === name
  // A source credit naming a body (来源：某某街道办事处) is navigation for titles, but it places the text.
  const credit = /来源[:：]/.test(line) && line.length <= 60 && !/https?:|www\./i.test(line)
  const junk =
    (junkLine(s, start, line, cache, links) && !credit) || bare || DATELINE_AFTER.test(after) || /(网|社|报|台)$/.test(s.slice(Math.max(0, start - 1), start)) || SOURCE_BEFORE.test(before) && SOURCE_AFTER.test(after)
  return { origin, stats, junk: junk || inProductName(s, start, end), cited: inCitedTitle(s, start) }
}

export function findMentions(s: string, docNumber: string | null): Mention[] {
  const out: Mention[] = []
  const cache: LineCache = new Map()
  const links = [...linkListRanges(s), ...headMenuRanges(s)]
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i)
    const lens = c < 0x4e00 || c > 0x9fff ? [] : nameLengthsAt(s, i)
    if (lens.length === 0) {
      i++
      continue
    }
    const { hit, len } = longestAt(s, i, lens)
    if (!hit) {
      i++
      continue
    }
    // A weak name that ends inside a firm name starting within it yields to that name: 决定南岗区
    // is 南岗区 (not 定南), 和龙岗社区 is no 和龙, 今天全员 is no 天全.
    if (hit.every((e) => e.weak) && overlapsFirmName(s, i, len)) {
      i++
      continue
    }
    const name = s.substr(i, len)
    // 平房区域 is "bungalow area", not 平房区: a name ending in 区 read on into 区域 is the word.
    // Listed among kinds of housing (平房区、城中村 / 老旧小区和平房区) it is the word too.
    if (name.endsWith('区') && (s[i + len] === '域' || HOUSING_BEFORE.test(s.slice(Math.max(0, i - 6), i)) || HOUSING_AFTER.test(s.slice(i + len, i + len + 7)))) {
      i += len
      continue
    }
    // A town or street right after a county, district or zone name (昌邑区两家子乡, 高新区关东街道) is
    // folded into it; a name read into 乡镇 is the everyday word (最新乡镇, 苏木乡镇).
    if (hit.every((e) => e.town) && (/[区县市旗]$/.test(s.slice(Math.max(0, i - 1), i)) || name.endsWith('乡镇') || (name.endsWith('乡') && s[i + len] === '镇'))) {
      i += len
      continue
    }
    const short = hit.every((e) => e.short || e.weak)
    // A weak name before a section mark (紫郡长安北区, 阳光西区) names a housing estate's part.
    const section = hit.every((e) => e.weak) && /^[东西南北中]区/.test(s.slice(i + len, i + len + 2))
    if (!section && !(short && NOT_A_PLACE_AFTER.test(s.slice(i + len, i + len + 4))) && !FACILITY_AFTER.test(s.slice(i + len, i + len + 14))) {
      out.push({ start: i, end: i + len, entries: hit, abbrev: false, ...flags(s, i, i + len, name, short, cache, links) })
    }
    i += len
  }
  RE_ABBR.lastIndex = 0
  for (let m = RE_ABBR.exec(s); m; m = RE_ABBR.exec(s)) {
    const at = m.index + m[0].length - 1
    // Inside a written name already found (e.g. 来宾市) the character is not an abbreviation.
    if (out.some((x) => !x.abbrev && x.start <= at && at < x.end)) continue
    const entries = abbrevEntries(m[1])
    // Leaving a place to go home (离京返乡) names where a traveller comes from.
    const origin = m[0].startsWith('离') && s[at + 1] === '返'
    if (entries.length) out.push({ start: at, end: at + 1, entries, abbrev: true, origin, stats: false, junk: false, cited: false })
  }
  // The document number's issuing-office prefix (株疫防指告, 昆应疫指通) names the issuer's place.
  if (docNumber) {
    const entries = abbrevEntries(docNumber[0])
    if (entries.length) out.push({ start: -1, end: -1, entries, abbrev: true, origin: false, stats: false, junk: false, cited: false })
  }
  out.sort((a, b) => a.start - b.start)
  spreadOverLists(s, out)
  return out
}

const HOUSING = '(?:城中村|老旧小区|棚户区|自建房|出租屋|城乡结合部|背街小巷)'
const HOUSING_BEFORE = new RegExp(`${HOUSING}[、和及与]$`)
const HOUSING_AFTER = new RegExp(`^[、和及与]${HOUSING}`)

function longestAt(s: string, i: number, lens: readonly number[]): { hit: NameEntry[] | undefined; len: number } {
  // Longest match first, trying only lengths some name with this prefix has.
  for (const L of lens) {
    if (L > s.length - i) continue
    const e = lookupName(s.substr(i, L))
    if (e) return { hit: e, len: L }
  }
  return { hit: undefined, len: 0 }
}

/** True when a name with a firm (not weak) reading starts inside [i, i + len) and runs past it. */
function overlapsFirmName(s: string, i: number, len: number): boolean {
  for (let j = i + 1; j < i + len; j++) {
    const { hit, len: l } = longestAt(s, j, nameLengthsAt(s, j))
    if (hit && j + l > i + len && hit.some((e) => !e.weak)) return true
  }
  return false
}

// Items of one enumeration: names separated only by 、 (or 和/及/与/或, or a comma between two
// names) with at most a short qualifier between (湖北、武汉, 北京市朝阳区、海淀区), or full names
// run together without any separator (甲市乙市丙市) where neither locates the other.
const LIST_GAP = /^(?:[、和及与或，,]|以及)$/

function listed(s: string, a: Mention, b: Mention): boolean {
  const gap = s.slice(a.end, b.start)
  if (LIST_GAP.test(gap)) return true
  if (gap !== '') return false
  // A qualifier chain (湖北省武汉市青山区) is one item of the list it stands in.
  if (a.entries.some((x) => b.entries.some((y) => isInside(y.place, x.place)))) return true
  const full = (m: Mention): boolean => m.entries.every((e) => !e.short && !e.weak && !e.town)
  return full(a) && full(b)
}

/**
 * An origin or case-statistics context stated once for an enumerated list (来自北京、天津、河北的人员;
 * 北京、天津、河北旅居史) applies to every item, not only the one next to the cue.
 */
function spreadOverLists(s: string, ms: Mention[]): void {
  const named = ms.filter((m) => m.start >= 0 && !m.abbrev)
  // A qualifier's context after it is its sub-division's name (张家口市怀来县 is not "来" after
  // 张家口市): its origin flag is its own before-context or that of the name it qualifies.
  for (let i = named.length - 2; i >= 0; i--) {
    const [q, d] = [named[i], named[i + 1]]
    if (q.end === d.start && q.entries.some((x) => d.entries.some((y) => isInside(y.place, x.place)))) {
      q.origin = originBefore(s.slice(Math.max(0, q.start - 8), q.start), s.slice(q.end, q.end + 30)) || d.origin
    }
  }
  let a = 0
  while (a < named.length) {
    let b = a
    while (b + 1 < named.length && listed(s, named[b], named[b + 1])) b++
    if (b > a) {
      const group = named.slice(a, b + 1)
      if (group.some((m) => m.origin)) for (const m of group) m.origin = true
      if (group.some((m) => m.stats)) for (const m of group) m.stats = true
    }
    a = b + 1
  }
}

function abbrevEntries(ch: string): NameEntry[] {
  const a = abbreviation(ch)
  if (!a) return []
  const out: NameEntry[] = []
  for (const code of a.codes) {
    const e = codeEntry(code)
    if (e) out.push({ place: e.place, weak: a.needsContext, short: true })
  }
  return out
}

// Resolves a code to its gazetteer entry.
function codeEntry(code: string): NameEntry | undefined {
  const p = placeByCode(code)
  return p ? { place: p, weak: false, short: true } : undefined
}
