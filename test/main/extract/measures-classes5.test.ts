// Classes of wordings added for issue 11 (measures): each rule with a sentence that triggers it
// and one that must not. Examples are written for these tests, not taken from any corpus.
import { describe, expect, it } from 'vitest'
import { shadow } from './helpers'
import { extractMeasures } from '../../../src-main/node/extract/measures/extract-measures'
import type { Measure } from '../../../src-main/common/record'
import { clauses } from '../../../src-main/node/extract/text'

const measures = (text: string): Measure[] => extractMeasures(text, shadow(text))
const cats = (text: string): string[] => measures(text).map((m) => m.category)
const spans = (text: string): string[] => measures(text).map((m) => m.text)

describe('evidence spans', () => {
  it('keeps a list of dates before the act as one item', () => {
    expect(spans('东城区将于6月3日（周五）、6月5日（周日）开展全区核酸筛查。')).toEqual(['东城区将于6月3日（周五）、6月5日（周日）开展全区核酸筛查'])
    // Items that are acts of their own are still cut at 、.
    expect(spans('进入超市须扫码、测温。')).toHaveLength(2)
  })
})

describe('how-to steps of a testing drive', () => {
  it('drops the steps of attending a drive the document announces', () => {
    const text = '本周六起开展全员核酸检测。请居民按社区通知分批、有序参加核酸采样，做好个人防护。'
    expect(measures(text).filter((m) => m.category === 'testing').map((m) => m.text)).toEqual(['本周六起开展全员核酸检测'])
  })
  it('keeps such a step when it is the only testing statement', () => {
    expect(cats('请居民按社区通知有序参加核酸采样。')).toEqual(['testing'])
  })
})

describe('transport', () => {
  it('reads lines suspended by their reach and stations closed as transport', () => {
    expect(cats('即日起暂停所有省际、市际、县际班线客运，客运站暂停营业。')).toEqual(['transport', 'transport'])
    // A shop closing is still a venue.
    expect(cats('辖区内所有足浴店暂停营业。')).toEqual(['venues'])
  })
})

describe('testing vocabulary', () => {
  it('reads a sampling regime named by its short form (双采双检) as testing', () => {
    expect(cats('入境人员解除隔离前实行双采双检。')).toContain('testing')
    expect(cats('返校师生单采单检。')).toEqual(['testing'])
  })
})

describe('short names defined in the text', () => {
  it('keeps the definition and drops mentions of the defined name', () => {
    const text = '抵达人员严格落实“两天一检”措施。“两天一检”，即：抵达后每两天完成一次核酸检测。'
    expect(spans(text)).toEqual(['抵达后每两天完成一次核酸检测'])
  })
  it('keeps a quoted name that the text does not define', () => {
    expect(cats('抵达人员严格落实“三天两检”。')).toEqual(['testing'])
  })
})

describe('appeals', () => {
  it('skips a vocative naming who is addressed, also as a numbered item', () => {
    expect(spans('二、倡议正在居家隔离的居民朋友，安心在家。')).toEqual([])
    // The request that follows the vocative is kept.
    expect(cats('二、呼吁广大市民朋友，出门须佩戴口罩。')).toEqual(['masks'])
  })
})

describe('other: tracing, ventilation and publicity', () => {
  it('reads 追踪 as tracing only when it traces people or sources', () => {
    expect(cats('据一家追踪货运数据的公司统计，港口吞吐量下降。')).toEqual([])
    expect(cats('疾控部门连夜追踪密接人员。')).toEqual(['other'])
  })
  it('reads 通风良好 as a description of a place, not a ventilation order', () => {
    expect(cats('候诊区设在通风良好的大厅一侧。')).toEqual([])
    expect(cats('各办公场所每日开窗通风。')).toEqual(['other'])
  })
  it('takes the act of publicity, not the boards and vans listed as its means', () => {
    const found = spans('利用广播、宣传栏、宣传车等形式开展防疫知识宣传。')
    expect(found).toHaveLength(1)
    expect(found[0]).toContain('开展防疫知识宣传')
    expect(found[0]).not.toContain('宣传栏')
  })
})

describe('repeats', () => {
  it('keeps same-worded measures of different districts apart', () => {
    const text = '东城区将于周六开展全员核酸检测。\n西城区将于周六开展全员核酸检测。'
    expect(measures(text).filter((m) => m.category === 'testing')).toHaveLength(2)
  })
  it('still merges a restatement that names the same district or none', () => {
    const text = '东城区将于周六开展全员核酸检测。\n请东城区居民周六参加全员核酸检测。\n全员核酸检测期间做好防护。'
    expect(measures(text).filter((m) => m.category === 'testing')).toHaveLength(1)
  })
})

describe('clock times', () => {
  it('keeps a clock time inside its clause', () => {
    expect(spans('住院病房探视时间压缩为15:30-16:30。')).toEqual(['住院病房探视时间压缩为15:30-16:30'])
    expect(clauses('开放时间9：00至17：00').map((c) => [c.start, c.end])).toEqual([[0, '开放时间9：00至17：00'.length]])
    // A colon after a label still ends the clause.
    expect(clauses('时间：9:00').length).toBe(2)
  })
})

describe('accounts and frames', () => {
  it('skips the topics a meeting went through', () => {
    expect(cats('会议围绕隔离期限、核酸检测频次等方面对新版方案进行了解读。')).toEqual([])
    // An order given at the meeting is still an order.
    expect(cats('会议要求，全县须于明日开展全员核酸检测。')).toEqual(['testing'])
  })
  it('skips the means of a finding and the frame of a rule', () => {
    expect(cats('通过核酸检测，该区又发现一名感染者。')).toEqual([])
    expect(cats('在新的通行证安排下，商场分为两类。')).toEqual([])
    expect(cats('全区通过核酸检测筛查风险人员。')).toEqual(['testing'])
  })
})

describe('words in another sense', () => {
  it('reads isolation gowns, wards and barriers as no quarantine', () => {
    expect(cats('医护人员穿好隔离衣后进入隔离病区。')).toEqual([])
    expect(cats('密切接触者一律集中隔离14天。')).toEqual(['quarantine'])
  })
  it('reads masks bought, donated or counterfeit as no mask rule', () => {
    expect(cats('爱心企业向社区捐赠口罩2万只。')).toEqual([])
    expect(cats('市场监管局查处一批假冒伪劣口罩。')).toEqual([])
    expect(cats('进入超市须佩戴口罩。')).toEqual(['masks'])
  })
  it('reads a grid worker as a person, not grid management', () => {
    expect(cats('生活有困难请联系网格员。')).toEqual([])
    expect(cats('全面实行网格化管理。')).toEqual(['other'])
  })
})

describe('appeal lists and repeats', () => {
  it('keeps a specific order when an appeal later lists the same measure', () => {
    const text = '一、密切接触者立即开展核酸检测。\n二、返回人员应主动配合落实核酸检测、隔离医学观察等防控措施。'
    expect(spans(text)).toContain('密切接触者立即开展核酸检测')
  })
})

describe('restated advice', () => {
  it('keeps advice against gathering restated in a document once', () => {
    const text = '一、请市民不聚集。\n二、节日期间，少出门、不聚集。\n三、婚事缓办，宴会不办。'
    expect(cats(text).filter((c) => c === 'gatherings')).toHaveLength(2)
  })
})

describe('paired indoor and outdoor limits', () => {
  it('carries the lower head-count, the limit that binds, and takes its level from it', () => {
    const [m] = measures('暂停室内30人以上、室外80人以上的聚集活动。')
    expect(m.params.people).toBe(30)
    const [n] = measures('聚会室内不超过80人、户外不超过8人。')
    expect(n.params.people).toBe(8)
    expect(n.level).toBe(4)
  })
})

describe('parentheses with a pinyin gloss', () => {
  it('keeps a parenthesis holding a nested gloss inside its clause', () => {
    const text = '全市學校(含幼兒(er) 園、各類培訓機構,下同)暫停線下教學。'
    expect(clauses(shadow(text))).toHaveLength(1)
    expect(cats(text)).toEqual(['schools'])
  })
})

describe('medical: ward access', () => {
  it('reads who may enter the wards as a visiting rule', () => {
    expect(cats('家属请勿进入病区。')).toEqual(['medical'])
    expect(cats('探视证为家属进入住院部的唯一凭证。')).toEqual(['medical'])
    // A ward named in a story is no rule.
    expect(cats('护士长每天进入病区查房。')).toEqual([])
  })
})

describe('related-links lists', () => {
  it('skips the titles of other pages listed under 相关新闻', () => {
    const text = '全市各类娱乐场所暂停营业。\n相关新闻\n乙市：即日起暂停堂食\n丙县全员核酸检测\n'
    expect(cats(text)).toEqual(['venues'])
    // The same lines without the heading are the text's own.
    expect(cats('全市各类娱乐场所暂停营业。\n乙市：即日起暂停堂食\n丙县开展全员核酸检测。\n')).toContain('testing')
  })
})

describe('params: day indexes', () => {
  it('counts listed test days as times and never as a duration', () => {
    expect(measures('隔离期间第1、3、5、7天各开展一次核酸检测。')[0].params).toEqual({ times: 4 })
    expect(measures('在第3天和第6天各做一次核酸检测。')[0].params).toEqual({ times: 2 })
    // One indexed day is no count of times, and a duration stays a duration.
    expect(measures('并在第4天进行1次核酸检测。')[0].params).toEqual({ times: 1 })
    expect(measures('实施7天居家健康监测。')[0].params).toEqual({ days: 7 })
  })
})

describe('params: head-counts', () => {
  it('reports a head-count outside gatherings only when it is worded as a limit', () => {
    expect(measures('出租车司机18人已进行居家隔离。')[0].params).toEqual({})
    expect(measures('每位患者限2人陪护。')[0].params).toEqual({ people: 2 })
    expect(measures('禁止20人以上聚餐。')[0].params).toEqual({ people: 20 })
  })
})

describe('narrative and questions', () => {
  it('reads what was done in an earlier episode as news of then', () => {
    expect(cats('此前，城东公园已于3日起临时闭园。')).toEqual([])
    expect(cats('去年此时，全市实行了静态管理。')).toEqual([])
    expect(cats('即日起，城东公园临时闭园。')).toEqual(['venues'])
  })
  it('skips questions a guide asks before its answer', () => {
    expect(cats('为什么要进行居家隔离')).toEqual([])
    expect(cats('居家隔离和集中隔离有什么区别')).toEqual([])
    expect(cats('居家隔离要多久？14天。')).toEqual([])
  })
  it('skips a description of what many did', () => {
    expect(cats('疫情期间，很多商场都暂停营业了。')).toEqual([])
    expect(cats('全市商场一律暂停营业。')).toEqual(['venues'])
  })
  it('skips the end of a period standing as a time frame', () => {
    expect(cats('隔离期满后，他回到了家。')).toEqual([])
  })
})

describe('news around measures', () => {
  it('skips how a case was found, rumours and what had been done before', () => {
    expect(cats('该病例系集中隔离期间核酸检测发现。')).toEqual([])
    expect(cats('网传我市将全域静默的消息不实。')).toEqual([])
    expect(cats('据了解，该楼栋此前已被划为高风险区。')).toEqual([])
    expect(cats('即日起，该楼栋划为高风险区。')).toEqual(['lockdown_zones'])
  })
  it('skips a named person in a story and a trend', () => {
    expect(cats('家住城北的刘女士这几天一直居家办公。')).toEqual([])
    expect(cats('扫码乘车的乘客越来越多。')).toEqual([])
    expect(cats('乘客须扫码乘车。')).toEqual(['transport'])
  })
})

describe('supplies and site logistics', () => {
  it('reads supplies delivered by the community as managed delivery', () => {
    expect(cats('封控区居民的生活物资由社区统一配送。')).toEqual(['supplies'])
  })
  it('skips where a site is', () => {
    expect(cats('新冠疫苗接种点位于区体育馆一楼。')).toEqual([])
  })
})
