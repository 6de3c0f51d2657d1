// Classes of wordings added so measure extraction holds on documents it was not tuned on: each
// test names a class (a category's meaning, a grammatical pattern) with examples written for it.
import { describe, expect, it } from 'vitest'
import { shadow } from './helpers'
import { extractMeasures } from '../../../src-main/node/extract/measures/extract-measures'
import type { Measure } from '../../../src-main/common/record'

const measures = (text: string): Measure[] => extractMeasures(text, shadow(text))
const cats = (text: string): string[] => measures(text).map((m) => m.category).sort()

describe('tests ordered inside a monitoring or quarantine regime', () => {
  it('keeps the test when the clause also names health monitoring', () => {
    expect(cats('居家健康监测第2天进行一次核酸检测。')).toEqual(['testing'])
  })
  it('still reads a temperature check as health monitoring, not a test', () => {
    expect(cats('进入市场须配合体温检测。')).toEqual(['health_monitoring'])
  })
  it('splits coordinated items when the second opens with its count', () => {
    const ms = measures('返乡人员须落实5天居家健康监测和3次核酸检测。')
    expect(ms.map((m) => m.category).sort()).toEqual(['health_monitoring', 'testing'])
    expect(ms.find((m) => m.category === 'testing')?.text).toBe('3次核酸检测')
  })
  it('reads a negative result required before release as a testing rule', () => {
    expect(cats('在解除隔离前一天进行核酸检测且结果为阴性方可解除。')).toContain('testing')
    expect(cats('检测结果均为阴性。')).toEqual([])
  })
})

describe('clauses that name or appraise a measure without ordering it', () => {
  it('takes no measure from a notice title quoted without brackets', () => {
    expect(cats('某县指挥部关于开展全员核酸检测的通告发布后，')).toEqual([])
    expect(cats('某县指挥部关于开展全员核酸检测的通告要求全体居民佩戴口罩。')).toEqual(['masks'])
  })
  it('skips a measure appraised as the most important thing', () => {
    expect(cats('少去人员密集场所才是最关键的。')).toEqual([])
  })
})

describe('enforcement wording', () => {
  it('reads announced penalties as enforcement', () => {
    expect(cats('如拒不配合居家检疫，将依法重罚。')).toEqual(['other'])
    expect(cats('对违规聚集的人员，由公安机关予以处罚。')).toContain('other')
  })
})

describe('home isolation of a whole area', () => {
  it('is a stay-home order (lockdown_zones), imposed or lifted', () => {
    expect(cats('即日起解除老城区居家隔离。')).toEqual(['lockdown_zones'])
    expect(cats('全县实行居家隔离。')).toEqual(['lockdown_zones'])
  })
  it('leaves home isolation of a group as quarantine', () => {
    expect(cats('对入境人员实行7天居家隔离。')).toEqual(['quarantine'])
  })
})

describe('drug-sale rules of pharmacies', () => {
  it('reads registering or reporting buyers at a pharmacy as medical', () => {
    expect(cats('零售药店应登记购药者的体温。')).toEqual(['medical'])
  })
  it('leaves a temperature check elsewhere as health monitoring', () => {
    expect(cats('超市入口应测量顾客体温。')).toEqual(['health_monitoring'])
  })
})

describe('citations of a basis document', () => {
  it('skips the basis cited at length before the measure', () => {
    expect(cats('各镇严格按照《某省防控工作指引（第二版）》有关对中风险区管控的要求，')).toEqual([])
  })
})

describe('public transport', () => {
  it('is no measure where it only names the place of another rule', () => {
    expect(cats('乘坐公共交通工具、电梯，在医院就诊时，须佩戴口罩。')).toEqual(['masks'])
  })
  it('is a transport measure when people are told to stay off it', () => {
    expect(cats('居家健康监测期间不乘坐公共交通工具。')).toContain('transport')
  })
})

describe('compounds closed with barriers', () => {
  it('reads 打围 and 硬隔离 of compounds as lockdown, not quarantine', () => {
    expect(cats('无物业的老旧小区通过打围实现硬隔离。')).toEqual(['lockdown_zones'])
  })
})

describe('vaccination words that name no drive', () => {
  it('skips a group defined by its doses', () => {
    expect(cats('同住家属若未接种两剂疫苗者，')).toEqual([])
  })
  it('skips vaccine technologies told as research news', () => {
    expect(cats('目前灭活疫苗研究已取得进展。')).toEqual([])
  })
  it('keeps a drive', () => {
    expect(cats('60岁以上老年人应接尽接新冠疫苗。')).toEqual(['vaccination'])
  })
})

describe('short numbered items', () => {
  it('reads a numbered prohibition followed by a comma as a statement', () => {
    expect(cats('2.病区一律禁止探视，请家属理解。')).toEqual(['medical'])
  })
  it('keeps a numbered label followed by a comma as a heading', () => {
    expect(cats('1、强化宣传，营造良好氛围。')).toEqual([])
  })
})

describe('earlier notices in force', () => {
  it('reads an extension, a continuation or a repeal as a measure', () => {
    expect(cats('原定的管控措施延续实施至5月3日。')).toEqual(['other'])
    expect(cats('东城街道继续按县指挥部第8号通告规定的措施执行。')).toEqual(['other'])
    expect(cats('自即日起废止第12号公告。')).toEqual(['other'])
  })
})

describe('places named for the rule that follows', () => {
  it('takes no measure from a list piece that only names a place', () => {
    expect(cats('在人员聚集的场所、电梯间内须规范佩戴口罩。')).toEqual(['masks'])
  })
  it('takes no measure from list pieces that only name groups', () => {
    expect(cats('医护人员、保供人员、外卖配送员等凭通行证出入。')).toEqual(['transport'])
  })
  it('keeps list items that have verbs of their own', () => {
    expect(cats('关闭全部娱乐场所、在室内佩戴口罩。')).toEqual(['masks', 'venues'])
  })
  it('takes no measure from a subject clause naming places', () => {
    expect(cats('对进入商场、集贸市场等人员聚集场所，须查验健康码。')).toEqual(['health_code'])
  })
})

describe('nested list headings', () => {
  it('skips a top-level item restated by the nested item under it', () => {
    const text = '春节期间防控工作通告如下。\n一、倡导外地务工人员就地过年\n1.为减少流动，倡导外地务工人员在务工地就地过年、过节。'
    expect(measures(text).map((m) => m.text)).toEqual(['倡导外地务工人员在务工地就地过年'])
  })
  it('skips headings of one list restated by the paragraph below each', () => {
    expect(cats('一、暂停全市餐馆堂食服务\n为减少聚集，暂停全市餐馆堂食服务。\n二、暂停全市公交运营\n为减少流动，暂停全市公交运营。')).toEqual(['transport', 'venues'])
  })
})

describe('reporting wording', () => {
  it('reads 主动通报 and 主动告知 as reporting', () => {
    expect(cats('入境后如有发热症状应主动通报社区。')).toEqual(['travel_reporting'])
    expect(cats('来返人员须主动告知社区行程。')).toEqual(['travel_reporting'])
  })
})

describe('conditions opened by 如 or 且', () => {
  it('stay conditions when 应 is only part of a word (对应, 相应)', () => {
    expect(cats('且对应的密接人员在居家隔离期间核酸检测均为阴性，')).toEqual([])
  })
  it('order when the clause holds an order word', () => {
    expect(cats('如有发热症状应立即到发热门诊就诊。')).toEqual(['medical'])
  })
})

describe('a goal clause after an order', () => {
  it('widens the order it follows (做到, 确保) into one measure', () => {
    const ms = measures('加快推进疫苗接种工作，做到18岁以上人群应接尽接。')
    expect(ms).toHaveLength(1)
    expect(ms[0].text).toBe('加快推进疫苗接种工作，做到18岁以上人群应接尽接')
  })
  it('keeps a goal of another category apart', () => {
    expect(cats('小区实行封闭管理，确保居民足不出户期间生活物资配送上门。')).toEqual(['lockdown_zones', 'supplies'])
  })
})

describe('orders to be tested at a site', () => {
  it('keeps an order to go to a site for sampling, even when it names the ID to bring', () => {
    expect(cats('请携带身份证到就近采样点进行核酸采样。')).toEqual(['testing'])
  })
  it('still skips the how-to step alone', () => {
    expect(cats('前往时请携带本人身份证，')).toEqual([])
  })
})

describe('Taiwan wording', () => {
  it('reads an epidemic alert level as a jurisdiction-wide risk level', () => {
    const [m] = measures('全縣疫情警戒第三級延長至8月9日。')
    expect(m.category).toBe('lockdown_zones')
    expect(m.level).toBe(2)
    const [l] = measures('疫情警戒調降為第二級。')
    expect(l.lifted).toBe(true)
  })
  it('reads 居家檢疫N天加自主防疫M天 as a staged quarantine', () => {
    const ms = measures('入境者改為居家檢疫5天加自主防疫2天。')
    expect(ms.map((m) => m.category)).toEqual(['quarantine'])
    expect(ms[0].params.formula).toBe('5+2')
  })
})

describe('gathering limits', () => {
  it('keeps paired indoor and outdoor limits as one rule', () => {
    const ms = measures('室内8人以上、室外20人以上的聚会一律取消。')
    expect(ms.map((m) => m.category)).toEqual(['gatherings'])
    expect(ms[0].text).toBe('室内8人以上、室外20人以上的聚会一律取消')
  })
  it('reads group activities called off as gatherings, not venues', () => {
    expect(cats('养老院暂停各类团体活动。')).toEqual(['gatherings'])
    expect(cats('各类聚会一律停办。')).toEqual(['gatherings'])
  })
})

describe('organisation, tracing and supply vocabulary', () => {
  it('reads mobilisation and bodies set up as other', () => {
    expect(cats('全区机关干部转为社区志愿者。')).toEqual(['other'])
    expect(cats('各村成立疫情防控突击队。')).toEqual(['other'])
  })
  it('reads who is judged a close contact as contact tracing (other)', () => {
    expect(cats('对人员密集场所可扩大密切接触者判定范围。')).toEqual(['other'])
  })
  it('reads banners hung as publicity', () => {
    expect(cats('各村悬挂防疫横幅。')).toEqual(['other'])
  })
  it('reads delivery to the door and basic needs guaranteed as supplies', () => {
    expect(cats('对行动不便的老人进行上门配送。')).toEqual(['supplies'])
    expect(cats('切实保障封控小区居民基本生活需求。')).toContain('supplies')
  })
})

describe('access to medical care', () => {
  it('reads how people under control may seek care as medical', () => {
    expect(cats('隔离期间不得自行外出就医。')).toContain('medical')
    expect(cats('居家隔离人员就医需提前联系社区。')).toEqual(['medical'])
  })
  it('reads clinics opened as medical', () => {
    expect(cats('区人民医院开设发热患者随访门诊。')).toEqual(['medical'])
  })
})

describe('announcements of an adjustment', () => {
  it('skips the lead that announces an adjustment detailed after it', () => {
    expect(cats('5日起调整佩戴口罩的措施，室外不再要求佩戴口罩。').length).toBe(1)
    expect(measures('5日起调整佩戴口罩的措施，室外不再要求佩戴口罩。')[0].text).toBe('室外不再要求佩戴口罩')
  })
})
