// Parameters stated in an evidence span (TAXONOMY.md keys). Numbers stay tied to their unit; Chinese
// numerals are converted; ranges (1~2次) give nothing.
import type { MeasureParams } from '../../../common/record'
import { parseNumber } from '../text'

const N = '([0-9]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)'
const RANGE_AFTER = '(?![0-9]*\\s*[~～至到-]\\s*[0-9一二三四五六七八九十])'
// Every pattern is compiled once, with the global flag so all occurrences can be compared.
const re = (s: string): RegExp => new RegExp(s, 'g')

// 三天两检, 每3天1次, 每3天进行一次, 3天内完成2次: times per period. The gap between period and
// count holds words (进行, 至少完成) but no number or range mark.
const GAP = '(?:(?![至到][0-9一二三四五六七八九十])[^，。0-9~～-])'
const RE_FREQ = re(`${N}天${N}检|每${N}天${GAP}{0,8}?${N}${RANGE_AFTER}\\s*[次检]|${N}天内${GAP}{0,6}?${N}${RANGE_AFTER}\\s*次`)
const RE_DAILY = /[每一]日一检|每天一检|一天一检|每日[^，。]{0,4}一次/
const RE_TWICE = /早晚各一次|早、?晚[^，。]{0,6}各?一次/
const RE_DAILY_N = re(`(?:每天|每日|1天|一天)[^，。]{0,8}?(?<![0-9~～至到-])${N}${RANGE_AFTER}\\s*次`)
const RE_PER = re(`每\\s*${N}\\s*天[^，。]{0,4}?${N}\\s*人`)
// 日 is a duration only in 近7日 / 连续5日 / 7日内; 22日 alone is a day of the month.
const RE_DAYS = re(`(?<![0-9.第])${N}\\s*天(?!${N}检)|(?:近|连续|满|最近|未来|前)${N}\\s*日|(?<![0-9.月])${N}\\s*日(?:内|以内|以来)`)
const RE_DAY_INDEX = /第[0-9一二三四五六七八九十]+(?:[、，,和及与]第?[0-9一二三四五六七八九十]+)*\s*天/g
const PEOPLE_LIMIT = /人(以上|以内|以下|及以上|及以下|规模)|(限|不超过|不得超过|控制在|最多|至多|仅|只)[^，。]{0,6}[0-9一二两三四五六七八九十]+\s*人|每[^，。]{0,8}[0-9一二两三四五六七八九十]+\s*人/
const RE_HOURS = re(`${N}\\s*(?:小时|小時|h)`)
const RE_PEOPLE = re(`${N}\\s*人(?:以上|以内|以下|及以上|及以下|规模|的)?`)
// TAXONOMY.md: 第三轮全员核酸 → rounds 3 (the ordinal is the round reached), as is 三轮全员核酸.
// 新一轮 numbers nothing.
const RE_ROUNDS_N = re(`(?<!新)${N}\\s*轮`)
const RE_METERS = re(`${N}\\s*(?:米|公尺|m)(?![0-9²])`)
const RE_PERCENT = /([0-9]+(?:\.[0-9]+)?)\s*[%％]|百分之([零一二三四五六七八九十百]+)/
const RE_MIN_AGE = re(`${N}\\s*(?:岁|周岁)(?:及|或)?以上`)
const RE_MAX_AGE = re(`${N}\\s*(?:岁|周岁)(?:及|或)?以下`)
const RE_AGE_RANGE = re(`${N}\\s*(?:[至到~～-])\\s*${N}\\s*(?:岁|周岁)`)
const RE_MONTHS = re(`${N}\\s*个月`)
const RE_FORMULA = /(?<![0-9])([0-9]{1,2}(?:\s*\+\s*[0-9]{1,2}){1,3})(?![0-9])/
// 7天居家检疫加7天自主健康管理 is staged too.
const RE_STAGED = re(`${N}天[^，。+＋加]{1,12}(?:[+＋]|加)\\s*${N}天`)
// 居家检疫3天加自主防疫4天: each stage names its kind before its days.
const RE_STAGED_AFTER = re(`${N}天\\s*(?:[+＋]|加)\\s*[^，。0-9+＋加]{1,10}?${N}天`)
// Ordinals (第一剂) and minimums (最少一剂) are not counts of tests or doses.
const RE_TIMES = re(`(?<![第少多0-9~～至到-])${N}${RANGE_AFTER}\\s*(?:次|剂|针)`)

/** First match of a (global) pattern, from the start of the string. */
function first(r: RegExp, s: string): RegExpExecArray | null {
  r.lastIndex = 0
  return r.exec(s)
}

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined
  const v = parseNumber(s)
  return Number.isFinite(v) ? v : undefined
}

function isRange(s: string, m: RegExpMatchArray): boolean {
  const at = m.index ?? 0
  const after = s.slice(at + m[0].length - 1, at + m[0].length + 3)
  const before = s.slice(Math.max(0, at - 2), at)
  return /[~～至到-]\s*$/.test(before) || /^[^0-9]?[~～至到]/.test(after.slice(1))
}

/**
 * `anchor` is where the rule matched inside the span: when a unit occurs twice (7日内有旅居史的人员
 * 实施3天健康监测) the number nearest the measure's words is the measure's own.
 */
// Every parameter needs a number (Arabic, full-width or Chinese digits, 百分之): a span without
// one is answered without running the patterns.
const ANY_NUMBER = /[0-9０-９零〇一二两三四五六七八九十百千]/

export function extractParams(span: string, category: string, anchor = 0): MeasureParams {
  const p: MeasureParams = {}
  if (!ANY_NUMBER.test(span)) return p
  let s = span
  const f = first(RE_FORMULA, s)
  const staged = first(RE_STAGED, s) ?? first(RE_STAGED_AFTER, s)
  if (f && /(隔离|监测|管理|健康)/.test(s)) {
    p.formula = f[1].replace(/\s+/g, '')
    s = s.replace(f[0], ' ')
  } else if (staged) {
    // “7天隔离医学观察+7天居家健康监测” is the staged regime 7+7.
    p.formula = `${num(staged[1])}+${num(staged[2])}`
    s = s.replace(staged[0], ' ')
  }
  // Day indexes (第1、4、7天, 第2天和第7天) say when, not how long: they are no duration, and for a
  // test or check each listed day is one more time.
  let indexed = 0
  s = s.replace(RE_DAY_INDEX, (m) => {
    indexed += m.split(/[、，,和及与]/).length
    return ' '
  })
  if (indexed >= 2 && ['testing', 'health_monitoring'].includes(category)) p.times = indexed
  const freq = first(RE_FREQ, s)
  if (freq) {
    const a = freq[1] ?? freq[3] ?? freq[5]
    const b = freq[2] ?? freq[4] ?? freq[6]
    p.per_days = num(a)
    p.times = num(b)
    s = s.replace(freq[0], ' ')
  } else if (RE_DAILY.test(s)) {
    p.times = 1
    p.per_days = 1
  } else if (RE_TWICE.test(s)) {
    p.times = 2
    p.per_days = 1
  } else {
    const dn = first(RE_DAILY_N, s)
    if (dn && !isRange(s, dn)) {
      p.times = num(dn[1])
      p.per_days = 1
      s = s.replace(dn[0], ' ')
    }
  }
  const per = first(RE_PER, s)
  if (per) {
    p.per_days = num(per[1])
    p.people = num(per[2])
    s = s.replace(per[0], ' ')
  }
  const ageRange = first(RE_AGE_RANGE, s)
  if (ageRange) {
    p.min_age = num(ageRange[1])
    p.max_age = num(ageRange[2])
    s = s.replace(ageRange[0], ' ')
  }
  const minAge = first(RE_MIN_AGE, s)
  if (minAge) p.min_age = num(minAge[1])
  const maxAge = first(RE_MAX_AGE, s)
  if (maxAge) p.max_age = num(maxAge[1])
  const take = (r: RegExp, key: 'days' | 'hours' | 'people' | 'rounds' | 'meters' | 'months' | 'times'): void => {
    if (p[key] !== undefined) return
    const g = r
    g.lastIndex = 0
    let m: RegExpExecArray | null = null
    for (let x = g.exec(s); x; x = g.exec(s)) {
      if (isRange(s, x)) continue
      const d = (y: RegExpExecArray): number => Math.min(Math.abs(y.index - anchor), Math.abs(y.index + y[0].length - anchor))
      if (!m || d(x) < d(m)) m = x
    }
    if (!m) return
    // Alternations put the number in different groups: take the first one that matched.
    const v = num(m.slice(1).find((g) => g !== undefined))
    if (v !== undefined && v > 0) p[key] = v
  }
  take(RE_MONTHS, 'months')
  take(RE_HOURS, 'hours')
  // Dates (5月1日) are not durations: drop 月X日 before looking for days.
  s = s.replace(/[0-9一二三四五六七八九十]+月[0-9一二三四五六七八九十]+日/g, ' ')
  take(RE_DAYS, 'days')
  if (!/(1人1户|一人一户|1人1室)/.test(s)) take(RE_PEOPLE, 'people')
  // A paired indoor and outdoor limit (室内50人、室外100人) is one rule with one `people` value: the
  // lower of the two, the limit that binds (the level follows it).
  if (p.people !== undefined && /室内/.test(s) && /室外|户外/.test(s)) {
    const counts = [...s.matchAll(RE_PEOPLE)].filter((x) => !isRange(s, x)).map((x) => num(x.slice(1).find((g) => g !== undefined))).filter((v): v is number => v !== undefined && v > 0)
    if (counts.length > 1) p.people = Math.min(...counts)
  }
  if (/(核酸|检测|筛查)/.test(s) || category === 'testing') take(RE_ROUNDS_N, 'rounds')
  take(RE_METERS, 'meters')
  if (['testing', 'vaccination', 'health_monitoring'].includes(category)) take(RE_TIMES, 'times')
  const pc = RE_PERCENT.exec(s)
  if (pc) p.percent = pc[1] ? Number(pc[1]) : num(pc[2])
  for (const k of Object.keys(p) as (keyof MeasureParams)[]) if (p[k] === undefined) delete p[k]
  return p
}

/**
 * The params a measure reports: outside gatherings and venues a head-count is a threshold only when
 * worded as one (10人以上, 限2人, 不超过5人); 26人进行居家隔离 counts who is under a measure. (The
 * count still tells two statements apart, so the caller keys mentions by the params before this.)
 */
export function reportedParams(p: MeasureParams, span: string, category: string): MeasureParams {
  if (p.people === undefined || ['gatherings', 'venues', 'supplies'].includes(category) || PEOPLE_LIMIT.test(span)) return p
  const { people: _tally, ...rest } = p
  return rest
}
