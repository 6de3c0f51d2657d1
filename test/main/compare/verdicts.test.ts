import { describe, expect, it } from 'vitest'
import { compareStrictness, compositeIndex, differenceSentence } from '../../../src-main/node/compare'
import { rowFor } from '../../../src-main/node/compare/compare'
import type { CompareCell } from '../../../src-main/common/compare'
import type { MeasureParams } from '../../../src-main/common/record'

const m = (level: number, params: MeasureParams = {}, extra: { lifted?: boolean; target?: string | null } = {}) => ({
  level,
  params,
  lifted: extra.lifted ?? false,
  target: extra.target ?? null
})

describe('strictness: level first, then parameters in the stricter direction', () => {
  it('compares levels before parameters, and a lifted measure as level 0', () => {
    expect(compareStrictness(m(4, { days: 7 }), m(3, { days: 14 }))).toBeGreaterThan(0)
    expect(compareStrictness(m(2, {}, { lifted: true }), m(1))).toBeLessThan(0)
    expect(compareStrictness(m(1), null)).toBeGreaterThan(0)
    expect(compareStrictness(null, null)).toBe(0)
  })

  it.each([
    ['more quarantine days', { days: 14 }, { days: 7 }],
    ['a shorter test window in hours', { hours: 24 }, { hours: 72 }],
    ['a lower gathering limit', { people: 10 }, { people: 50 }],
    ['tests more often (three in three days vs two in seven)', { times: 3, per_days: 3 }, { times: 2, per_days: 7 }],
    ['more tests in the same period', { times: 2, per_days: 7 }, { times: 1, per_days: 7 }],
    ['more rounds of mass testing', { rounds: 5 }, { rounds: 2 }],
    ['a lower capacity share', { percent: 50 }, { percent: 75 }]
  ] as [string, MeasureParams, MeasureParams][])('%s is stricter', (_, stricter, looser) => {
    expect(compareStrictness(m(3, stricter), m(3, looser))).toBeGreaterThan(0)
    expect(compareStrictness(m(3, looser), m(3, stricter))).toBeLessThan(0)
  })

  it('parameters that only one side states do not decide', () => {
    expect(compareStrictness(m(3, { days: 14 }), m(3, { hours: 48 }))).toBe(0)
  })
})

describe('difference sentences', () => {
  it('states the differing parameter and leaves out the repeated noun', () => {
    expect(differenceSentence('testing', [{ name: '甲市', cell: m(4, { hours: 48 }) }, { name: '乙市', cell: m(4, { hours: 72 }) }])).toBe('甲市要求48小时核酸阴性证明，乙市要求72小时')
  })

  it('orders clauses strictest first, groups equal regions, names the target, and ends with regions without a rule', () => {
    const s = differenceSentence('quarantine', [
      { name: '丙市', cell: m(3, { days: 7 }, { target: '入境人员' }) },
      { name: '甲市', cell: m(4, { days: 14 }, { target: '入境人员' }) },
      { name: '丁市', cell: null },
      { name: '乙市', cell: m(4, { days: 14 }, { target: '入境人员' }) }
    ])
    expect(s).toBe('甲市、乙市对入境人员要求14天集中隔离，丙市要求7天，丁市未见相关规定')
  })

  it('words gatherings, frequencies, lifted measures and level-only cells from the taxonomy', () => {
    expect(differenceSentence('gatherings', [{ name: '甲市', cell: m(4, { people: 10 }) }, { name: '乙市', cell: m(3, { people: 50 }) }])).toBe('甲市限制10人以上聚集活动，乙市限制50人以上')
    expect(differenceSentence('testing', [{ name: '甲市', cell: m(4, { times: 3, per_days: 3 }) }, { name: '乙市', cell: m(4, { times: 1, per_days: 7 }) }])).toBe('甲市要求每3天3次核酸检测，乙市要求每7天1次')
    expect(differenceSentence('schools', [{ name: '甲市', cell: m(3) }, { name: '乙市', cell: m(0, {}, { lifted: true }) }])).toBe('甲市要求全部线上教学或停课，乙市已解除学校相关措施')
    expect(differenceSentence('masks', [{ name: '甲市', cell: m(2) }, { name: '乙市', cell: m(2) }])).toBeNull()
  })
})

function cellOf(region: string, level: number, params: MeasureParams = {}, lifted = false): CompareCell {
  return {
    region, regionKey: region, category: 'testing', level, params, target: null, lifted, text: '', start: 0, end: 0, measureId: 'm', documentId: 'd',
    title: 't', docNumber: null, issuer: null, date: '2022-01-01', documents: 1, documentIds: ['d'], inherited: null, scope: 'own'
  }
}

describe('row verdicts', () => {
  const regions = [{ key: 'a', name: '甲市' }, { key: 'b', name: '乙市' }, { key: 'c', name: '丙市' }]

  it('marks the strictest and loosest regions and says how they differ', () => {
    const row = rowFor('testing', regions, [cellOf('a', 4, { hours: 48 }), cellOf('b', 4, { hours: 72 }), null])
    expect(row).toMatchObject({ differs: true, strictest: ['a'], loosest: ['c'] })
    expect(row.difference).toBe('甲市要求48小时核酸阴性证明，乙市要求72小时，丙市未见相关规定')
  })

  it('a row where every region agrees has no verdict and no sentence', () => {
    const row = rowFor('testing', regions, [cellOf('a', 3), cellOf('b', 3), cellOf('c', 3)])
    expect(row).toEqual({ category: 'testing', differs: false, strictest: [], loosest: [], difference: null })
  })

  it('ties share the verdict', () => {
    const row = rowFor('testing', regions, [cellOf('a', 4), cellOf('b', 4), cellOf('c', 1)])
    expect(row.strictest).toEqual(['a', 'b'])
    expect(row.loosest).toEqual(['c'])
  })
})

describe('composite index (TAXONOMY.md)', () => {
  it('averages 100 × level / max over the categories mapped to OxCGRT, leaving the others out', () => {
    const r = compositeIndex([
      { category: 'quarantine', level: 4, lifted: false },
      { category: 'venues', level: 1, lifted: false },
      { category: 'testing', level: 4, lifted: false },
      { category: 'masks', level: 2, lifted: true }
    ])
    expect(r.categories).toEqual(['quarantine', 'venues', 'masks'])
    expect(r.index).toBeCloseTo((100 + 100 / 3 + 0) / 3, 1)
    expect(compositeIndex([{ category: 'testing', level: 3, lifted: false }])).toEqual({ index: null, categories: [] })
  })
})
