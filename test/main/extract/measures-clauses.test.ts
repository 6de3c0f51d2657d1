// Classes of wordings that decide whether a clause states a measure and which one: one category per
// statement, narrative and explainer wrappers, statistics, enforcement news. Examples are written
// for these tests, not taken from any corpus.
import { describe, expect, it } from 'vitest'
import { shadow } from './helpers'
import { extractMeasures } from '../../../src-main/node/extract/measures/extract-measures'
import type { Measure } from '../../../src-main/common/record'

const measures = (text: string): Measure[] => extractMeasures(text, shadow(text))
const cats = (text: string): string[] => measures(text).map((m) => m.category)

describe('one category per statement', () => {
  it('takes the category of the main object, not of a group named before it', () => {
    expect(cats('对居家隔离人员实行上门采样。')).toEqual(['testing'])
    expect(cats('解除隔离后须继续进行5天健康监测。')).toEqual(['health_monitoring'])
    expect(cats('对封控区内人员的健康码一律赋红码。')).toEqual(['health_code'])
  })
  it('lets a generic word (登记, 管控措施, 宣传) yield to the specific measure', () => {
    expect(cats('各小区出入口落实测温登记。')).toEqual(['health_monitoring'])
    expect(cats('所有药店销售退烧药须实名登记。')).toEqual(['medical'])
    expect(cats('加强进口冷冻食品防控知识宣传。')).toEqual(['cold_chain'])
  })
  it('keeps enforcement as other even when the offence names a measure', () => {
    expect(cats('对拒不执行居家隔离的人员，依法追究法律责任。')).toContain('other')
  })
  it('keeps two coordinated items as two measures with their own spans', () => {
    const ms = measures('进入商场须测温以及扫码。')
    expect(ms.map((m) => m.category).sort()).toEqual(['health_code', 'health_monitoring'])
    expect(ms.find((m) => m.category === 'health_code')?.text).toBe('扫码')
  })
  it('takes no measure from a law or notice title', () => {
    expect(cats('印发《关于实行小区封闭管理的通知》宣传单500份。')).not.toContain('lockdown_zones')
  })
  it('reads a staged regime joined by 加 as a quarantine formula', () => {
    const ms = measures('入境人员实行5天集中隔离加3天居家健康监测。')
    expect(ms).toHaveLength(1)
    expect(ms[0].category).toBe('quarantine')
    expect(ms[0].params.formula).toBe('5+3')
  })
})

describe('clauses that state no measure', () => {
  it('skips explainer wrappers and the questions they answer', () => {
    expect(measures('很多网友关心某市什么时候解封？下面小编为大家整理最新消息。')).toEqual([])
    expect(measures('以上就是某市是否封城的全部介绍。')).toEqual([])
  })
  it('skips reporter observation', () => {
    expect(measures('记者看到，居民们纷纷戴好口罩排队做核酸。')).toEqual([])
  })
  it('skips announcements of what follows and rhetoric of attitude', () => {
    expect(measures('现将有关核酸检测安排通告如下：')).toEqual([])
    expect(measures('要增强做好封控管理的紧迫感和责任感。')).toEqual([])
  })
  it('skips enforcement news and the offence alone', () => {
    expect(measures('市场监管部门查处2起销售劣质口罩案件。')).toEqual([])
    expect(cats('故意隐瞒行程未及时报备，')).toEqual([])
  })
  it('skips how-to steps of a visit or sign-up', () => {
    expect(measures('前来接种请携带本人身份证，')).toEqual([])
  })
  it('skips consequences explained rather than ordered', () => {
    expect(cats('未按时检测的，健康码会调整为黄码。')).not.toContain('health_code')
  })
  it('skips facts about vaccines but keeps a vaccination drive', () => {
    expect(cats('接种疫苗是预防重症最有效的办法。')).toEqual([])
    expect(cats('首批20万剂疫苗将于下周运抵。')).toEqual([])
    expect(cats('加快推进60岁以上人群疫苗接种。')).toEqual(['vaccination'])
  })
  it('skips tallies of work done', () => {
    expect(cats('全区已完成采样35.2万人次。')).toEqual([])
  })
})

describe('more clauses that state no measure', () => {
  it('skips cases found or released', () => {
    expect(measures('本区发现3例核酸检测初筛阳性，')).toEqual([])
    expect(measures('2例无症状感染者解除隔离医学观察。')).toEqual([])
  })
  it('skips a question title followed by a credit', () => {
    expect(measures('从外地回老家要隔离吗(图片来源网络)')).toEqual([])
  })
  it('skips progress of response work', () => {
    expect(measures('流调、消杀、转运等各项工作正在有序进行。')).toEqual([])
  })
  it('skips where a zone lies, and invitations to follow an account', () => {
    expect(cats('封控区位于某某社区三号楼，')).not.toContain('lockdown_zones')
    expect(measures('扫码关注本报公众号')).toEqual([])
  })
})

describe('lists inside a statement', () => {
  it('keeps a list of day numbers in one item and takes the testing object', () => {
    const ms = measures('隔离期间第1、3、5天各做一次核酸检测。')
    expect(ms.map((m) => m.category)).toEqual(['testing'])
    expect(ms[0].text).toContain('第1、3、5天')
  })
  it('splits quoted slogans joined by 和 into their own measures', () => {
    expect(cats('严格落实“两天一检”和“两点一线”要求。').sort()).toEqual(['testing', 'transport'])
  })
  it('reads conduct during quarantine as quarantine, not transport', () => {
    expect(cats('隔离期间留在家中(或指定地点)不外出。')).not.toContain('transport')
  })
})

describe('definitions and enforcement', () => {
  it('skips a definition of a measure', () => {
    expect(measures('隔离期限自最后一次接触之日起算起，')).toEqual([])
    expect(measures('所谓居家健康监测是指不外出、每日测温，')).toEqual([])
  })
  it('takes a penalty over the measure it enforces', () => {
    expect(cats('违者将被采取强制隔离措施。')).toEqual(['other'])
  })
})

describe('appeals', () => {
  it('skips a bare appeal to cooperate but keeps the acts an appeal lists', () => {
    expect(measures('请广大市民积极配合，')).toEqual([])
    expect(cats('进入商场时，请积极配合扫码、测温。').sort()).toEqual(['health_code', 'health_monitoring'])
  })
})

