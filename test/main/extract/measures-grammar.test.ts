// Grammatical classes of clauses that state no measure, each with a contrasting clause that does:
// purpose, condition, distributive narrative, bare appeals and adjectives that look like measure
// words. Examples are written for these tests, not taken from any corpus.
import { describe, expect, it } from 'vitest'
import { shadow } from './helpers'
import { extractMeasures } from '../../../src-main/node/extract/measures/extract-measures'
import type { Measure } from '../../../src-main/common/record'

const measures = (text: string): Measure[] => extractMeasures(text, shadow(text))
const cats = (text: string): string[] => measures(text).map((m) => m.category)
const spans = (text: string): string[] => measures(text).map((m) => m.text)

describe('purpose and condition', () => {
  it('skips a purpose clause even when a numbered item opens with it', () => {
    expect(spans('二、为保证核酸检测不漏一户，各村另行通知。')).toEqual([])
    // The order after the purpose is kept.
    expect(cats('二、为保证核酸检测不漏一户，全镇居民须于明日参加核酸检测。')).toEqual(['testing'])
  })
  it('skips a condition opened by 如 or 且 unless the clause itself orders', () => {
    expect(spans('如同住家人的核酸检测结果都是阴性，且居家隔离期满，社区将另行通知。')).toEqual([])
    expect(cats('如出现发热症状应立即前往发热门诊就诊。')).toEqual(['medical'])
    // 如实 is an adverb of the order, not a condition.
    expect(cats('如实报告旅居史，并接受核酸检测。')).toContain('testing')
  })
})

describe('narrative and appeals', () => {
  it('skips distributive narrative (有的…，有的…)', () => {
    expect(spans('居民们有的排队做核酸检测，有的帮忙维持秩序。')).toEqual([])
  })
  it('skips an appeal that ends on 配合 and a vocative naming who is addressed', () => {
    expect(spans('也请各位封控楼栋的住户朋友耐心配合。')).toEqual([])
    expect(spans('呼吁正在居家隔离的居民朋友，耐心等待通知。')).toEqual([])
    // An appeal listing the acts keeps them.
    expect(cats('请住户朋友积极配合戴口罩、测体温。')).toEqual(['masks', 'health_monitoring'])
  })
})

describe('words that only look like measures', () => {
  it('reads 聚集性 as an adjective, not a gathering rule, but keeps 聚集性活动', () => {
    expect(cats('该地出现聚集性发热病例，正在调查。')).not.toContain('gatherings')
    expect(cats('节日期间人员流动大、聚集性强。')).not.toContain('gatherings')
    expect(cats('暂停举办各类聚集性活动。')).toEqual(['gatherings'])
  })
})

describe('the subject decides the category', () => {
  it('reads the regime a risk zone is put under as the zone measure', () => {
    expect(cats('低风险区实行“错峰取物、少出门”的管理。')).toEqual(['lockdown_zones'])
    expect(cats('封控区域继续实行居家隔离。')).toEqual(['lockdown_zones'])
    // Without a zone as the subject the object decides.
    expect(cats('各小区实行错峰取物。')).toEqual(['supplies'])
  })
  it('puts staying away from crowded places under gatherings, from listed venues under venues', () => {
    expect(cats('市民尽量不去人多密集的商场、超市等场所。')).toEqual(['gatherings'])
    expect(cats('市民不进入网吧、棋牌室等场所。')).toEqual(['venues'])
  })
})

describe('work accounts', () => {
  it('skips the basis a work relies on (根据摸排情况看, 结合入户排查, 依托…优势)', () => {
    expect(spans('根据入户排查情况来看，返乡人数不多。')).toEqual([])
    expect(spans('结合各组逐户摸排，名单已报送。')).toEqual([])
    expect(spans('某村依托网格员队伍的力量优势，做好服务。')).toEqual([])
    // Screening ordered as an act is kept.
    expect(cats('各村要对返乡人员逐户摸排登记。')).toEqual(['travel_reporting'])
  })
  it('skips the discovery of a person told as news (排查发现一名返乡人员)', () => {
    expect(spans('经过逐户排查发现某村有一名外地返乡人员')).toEqual([])
  })
})

describe('explanations', () => {
  it('skips what a rule is for (…是为了…), but keeps the rule', () => {
    expect(spans('购药实名登记是为了及早发现发热病人。')).toEqual([])
    expect(cats('药店销售退热药须实名登记。')).toEqual(['medical'])
  })
})

describe('tallies', () => {
  it('skips a tally of samples even when the copy lost its numbers', () => {
    expect(spans('其中，某区核酸检测已采样份，已出检测结果份。')).toEqual([])
    expect(spans('其中，某区核酸检测已采样3200份。')).toEqual([])
  })
})

describe('masks as goods', () => {
  it('reads a mask supply plan as no mask rule, but keeps wearing one', () => {
    expect(cats('第五轮保障居民口罩计划明日开始。')).not.toContain('masks')
    expect(cats('乘客须全程佩戴口罩。')).toEqual(['masks'])
  })
})

describe('hospital rules', () => {
  it('reads visiting rules worded as a request or an online alternative', () => {
    expect(cats('住院病人家属请勿到院探视。')).toEqual(['medical'])
    expect(cats('家属可通过视频方式在线探视。')).toEqual(['medical'])
    // A visit told as news is no rule.
    expect(cats('家属昨天到医院探视了老人。')).toEqual([])
  })
  it('reads infection control inside hospitals as medical', () => {
    expect(cats('各医疗机构要严防院内感染。')).toEqual(['medical'])
  })
})

describe('clause bounds and venue words', () => {
  it('keeps a comma inside a parenthesis from cutting the clause', () => {
    const ms = measures('全县中小学(含幼儿园、托育机构,下同)一律停课。')
    expect(ms.map((m) => m.category)).toEqual(['schools'])
    expect(ms[0].text).toContain('全县中小学')
  })
  it('knows halls, play facilities and shops by kind as venues', () => {
    expect(cats('商场内的儿童游戏设施暂停使用。')).toEqual(['venues'])
    expect(cats('桌游店、密室逃脱馆等休闲场馆暂停营业。')).toEqual(['venues'])
  })
})

describe('lists of zones', () => {
  it('reads consecutive zone counts of one sentence as one statement of the list', () => {
    const ms = measures('调整后，全区共有高风险地区2个，中风险地区5个。')
    expect(ms.filter((m) => m.category === 'lockdown_zones')).toHaveLength(1)
    expect(ms[0].text).toContain('中风险地区5个')
  })
})

describe('headlines', () => {
  it('skips a long headline line that the paragraph under it restates', () => {
    const text = '新闻动态。\n明日零时起由外省入境本市的旅客须出示七十二小时内核酸检测阴性证明\n市应对中心宣布，因应防控需要，明日零时起，所有由外省入境本市的旅客，须出示七十二小时内核酸检测阴性证明。'
    const ms = measures(text).filter((m) => m.category === 'testing')
    expect(ms).toHaveLength(1)
    expect(ms[0].start).toBeGreaterThan(text.indexOf('市应对中心'))
  })
})
