// One category per statement. Several category tables can match one clause (居家隔离人员上门采样
// names quarantine and testing), but a statement orders one thing: its main verb and object. Of
// candidates whose evidence spans overlap, the one whose words stand last is kept (Chinese puts
// the object after the verb and after the groups, conditions and times that lead up to it), except
// that words qualifying a group (隔离人员), a time (解封前, 隔离期间) or a title (《…》) never win.
import type { Measure } from '../../../common/record'

export interface Candidate {
  measure: Measure
  key: string
  /** Where the rule matched inside the clause: the first item of a list comes first. */
  at: number
  /** Where the rule's own match ends inside the clause. */
  matchEnd: number
  /** Where the rule's object ends inside the clause (its own match, or its `requires` match). */
  objectEnd: number
  /** A generic word (登记, 管控, 宣传) that loses to any specific one in the same span. */
  weak: boolean
  /** Enforcement (依法追究, 罚款): the penalty is what the statement orders. */
  enforcement: boolean
}

// Words right after a match that make it a modifier: a group of people (隔离人员, 密接者), a time
// (隔离期间, 解封后, 封控前), a condition (核酸检测时) or a place kind (风险地区所在).
const MODIFIER_AFTER = /^[^，。、；]{0,3}?(?:的)?(?:人员|人士|者|人群|居民|市民|群众|家属|患者|病例|旅客|期间|前|后|时|以来|所在|来[^，。]{0,4}人员)/

// A notice title quoted without brackets (…指挥部关于开展全员核酸检测的通告): 关于 up to the kind of
// document. A long reach is allowed: titles name their measure in full.
const BARE_TITLE = /关于[^，。；《》]{2,40}的(?:通告|通知|公告|决定|通报)/g

/** True when offset `a` of `cs` lies inside a 《…》 title or a bare 关于…的通告 title. */
function inTitle(cs: string, a: number): boolean {
  const open = cs.lastIndexOf('《', a)
  if (open >= 0 && cs.indexOf('》', open) >= a) return true
  for (const m of cs.matchAll(BARE_TITLE)) if (m.index <= a && a < m.index + m[0].length) return true
  return false
}

/**
 * True when offset `at` of the clause lies in the exempted items of 除…外 (除医护人员、保供人员外):
 * what a rule does not cover is no measure.
 */
export function inExemption(cs: string, at: number): boolean {
  const open = cs.lastIndexOf('除', at)
  if (open < 0) return false
  const close = cs.indexOf('外', at)
  return close >= 0 && !/[，。；]/.test(cs.slice(open, close))
}

/** Generic words alone (执行现行管控措施, 街道登记) name no measure: they only complete one. */
export function dropLoneWeak(list: Candidate[]): Candidate[] {
  return list.filter((c) => !c.weak || c.measure.category === 'other')
}

/** A match inside a quoted law or notice title states no measure of its own. */
export function dropTitles(cs: string, list: Candidate[]): Candidate[] {
  if (!cs.includes('《') && !cs.includes('关于')) return list
  return list.filter((c) => !inTitle(cs, c.at))
}

// A risk zone as the subject of the clause (中风险区实行“人不出区、错峰取物”, 高风险区域仍实行居家隔离):
// the stay, movement and supply regime that follows is the zone's own measure.
const ZONE_SUBJECT = /^[^，。]{0,12}(封控区|管控区|防范区|高风险|中风险|低风险)(地区|区域|区)?[^，。]{0,4}(实行|采取|实施|继续|仍|一律)/
const ZONE_REGIME = new Set(['supplies', 'quarantine', 'gatherings', 'transport'])

function zoneWins(cs: string, a: Candidate, b: Candidate): boolean {
  return a.measure.category === 'lockdown_zones' && ZONE_REGIME.has(b.measure.category) && ZONE_SUBJECT.test(cs)
}

function weight(cs: string, c: Candidate): number {
  const modifier = MODIFIER_AFTER.test(cs.slice(c.objectEnd, c.objectEnd + 10))
  // A staged quarantine regime (7+7) names its monitoring part too: the regime is the measure.
  const staged = c.measure.category === 'quarantine' && c.measure.params.formula !== undefined
  return c.objectEnd - (modifier ? 1000 : 0) - (c.weak ? 500 : 0) + (c.enforcement ? 500 : 0) + (staged ? 2000 : 0)
}

// Two items side by side or joined by a conjunction (测温扫码, 测温以及场所通风) are two measures,
// also when the second item opens with its count (7天健康监测和2次核酸检测).
const COORDINATED = /^([”」』"]?(?:以及|及|和|与|并|并且|、)?)([0-9一二两三四五六七八九十]+[次天轮剂日])?[“「『"]?$/

/**
 * For two overlapping candidates whose words are coordinated, the offset (inside the clause) where
 * the second item starts; -1 when they are one statement.
 */
function coordinatedSplit(cs: string, a: Candidate, b: Candidate): number {
  const [x, y] = a.at <= b.at ? [a, b] : [b, a]
  // A penalty governs the whole statement (违者将被采取强制隔离): it is never one item of a list.
  if (x.matchEnd > y.at || x.enforcement || y.enforcement) return -1
  const gap = cs.slice(x.matchEnd, y.at)
  // A generic word right after another (测温登记, 扫码登记) completes it; a conjunction separates.
  if (!gap && (x.weak || y.weak)) return -1
  const m = COORDINATED.exec(gap)
  if (!m || (m[2] && !m[1])) return -1
  // A count opening the second item belongs to it.
  return m[2] ? x.matchEnd + m[1].length : y.at
}

/**
 * Keeps one candidate of every group of candidates with overlapping spans; coordinated items keep
 * both, each with its part of the span. `base` is the clause's offset in the text, `slice` cuts
 * the original text for a narrowed span.
 */
export function oneCategoryPerSpan(cs: string, list: Candidate[], base: number, slice: (a: number, b: number) => string): Candidate[] {
  if (list.length < 2) return list
  const out: Candidate[] = []
  for (const c of list) {
    const clash = out.findIndex((o) => o.measure.start < c.measure.end && c.measure.start < o.measure.end)
    if (clash < 0) {
      out.push(c)
      continue
    }
    const o = out[clash]
    const cut = coordinatedSplit(cs, o, c)
    if (cut >= 0) {
      const at = base + cut
      const narrow = (k: Candidate, s: number, e: number): Candidate => ({ ...k, measure: { ...k.measure, start: s, end: e, text: slice(s, e) } })
      const [x, y] = o.at <= c.at ? [o, c] : [c, o]
      out[clash] = narrow(x, x.measure.start, at)
      out.push(narrow(y, at, y.measure.end))
    } else if (zoneWins(cs, c, o) || (!zoneWins(cs, o, c) && weight(cs, c) > weight(cs, o))) out[clash] = c
  }
  return out
}

// A piece of a list that only names a place or a group (在人员聚集场所、密闭空间内要佩戴口罩; 保供人员、
// 外卖配送员等人员持通行证通行): where or to whom the rule of a later piece applies, not a measure
// of its own. A piece with a verb of its own (关闭娱乐场所、暂停堂食) is an item of the list.
const PLACE_PIECE = /^[（(]?[0-9一二三四五六七八九十]{0,2}[)）.、．]?(?:在|对|到|进入)?[^，。、；]{0,20}(?:场所|空间|区域|场馆|地方|地点|商超|市场|车站|机场|码头|交通工具|电梯|人员|配送员|者|人群)(?:内|中|里|等)?$/
const PIECE_VERB = /关闭|暂停|停止|停业|开放|实行|实施|落实|开展|设立|设置|禁止|严禁|限制|不得|须|应|要|封闭|管控|消毒|检测|佩戴|隔离|进行|接种|报备|登记/

/** Drops candidates whose piece only names a place or group when a later piece of the clause has one. */
export function dropPlacePieces(list: Candidate[], spanOf: (c: Candidate) => string): Candidate[] {
  if (list.length < 2) return list
  const bare = (c: Candidate): boolean => {
    const piece = spanOf(c)
    return PLACE_PIECE.test(piece) && !PIECE_VERB.test(piece)
  }
  return list.filter((a) => !(bare(a) && list.some((b) => b !== a && b.measure.start >= a.measure.end)))
}
