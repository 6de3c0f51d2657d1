// Vocabulary that real notices use, by category: sampling and antigen wording, 2020-era closures
// and checkpoints, Hong Kong, Macau and Taiwan terms, and clock times that are not conditions.
// Every example is written for this test.
import { describe, expect, it } from 'vitest'
import { shadow } from './helpers'
import { extractMeasures } from '../../../src-main/node/extract/measures/extract-measures'
import { addMention } from '../../../src-main/node/extract/measures/repeats'
import type { Measure } from '../../../src-main/common/record'

const measures = (text: string): Measure[] => extractMeasures(text, shadow(text))
const cats = (text: string): string[] => measures(text).map((m) => m.category)

describe('vocabulary', () => {
  it.each([
    ['社区对行动不便老人上门采样。', 'testing'],
    ['各学校每周组织两次抗原自测。', 'testing'],
    ['本周末在全镇开展一次普筛。', 'testing'],
    ['入境须持阴性结果方可通行。', 'testing'],
    ['全县农贸市场一律休市。', 'venues'],
    ['对无证经营的小作坊一律关停。', 'venues'],
    ['各村在路口设卡劝返外来车辆。', 'transport'],
    ['全村停止一切人员流动。', 'transport'],
    ['限制人员流动，', 'transport'],
    ['返乡人员一律居家观察十四天。', 'quarantine'],
    ['中小学即日起改为线上授课。', 'schools'],
    ['继续执行限聚令，', 'gatherings'],
    ['食肆每枱最多四人。', 'gatherings'],
    ['确诊者同住家人实施居家照護。', 'quarantine'],
    ['搭乘捷運須落實實聯制。', 'health_code'],
    ['入境旅客解除檢疫後須自主防疫七天。', 'health_monitoring'],
    ['未按时采样的人员赋予弹窗。', 'health_code'],
    ['居家期间不串门、不探访。', 'quarantine'],
    ['出现发热等不适症状立即报告。', 'health_monitoring'],
    ['各级各类学校一律推迟至三月不开学。', 'schools'],
    ['全镇居民一律不得外出。', 'lockdown_zones'],
    ['检测完毕后立即返回家中。', 'lockdown_zones'],
    ['对60岁以上人群做到应接尽接。', 'vaccination'],
    ['在外务工人员今年春节不返乡。', 'travel_reporting']
  ])('%s → %s', (text, cat) => {
    expect(cats(text)).toContain(cat)
  })
  it('does not read a clock time as a condition', () => {
    expect(cats('商场营业时间缩短至每日18时')).toContain('venues')
  })
  it('does not read 取消休假 as a lifting', () => {
    const ms = measures('全体医务人员取消休假。')
    expect(ms).toHaveLength(1)
    expect(ms[0].lifted).toBe(false)
    expect(measures('取消室外佩戴口罩的要求。')[0].lifted).toBe(true)
  })
})

describe('exemptions, generic words, logistics', () => {
  it('takes no measure from the exempted items of 除…外', () => {
    expect(cats('除医护人员、保供人员、快递配送员外，其他人员一律居家。')).not.toContain('supplies')
  })
  it('takes no measure from a generic control word alone', () => {
    expect(measures('执行现行管控措施。')).toEqual([])
  })
  it('takes no testing measure from the time or list of a round', () => {
    expect(measures('请留意本小区核酸检测时间')).toEqual([])
  })
  it('counts crowded places only when they are avoided or limited', () => {
    expect(cats('在人员密集场所佩戴口罩。')).toEqual(['masks'])
    expect(cats('尽量避免前往人员密集场所。')).toEqual(['gatherings'])
  })
  it('counts hospital visits only when limited or stopped', () => {
    expect(cats('住院患者家属如需探视请先预约。')).not.toContain('medical')
    expect(cats('住院部暂停一切探视。')).toContain('medical')
  })
  it('skips purpose clauses and one person\'s own story', () => {
    expect(measures('为确保核酸检测全覆盖，')).toEqual([])
    expect(measures('他说自己一直在家里自我隔离，')).toEqual([])
  })
})

describe('repeats', () => {
  it('merges a headline into the body that orders the same measure, keeping the order', () => {
    const ms = measures('本市开展全员核酸检测\n\n明日起，全体市民须参加全员核酸检测。')
    expect(ms.filter((m) => m.category === 'testing')).toHaveLength(1)
  })
  it('keeps the directive mention of a repeat and the stricter level', () => {
    const found = new Map<string, Measure>()
    const m = (start: number, text: string, level: number): Measure => ({
      category: 'testing', level, params: {}, target: null, lifted: false, text, start, end: start + text.length
    })
    addMention(found, 'k', m(0, '全员核酸检测', 3), '全员核酸检测', (x) => x.text)
    addMention(found, 'k', m(20, '全体市民须参加全员核酸检测', 4), '全体市民须参加全员核酸检测', (x) => x.text)
    const [kept] = [...found.values()]
    expect(found.size).toBe(1)
    expect(kept.start).toBe(20)
    expect(kept.level).toBe(4)
  })
})

describe('params of a frequency', () => {
  it.each([
    ['每2天进行一次核酸检测', { times: 1, per_days: 2 }],
    ['抵达后4天内完成3次核酸检测', { times: 3, per_days: 4 }],
    ['每5天至少完成1次抗原检测', { times: 1, per_days: 5 }]
  ])('%s', async (span, want) => {
    const { extractParams } = await import('../../../src-main/node/extract/measures/params')
    expect(extractParams(span, 'testing')).toEqual(want)
  })
  it('gives no frequency for a range', async () => {
    const { extractParams } = await import('../../../src-main/node/extract/measures/params')
    expect(extractParams('每2天1~2次核酸检测', 'testing').times).toBeUndefined()
  })
})
