// Chooses the regions whose measures a document states. Mentions are resolved against each other
// (a short or ambiguous name takes the candidate whose parent or child is named elsewhere), then a
// place is kept when at least one of its mentions is not an origin in a travel rule, a case
// statistic, a junk line, or a qualifier directly followed by one of its own sub-divisions
// (广州市花都区 states 花都区's measures, not all of Guangzhou's).
import type { RegionRef } from '../../../common/record'
import { ancestorsOf, isCommonWord, isInside, toRef, type NameEntry, type Place } from './gazetteer'
import { findMentions, type Mention } from './mentions'
import { inferRegions } from './infer'

function supportScore(p: Place, strong: Anchor[], self: Mention, weak: boolean, town = false, region = false): number {
  // A text that calls its own jurisdiction 自治区 without naming it (自治区指挥部, 返宁人员) supports
  // the autonomous-region reading of an ambiguous abbreviation.
  let s = region && p.level === 'province' && p.name.endsWith('自治区') ? 2 : 0
  const anc = ancestorsOf(p.code)
  for (const { place: q, mention } of strong) {
    // A town stands for its county: the county named elsewhere is the best support it can have.
    if (town && q.id === p.id && mention !== self) {
      s += 4
      continue
    }
    // A mention cannot vouch for itself (长沙 → 长沙市 must not make 长沙 mean 长沙县), nor can a
    // rival reading of it (南昌市 named elsewhere supports 南昌 = 南昌市, not 南昌县).
    if (q.id === p.id || mention === self || mention.entries === self.entries) continue
    if (self.entries.some((e) => e.place.id === q.id)) continue
    const ai = anc.findIndex((a) => a.id === q.id)
    // A weak name (桂平) needs its own prefecture named, not just the province.
    if (ai >= 0) s += weak && ai > 0 ? 0 : 3
    else if (isInside(q, p)) s += 2
    else if (!weak && q.parent && q.parent === p.parent) s += 1
  }
  return s
}

interface Anchor {
  place: Place
  mention: Mention
}

function resolve(m: Mention, strong: Anchor[], region: boolean, repeated: boolean, simplified: string, qualifier?: Mention): Place | null {
  let best: NameEntry | null = null
  let bestScore = -1
  // An everyday word after a province (河南中原大地, 湖北公安厅) is not a place chain.
  if (qualifier && isCommonWord(simplified.slice(m.start, m.end))) qualifier = undefined
  for (const e of m.entries) {
    let sc = supportScore(e.place, strong, m, e.weak, e.town, region && m.abbrev)
    // A name its own province or city directly qualifies (江苏昆山, 吉林舒兰: a headline's place
    // chain) is located, even when the qualifier itself has two readings.
    const anc = qualifier ? ancestorsOf(e.place.code) : []
    if (qualifier?.entries.some((q) => anc.some((a) => a.id === q.place.id))) sc += 3
    // A weak name (番禺, 城区) needs its parent or a child named elsewhere; a sibling is not enough,
    // but a name with one reading that the text keeps repeating (瑞丽 … 瑞丽 … 瑞丽) is its subject.
    if (e.weak && sc < 2 && !(repeated && m.entries.length === 1)) continue
    // Without context a short form means the larger unit (吉林 → 吉林省, 河北 → 河北省).
    sc = sc * 10 + (e.short ? 4 - levelRank(e.place) : 0) + (e.weak ? 0 : 1)
    if (sc > bestScore) {
      best = e
      bestScore = sc
    }
  }
  return best ? best.place : null
}

function levelRank(p: Place): number {
  return p.level === 'province' ? 0 : p.level === 'city' ? 1 : p.level === 'county' ? 2 : 3
}

/** The unit a document is about: the city (or, for municipalities and SARs, province) of its most-mentioned place. */
function focusScope(places: Place[], count: Map<number, number>): Place | null {
  let best: Place | null = null
  let bestN = 0
  let tie = false
  for (const p of places) {
    // Weight a place by its own mentions and those of everything inside it.
    let n = count.get(p.id) ?? 0
    for (const q of places) if (isInside(q, p)) n += count.get(q.id) ?? 0
    if (n > bestN) {
      best = p
      bestN = n
      tie = false
    } else if (n === bestN && best && !isInside(p, best) && !isInside(best, p)) tie = true
  }
  // Two unrelated places equally prominent: no focus, nothing is dropped.
  if (!best || tie) return null
  if (best.level === 'province') return best
  if (best.level === 'city') return best
  const anc = ancestorsOf(best.code)
  return anc[0] ?? best
}

function inScope(p: Place, scope: Place): boolean {
  return p.id === scope.id || isInside(p, scope) || isInside(scope, p)
}

const WHOLE: Partial<Record<Place['level'], RegExp>> = { city: /全市|本市/, province: /全省|本省/ }

/**
 * A parent named once beside its own sub-divisions is kept when the text addresses the whole unit
 * (全市 for a city or a municipality, 全省 for a province) and that 全市 is the parent's own: the
 * parent is named in the title line or earlier in the sentence that says 全市. A district notice
 * that repeats its city's 全市 order elsewhere does not make the city a subject. (Keeping a parent
 * whose name opens an issuing body's name was tried too: it added more wrong provinces than it found.)
 */
function wholeScope(simplified: string, p: Place, starts: number[]): boolean {
  const whole = p.level === 'province' && /市$/.test(p.name) ? WHOLE.city : WHOLE[p.level]
  if (whole === undefined) return false
  const titleEnd = simplified.indexOf('\n') < 0 ? simplified.length : simplified.indexOf('\n')
  if (starts.some((a) => a < titleEnd) && whole.test(simplified)) return true
  const re = new RegExp(whole.source, 'g')
  for (let m = re.exec(simplified); m; m = re.exec(simplified)) {
    const at = m.index
    const from = Math.max(...[...'。！？\n'].map((c) => simplified.lastIndexOf(c, at - 1))) + 1
    if (starts.some((a) => a >= from && a < at)) return true
  }
  return false
}

/**
 * Written names (not abbreviations) that the text uses at least three times outside origins,
 * statistics and junk, or twice with one in the title line.
 */
function repeatedNames(s: string, mentions: Mention[]): Set<string> {
  const n = new Map<string, number>()
  const titleEnd = s.indexOf('\n') < 0 ? s.length : s.indexOf('\n')
  for (const m of mentions) {
    if (m.abbrev || m.start < 0 || m.origin || m.stats || m.junk || m.end - m.start < 2) continue
    const k = s.slice(m.start, m.end)
    n.set(k, (n.get(k) ?? 0) + (m.start < titleEnd ? 2 : 1))
  }
  return new Set([...n].filter(([, c]) => c >= 3).map(([k]) => k))
}

/**
 * Abbreviations the text keeps using in movement phrases (来瑞返瑞 … 离瑞): three uses outside
 * origins make the one place they can mean the text's own, as a repeated bare name does.
 */
function repeatedAbbreviations(s: string, mentions: Mention[]): Set<string> {
  const n = new Map<string, number>()
  for (const m of mentions) {
    if (!m.abbrev || m.start < 0 || m.origin) continue
    const k = s[m.start]
    n.set(k, (n.get(k) ?? 0) + 1)
  }
  return new Set([...n].filter(([, c]) => c >= 3).map(([k]) => k))
}

/**
 * Bare names of one reading each, listed side by side (屯门、元朗), that are divisions of the same
 * parent vouch for each other: a list of sibling districts is the parent's own map.
 */
function listedSiblings(s: string, mentions: Mention[]): Set<Mention> {
  const out = new Set<Mention>()
  const single = (m: Mention): boolean => !m.abbrev && m.start >= 0 && m.entries.length === 1
  for (let i = 0; i + 1 < mentions.length; i++) {
    const [a, b] = [mentions[i], mentions[i + 1]]
    if (!single(a) || !single(b) || !/^[、和及与]$/.test(s.slice(a.end, b.start))) continue
    const [p, q] = [a.entries[0].place, b.entries[0].place]
    if (p.id !== q.id && p.parent !== '' && p.parent === q.parent) {
      out.add(a)
      out.add(b)
    }
  }
  return out
}

/** True when 自治区 occurs outside every place name found (the text's own unnamed jurisdiction). */
function bareAutonomousRegion(s: string, mentions: Mention[]): boolean {
  for (let i = s.indexOf('自治区'); i >= 0; i = s.indexOf('自治区', i + 3)) {
    if (!mentions.some((m) => m.start <= i && i < m.end)) return true
  }
  return false
}

const ISSUING_BODY = /^[^，。\n]{0,12}?(疫情防控指挥部|应对[^，。\n]{0,16}指挥部|人民政府|卫生健康委|卫健委|防控办|领导小组)/

/** A city named as the body that issues the measures (甲市疫情防控指挥部) is kept beside its districts. */
function issuing(simplified: string, p: Place): boolean {
  if (p.level !== 'city') return false
  for (let i = simplified.indexOf(p.name); i >= 0; i = simplified.indexOf(p.name, i + 1)) {
    if (ISSUING_BODY.test(simplified.slice(i + p.name.length, i + p.name.length + 30))) return true
  }
  return false
}

// A name followed by its own bodies or announcements (滑县疫情防控指挥部, 滑县发布, 滑县：, 滑县关于…) is used
// as a jurisdiction, not as a word that happens to contain it (示范县, 健康县域).
const JURISDICTION_AFTER = /^(?:[:：]|新冠|新型冠状|疫情|应对|人民政府|政府|[县市区旗]委|委员会|卫健|卫生健康|防控|指挥部|发布|通告|公告|关于)/
const JURISDICTION_BEFORE = /(?:^|[^\u4e00-\u9fff]|[日天今昨据])$/

function governing(s: string, m: Mention): boolean {
  if (m.start < 0 || m.abbrev) return false
  return JURISDICTION_BEFORE.test(s.slice(Math.max(0, m.start - 1), m.start)) && JURISDICTION_AFTER.test(s.slice(m.end, m.end + 4))
}

// What may stand before a label on its line: indentation, bullets and item numbers.
const LABEL_LEAD = /^[\s\u3000·•●◆■▲★◎○\-*#0-9一二三四五六七八九十、.．（()）【】]*$/

/** True when the mention opens its line and is followed by a colon (上海：…, 【广州市】：…). */
function isLabel(s: string, m: Mention): boolean {
  if (m.start < 0 || m.abbrev) return false
  const lineStart = s.lastIndexOf('\n', m.start - 1) + 1
  return LABEL_LEAD.test(s.slice(lineStart, m.start)) && /^[】\]]?[:：]/.test(s.slice(m.end, m.end + 2))
}

// A place that opens its clause and is directly followed by a measure it takes (乙市暂停堂食,
// 丙市丁区开展全员核酸检测) is a subject of a roundup, like a labelled item, however often it is named.
const OWN_MEASURE_AFTER = /^(?:自今日起|即日起|今起|今日|今天|明日|从即日起)?(?:将|已|也|同步|全面|全域|全市|全区|全县)?(?:暂停|开展|实行|实施|启动|解除|恢复|关闭|划定|调整|升级|降级|全员核酸|封控|静默|停运|停课)/
const CLAUSE_OPEN = /(?:^|[，。；！？\n：:]|另外|此外|同时|其中|而)$/

/** The mention just before `m` that qualifies it (丙市 in 丙市丁区, 江苏 in 江苏昆山), if any. */
function qualifierOf(m: Mention, prev: Mention | undefined): Mention | undefined {
  return prev && !prev.abbrev && prev.end === m.start && m.start >= 0 ? prev : undefined
}

function actsOnItsOwn(s: string, m: Mention, prev: Mention | undefined): boolean {
  if (m.start < 0 || m.abbrev || !OWN_MEASURE_AFTER.test(s.slice(m.end, m.end + 12))) return false
  // After a qualifier (丙市丁区) the clause opens before the qualifier.
  const at = qualifierOf(m, prev)?.start ?? m.start
  return CLAUSE_OPEN.test(s.slice(Math.max(0, at - 2), at))
}

/** A bare name of one reading, not an everyday word, that opens its clause with its own measure (昆山今起暂停堂食). */
function ownSubject(s: string, m: Mention, prev: Mention | undefined): boolean {
  return m.entries.length === 1 && !isCommonWord(s.slice(m.start, m.end)) && actsOnItsOwn(s, m, prev)
}

// Hong Kong's and Macau's districts issue no measures of their own: a measure for a district is
// the SAR government's, so the SAR stands beside its districts.
const SAR = new Set(['810000', '820000'])

function withSarGovernment(kept: Place[]): Place[] {
  const out = [...kept]
  for (const p of kept) {
    const sar = ancestorsOf(p.code).find((a) => SAR.has(a.code))
    if (sar && !out.some((q) => q.id === sar.id)) out.unshift(sar)
  }
  return out
}

// Scraped pages often punctuate with ASCII marks: read as their full-width forms (same length),
// every clause window stops at them.
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', '!': '！', '?': '？' }

export function detectRegions(text: string, docNumber: string | null): RegionRef[] {
  const simplified = text.replace(/[,;!?]/g, (c) => FULL_WIDTH[c])
  const mentions = findMentions(simplified, docNumber)
  // Unambiguous, strong mentions anchor the resolution of the rest.
  const strong: Anchor[] = []
  for (const m of mentions) {
    const firm = m.entries.filter((e) => !e.weak)
    if (firm.length === 1 && !m.junk) strong.push({ place: firm[0].place, mention: m })
  }
  const region = bareAutonomousRegion(simplified, mentions)
  const repeats = repeatedNames(simplified, mentions)
  for (const k of repeatedAbbreviations(simplified, mentions)) repeats.add(k)
  const paired = listedSiblings(simplified, mentions)
  const resolved = mentions.map((m, i) => ({
    m,
    p: resolve(
      m,
      strong,
      region,
      repeats.has(simplified.slice(m.start, m.end)) || paired.has(m) || governing(simplified, m) || ownSubject(simplified, m, mentions[i - 1]),
      simplified,
      qualifierOf(m, mentions[i - 1])
    )
  }))
  const keep = new Map<number, Place>()
  const count = new Map<number, number>()
  const labelled = new Map<number, Place>()
  const order: number[] = []
  const starts = new Map<number, number[]>()
  for (let i = 0; i < resolved.length; i++) {
    const { m, p } = resolved[i]
    if (!p || m.origin || m.stats || m.junk) continue
    if (m.start >= 0) starts.set(p.id, [...(starts.get(p.id) ?? []), m.start])
    if (isLabel(simplified, m) || actsOnItsOwn(simplified, m, resolved[i - 1]?.m)) labelled.set(p.id, p)
    // Qualifier: 南京市江宁区 — the city only locates the district.
    const next = resolved[i + 1]
    if (next && next.p && next.m.start >= m.end && next.m.start - m.end <= 1 && isInside(next.p, p)) continue
    // A province's short name (山东冷链, 山东顺丰) is often an attribute of a firm or product rather
    // than the place whose measures are stated: it counts half.
    const shortProvince = p.level === 'province' && m.entries.every((e) => e.short) && !m.abbrev
    // A place inside a cited title (《内蒙古自治区…方案》) names the basis document's issuer: half too.
    // An abbreviation in a movement phrase (进京, 来京返京) is said twice in one breath and may be
    // a destination (非必要不进京 in a neighbour's notice): half too.
    count.set(p.id, (count.get(p.id) ?? 0) + (shortProvince || m.cited || m.abbrev ? 0.5 : 1))
    if (!keep.has(p.id)) {
      keep.set(p.id, p)
      order.push(p.id)
    }
  }
  const places = order.map((id) => keep.get(id) as Place)
  const scope = focusScope(places, count)
  // A place outside the document's focus that is named only once is a passing mention
  // (北京 in a Hohhot notice, 香港 in a Macau item).
  // A place heading its own item (上海：自…起), and what lies inside it, is a subject of a roundup,
  // never a passing mention.
  const heads = [...labelled.values()]
  // Outside the focus, a place needs three namings (a roundup's subjects are kept as heads above).
  let kept = places.filter((p) => !scope || inScope(p, scope) || (count.get(p.id) ?? 0) >= 3 || heads.some((h) => h.id === p.id || isInside(p, h)))
  // A parent named once beside its own sub-divisions only locates them (广东省 in a report on
  // Guangzhou's districts); named repeatedly, its own measures are stated too.
  kept = kept.filter((p) => (count.get(p.id) ?? 0) >= 2 || !kept.some((q) => isInside(q, p)) || wholeScope(simplified, p, starts.get(p.id) ?? []) || issuing(simplified, p))
  if (kept.length) return withSarGovernment(kept).map(toRef)
  // No place named: the jurisdiction whose own vocabulary the text uses (粤康码, 卫福部, 安心出行),
  // and the short names of its own divisions, which now have their parent (屯门 in a Hong Kong text).
  const inferred = inferRegions(simplified)
  if (inferred.length !== 1) return inferred
  const inside: RegionRef[] = []
  for (const m of mentions) {
    if (m.origin || m.stats || m.junk || m.abbrev) continue
    const e = m.entries.find((x) => ancestorsOf(x.place.code).some((a) => a.code === inferred[0].code))
    if (e && !inside.some((r) => r.code === e.place.code)) inside.push(toRef(e.place))
  }
  return [...inferred, ...inside]
}
