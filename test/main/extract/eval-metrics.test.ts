import { describe, expect, it } from 'vitest'
import {
  containsEither, locateGold, nullableContains, paramsEqual, prf, scoreMeasures, scoreRegions, spansOverlap
} from '../../../src-main/node/eval/metrics'
import { scoreDoc, summarise, type Gold, type Processed } from '../../../src-main/node/eval/run'

describe('basic metrics', () => {
  it('computes P/R/F1', () => {
    const r = prf({ tp: 3, fp: 1, fn: 2 })
    expect(r.precision).toBeCloseTo(0.75)
    expect(r.recall).toBeCloseTo(0.6)
    expect(r.f1).toBeCloseTo(2 * 0.75 * 0.6 / 1.35)
  })
  it('matches names by normalised containment', () => {
    expect(containsEither('郑州市', ' 郑州 ')).toBe(true)
    expect(containsEither('郑州市', '开封市')).toBe(false)
    expect(nullableContains(null, null)).toBe(true)
    expect(nullableContains('x', null)).toBe(false)
  })
  it('scores regions one-to-one', () => {
    expect(scoreRegions(['郑州市', '郑东新区', '开封市'], ['郑州市', '郑东新区'])).toEqual({ tp: 2, fp: 1, fn: 0 })
    expect(scoreRegions(['郑州'], ['郑州市', '郑州市'])).toEqual({ tp: 1, fp: 0, fn: 1 })
  })
  it('compares params exactly, ignoring key order', () => {
    expect(paramsEqual({ times: 3, per_days: 3 }, { per_days: 3, times: 3 })).toBe(true)
    expect(paramsEqual({ days: 7 }, { days: 14 })).toBe(false)
    expect(paramsEqual({}, undefined)).toBe(true)
  })
})

describe('measure matching', () => {
  const doc = '一、封控区足不出户。二、全员核酸检测。三、封控区足不出户。'
  it('needs the category and an overlapping span', () => {
    const gold = locateGold(doc, [{ category: 'testing', text: '全员核酸检测' }])
    expect(spansOverlap({ category: 'testing', text: '核酸', start: 12, end: 14 }, gold[0])).toBe(true)
    const r = scoreMeasures(
      [{ category: 'testing', text: '核酸', start: 12, end: 14 }, { category: 'masks', text: '全员', start: 10, end: 12 }],
      gold
    )
    expect(r.counts).toEqual({ tp: 1, fp: 1, fn: 0 })
  })
  it('locates a repeated gold span at the occurrence a prediction overlaps', () => {
    const second = doc.lastIndexOf('封控区足不出户')
    const pred = [{ category: 'lockdown_zones', text: '封控区', start: second, end: second + 3 }]
    const gold = locateGold(doc, [{ category: 'lockdown_zones', text: '封控区足不出户' }], pred)
    expect(gold[0].start).toBe(second)
  })
  it('falls back to shared text when the gold span was not found', () => {
    expect(spansOverlap({ category: 'x', text: '实行封控区管理措施' }, { category: 'x', text: '封控区管理' })).toBe(true)
    expect(spansOverlap({ category: 'x', text: '戴口罩' }, { category: 'x', text: '勤洗手' })).toBe(false)
  })
})

describe('document scoring and summary', () => {
  const text = '关于全员核酸检测的通知\n全市开展全员核酸检测，须持48小时核酸阴性证明。'
  const pred: Processed = {
    title: 't', docType: 'notice', docTypeDetail: '通知', issuer: '郑州市卫健委', docNumber: null, date: '2022-05-01',
    regions: [{ name: '郑州市', code: '410100', level: 'city', province: '河南省' }],
    measures: [
      { category: 'testing', level: 3, params: {}, target: null, lifted: false, text: '全市开展全员核酸检测', start: 12, end: 22 },
      { category: 'testing', level: 1, params: { hours: 24 }, target: null, lifted: false, text: '须持48小时核酸阴性证明', start: 23, end: 35 }
    ],
    text
  }
  const gold: Gold = {
    id: 'x', doc_type: 'notice', issuer: '郑州市卫健委', doc_number: null, date: '2022-05-02',
    regions: [{ name: '郑州市' }, { name: '开封市' }],
    measures: [
      { category: 'testing', text: '开展全员核酸检测', params: {} },
      { category: 'testing', text: '48小时核酸阴性证明', params: { hours: 48 } }
    ]
  }
  it('scores every field', () => {
    const s = scoreDoc('x', pred, gold)
    expect(s.regions).toEqual({ tp: 1, fp: 0, fn: 1 })
    expect(s.measures).toEqual({ tp: 2, fp: 0, fn: 0 })
    expect(s.paramsOk).toBe(1)
    expect(s.date).toBe(false)
    expect(s.docType && s.issuer && s.docNumber).toBe(true)
    const sum = summarise([s], 'test', 10)
    expect(sum.params).toBeCloseTo(0.5)
    expect(sum.regions.recall).toBeCloseTo(0.5)
    expect(sum.perCategory.testing.f1).toBeCloseTo(1)
  })
})

describe('devset split', () => {
  it('puts every id divisible by 3 in the check part, the rest in the tuning part', async () => {
    const { partOf } = await import('../../../src-main/node/eval/split')
    expect(partOf('d003')).toBe('check')
    expect(partOf('d150')).toBe('check')
    expect(partOf('d001')).toBe('tune')
    expect(partOf('d152')).toBe('tune')
    expect(partOf('notes')).toBe('tune')
    const ids = Array.from({ length: 152 }, (_, i) => `d${String(i + 1).padStart(3, '0')}`)
    expect(ids.filter((id) => partOf(id) === 'check')).toHaveLength(50)
  })
})

describe('gold location', () => {
  it('finds a gold span whose pinyin glosses the cleaner removed', () => {
    const [g] = locateGold('全區(qū)实行封闭管理', [{ category: 'lockdown_zones', text: '全區(qū)实行' }])
    expect(g.start).toBe(0)
    const [h] = locateGold('全區实行封闭管理', [{ category: 'lockdown_zones', text: '全區(qū)实行' }])
    expect([h.start, h.end]).toEqual([0, 4])
  })
})
