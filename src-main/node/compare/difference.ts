// The one-sentence Chinese statement of how regions differ in a category, built only from each cell's
// level, parameters and target: 聊城市对来返人员要求48小时核酸阴性证明，太原市要求72小时；吉林省未见相关规定。
import type { MeasureParams } from '../../common/record'
import type { MeasureCategory } from '../../common/taxonomy'
import { CATEGORY_ZH, levelPhrase } from './labels'
import { compareStrictness, sameRequirement, type Comparable } from './strictness'

export interface DifferenceCell extends Comparable {
  target: string | null
}

interface Phrase {
  verb: string
  /** The varying part (48小时, 14天); may be empty. */
  core: string
  /** The fixed part after it (核酸阴性证明); a later clause with the same noun and target omits it. */
  noun: string
  target: string | null
}

function num(p: MeasureParams, k: keyof MeasureParams): number | undefined {
  const v = p[k]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** Parameters in words, for phrases without a template: 14天、48小时、第3轮. */
export function paramsInWords(p: MeasureParams): string {
  const parts: string[] = []
  if (typeof p.formula === 'string' && p.formula) parts.push(`“${p.formula}”`)
  const days = num(p, 'days')
  if (days !== undefined && !p.formula) parts.push(`${days}天`)
  const hours = num(p, 'hours')
  if (hours !== undefined) parts.push(`${hours}小时`)
  const times = num(p, 'times')
  if (times !== undefined) parts.push(`${num(p, 'per_days') ? `每${num(p, 'per_days')}天` : ''}${times}次`)
  const rounds = num(p, 'rounds')
  if (rounds !== undefined) parts.push(`第${rounds}轮`)
  const people = num(p, 'people')
  if (people !== undefined) parts.push(`${people}人`)
  const percent = num(p, 'percent')
  if (percent !== undefined) parts.push(`${percent}%`)
  const months = num(p, 'months')
  if (months !== undefined) parts.push(`${months}个月`)
  const meters = num(p, 'meters')
  if (meters !== undefined) parts.push(`${meters}米`)
  const minAge = num(p, 'min_age')
  if (minAge !== undefined) parts.push(`${minAge}岁以上`)
  const maxAge = num(p, 'max_age')
  if (maxAge !== undefined) parts.push(`${maxAge}岁以下`)
  return parts.join('、')
}

function phraseOf(category: MeasureCategory, c: DifferenceCell): Phrase {
  const p = c.params
  const target = c.target?.trim() || null
  const hours = num(p, 'hours')
  const days = num(p, 'days')
  const times = num(p, 'times')
  if ((category === 'testing' || category === 'health_code') && hours !== undefined) {
    return { verb: '要求', core: `${hours}小时`, noun: '核酸阴性证明', target }
  }
  if (category === 'testing' && times !== undefined) {
    const per = num(p, 'per_days')
    return { verb: '要求', core: per ? `每${per}天${times}次` : `${times}次`, noun: '核酸检测', target }
  }
  if (category === 'quarantine' && (days !== undefined || p.formula)) {
    return { verb: '要求', core: p.formula ? `“${p.formula}”` : `${days}天`, noun: c.level >= 3 ? '集中隔离' : '隔离', target }
  }
  if (category === 'health_monitoring' && days !== undefined) return { verb: '要求', core: `${days}天`, noun: '健康监测', target }
  if (category === 'gatherings' && num(p, 'people') !== undefined) {
    return { verb: '限制', core: `${num(p, 'people')}人以上`, noun: '聚集活动', target }
  }
  if (category === 'venues' && num(p, 'percent') !== undefined) return { verb: '要求', core: '', noun: `限流${num(p, 'percent')}%`, target }
  const words = paramsInWords(p)
  return { verb: '要求', core: '', noun: levelPhrase(category, c.level) + (words ? `（${words}）` : ''), target }
}

function clause(names: string, ph: Phrase, previous: Phrase | null): string {
  const elide = previous !== null && previous.noun === ph.noun && previous.target === ph.target && previous.verb === ph.verb && ph.core !== ''
  if (elide) return `${names}${ph.verb}${ph.core}`
  return `${names}${ph.target ? `对${ph.target}` : ''}${ph.verb}${ph.core}${ph.noun}`
}

/**
 * The sentence for a row, or null when every region requires the same. Regions with the same
 * requirement share a clause; clauses go from strictest to loosest; regions without a measure last.
 */
export function differenceSentence(category: MeasureCategory, cells: { name: string; cell: DifferenceCell | null }[]): string | null {
  if (cells.length < 2) return null
  const groups: { names: string[]; cell: DifferenceCell | null }[] = []
  for (const { name, cell } of cells) {
    const g = groups.find((x) => sameRequirement(x.cell, cell))
    if (g) g.names.push(name)
    else groups.push({ names: [name], cell })
  }
  if (groups.length < 2) return null
  groups.sort((a, b) => {
    if (!a.cell !== !b.cell) return a.cell ? -1 : 1
    return compareStrictness(b.cell, a.cell)
  })
  const clauses: string[] = []
  let previous: Phrase | null = null
  for (const g of groups) {
    const names = g.names.join('、')
    if (!g.cell) clauses.push(`${names}未见相关规定`)
    else if (g.cell.lifted) clauses.push(`${names}已解除${CATEGORY_ZH[category]}相关措施`)
    else {
      const ph = phraseOf(category, g.cell)
      clauses.push(clause(names, ph, previous))
      previous = ph
    }
  }
  return clauses.join('，')
}
