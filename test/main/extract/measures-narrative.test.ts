// Narrative wordings that state no measure (effort and scene in a story, rhetoric of defence lines,
// speculation, news of elsewhere, getting ready, observation after a verb of seeing) and risk areas
// named as where travellers have been. Sentences written for these tests.
import { describe, expect, it } from 'vitest'
import { shadow } from './helpers'
import { extractMeasures } from '../../../src-main/node/extract/measures/extract-measures'

const cats = (text: string): string[] => extractMeasures(text, shadow(text)).map((m) => m.category)

describe('story and rhetoric are not measures', () => {
  it('skips effort and scene told in a story', () => {
    expect(cats('医护人员顶着烈日坚持完成核酸采样任务。')).toEqual([])
    expect(cats('下班后他又投入到小区的物资保供工作中去。')).toEqual([])
    expect(cats('志愿者的引导让核酸检测点井然有序。')).toEqual([])
  })
  it('skips defence-line rhetoric, speculation and counted past episodes', () => {
    expect(cats('各医院要筑牢院内感染防线。')).toEqual([])
    expect(cats('如果病例继续增加，解除封控的时间只能推后。')).toEqual([])
    expect(cats('这座城市两度封城。')).toEqual([])
  })
  it('skips news of elsewhere in the plural and getting ready', () => {
    expect(cats('近日多地升为中高风险地区。')).toEqual([])
    expect(cats('各社区提前做好核酸采样准备。')).toEqual([])
    expect(cats('下一步将根据流调结果及时进行通报。')).toEqual([])
  })
  it('keeps a real order of the same categories', () => {
    expect(cats('全体居民须参加全员核酸检测。')).toEqual(['testing'])
    expect(cats('自即日起将该小区划为中风险地区。')).toEqual(['lockdown_zones'])
  })
  it('skips a scene described after a verb of seeing', () => {
    expect(cats('走进小区，记者看到，居民们戴着口罩排队做核酸。')).toEqual([])
    expect(cats('走进小区，居民们须戴口罩排队做核酸。')).not.toEqual([])
  })
})

describe('risk areas as where people have been', () => {
  it('names no zone measure for travellers from risk areas or exposed occupations', () => {
    expect(cats('到过中高风险地区的人员请主动报告。')).not.toContain('lockdown_zones')
    expect(cats('来自中高风险地区所在县区的人员须报备。')).not.toContain('lockdown_zones')
    expect(cats('港口装卸等高风险暴露人员每日检测。')).not.toContain('lockdown_zones')
  })
})

describe('inspection visits and school reopening', () => {
  it('skips an official visit to inspect the work', () => {
    expect(cats('区长一行到集中隔离酒店检查防控工作。')).toEqual([])
  })
  it('reads reopening of schools as a lifted school measure', () => {
    const ms = extractMeasures('全县中小学将于3月1日恢复线下教学。', shadow('全县中小学将于3月1日恢复线下教学。'))
    expect(ms.map((m) => [m.category, m.lifted])).toEqual([['schools', true]])
    expect(cats('初三年级先行复课，其余年级错峰开学。')).toContain('schools')
  })
})

describe('stay-home orders and announcements of lists', () => {
  it('reads a stay-home order for everyone else as a zone measure, and working from home as other', () => {
    expect(cats('除保供人员外，其余人员一律居家。')).toEqual(['lockdown_zones'])
    expect(cats('机关单位全体人员居家办公。')).toEqual(['other'])
  })
  it('skips the announcement of a list that follows', () => {
    expect(cats('本次划定的封控区、管控区名单如下：')).toEqual([])
    expect(cats('本次划定封控区3个、管控区5个。')).toContain('lockdown_zones')
  })
})

describe('Hong Kong surveillance and relaxations', () => {
  it('reads 医学监察 of arrivals as health monitoring', () => {
    expect(cats('抵港人士須接受7天醫學監察。')).toEqual(['health_monitoring'])
  })
  it('marks a widened limit (放宽) as lifted', () => {
    const t = '堂食人數上限放寬至每枱6人。'
    expect(extractMeasures(t, shadow(t)).every((m) => m.lifted)).toBe(true)
    expect(extractMeasures(t, shadow(t)).length).toBeGreaterThan(0)
  })
})

describe('2020 compound closures', () => {
  it('reads 只进不出 as a zone measure', () => {
    expect(cats('全镇各村实行“只进不出”管理。')).toEqual(['lockdown_zones'])
  })
})
