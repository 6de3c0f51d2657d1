import { describe, expect, it } from 'vitest'
import { run, shadow } from './helpers'
import { extractMeasures } from '../../../src-main/node/extract/measures/extract-measures'
import { extractParams } from '../../../src-main/node/extract/measures/params'
import type { Measure } from '../../../src-main/common/record'

const measures = (text: string): Measure[] => extractMeasures(text, shadow(text))
const cats = (text: string): string[] => measures(text).map((m) => m.category)
const find = (ms: Measure[], cat: string): Measure => {
  const m = ms.find((x) => x.category === cat)
  if (!m) throw new Error(`no ${cat} in ${JSON.stringify(ms.map((x) => x.category))}`)
  return m
}

describe('categories', () => {
  it.each([
    ['全市开展第三轮全员核酸检测。', 'testing'],
    ['进入公共场所须扫场所码、查验健康码。', 'health_code'],
    ['对密切接触者实施14天集中隔离医学观察。', 'quarantine'],
    ['返乡人员须进行7天居家健康监测。', 'health_monitoring'],
    ['对以下区域实行封控区管理。', 'lockdown_zones'],
    ['婚事缓办、丧事简办、宴会不办。', 'gatherings'],
    ['公共场所全程佩戴口罩。', 'masks'],
    ['进口冷链食品实行全链条追溯管理。', 'cold_chain'],
    ['KTV、网吧、棋牌室暂停营业。', 'venues'],
    ['全市中小学暂停线下教学，改为线上教学。', 'schools'],
    ['60岁以上老年人尽快接种加强针。', 'vaccination'],
    ['公交、地铁暂停运营。', 'transport'],
    ['来返人员须提前3天向社区报备。', 'travel_reporting'],
    ['药店销售退热药品须实名登记。', 'medical'],
    ['超市保供企业确保生活必需品供应充足。', 'supplies'],
    ['对拒不配合的依法追究法律责任。', 'other'],
    ['入境人员实行7+3隔离管控措施。', 'quarantine'],
    ['入境人員實行“14+7”健康管理。', 'quarantine']
  ])('%s → %s', (text, cat) => {
    expect(cats(text)).toContain(cat)
  })

  it('finds several measures in one sentence', () => {
    const c = cats('请市民戴口罩、不聚集、进入公共场所主动扫码。')
    expect(c).toEqual(expect.arrayContaining(['masks', 'gatherings', 'health_code']))
  })

  it('skips a headline that restates the body, but not a one-line text', () => {
    const text = '两地调整为高风险，全员核酸\n全市开展全员核酸检测。'
    const ms = measures(text)
    expect(ms.map((m) => m.category)).toEqual(['testing'])
    expect(ms[0].start).toBeGreaterThan(text.indexOf('\n'))
    expect(cats('两地调整为高风险')).toEqual(['lockdown_zones'])
  })

  it('ignores case statistics, questions and citations', () => {
    expect(measures('当日新增确诊病例4例，无症状感染者10例。')).toEqual([])
    expect(measures('居家隔离可以出门吗？')).toEqual([])
  })
})

describe('levels, lifting and targets', () => {
  it('scales quarantine by place and days', () => {
    expect(find(measures('实施14天集中隔离。'), 'quarantine').level).toBe(4)
    expect(find(measures('实施7天集中隔离。'), 'quarantine').level).toBe(3)
    expect(find(measures('实施7天居家隔离。'), 'quarantine').level).toBe(1)
  })
  it('scales gatherings by head-count', () => {
    expect(find(measures('聚餐不超过10人。'), 'gatherings').level).toBe(4)
    expect(find(measures('聚集性活动控制在50人以内。'), 'gatherings').level).toBe(3)
  })
  it('takes the resulting zone of a downgrade and marks it lifted', () => {
    const m = find(measures('以下区域由封控区降为管控区：'), 'lockdown_zones')
    expect(m.level).toBe(2)
    expect(m.lifted).toBe(true)
    expect(find(measures('对以下区域实行封控区管理。'), 'lockdown_zones').lifted).toBe(false)
  })
  it('keeps a relaxed mask rule with lifted set', () => {
    const m = find(measures('明日起户外不再要求佩戴口罩。'), 'masks')
    expect(m.lifted).toBe(true)
  })
  it('names the target group', () => {
    expect(find(measures('对密切接触者实施14天集中隔离。'), 'quarantine').target).toBe('密接')
    expect(find(measures('入境人员实施集中隔离。'), 'quarantine').target).toBe('入境人员')
  })
  it('counts a measure stated twice once, at the stricter reading', () => {
    const ms = measures('全市开展全员核酸检测。\n请市民配合全员核酸检测。')
    expect(ms.filter((m) => m.category === 'testing')).toHaveLength(1)
  })
})

describe('evidence spans', () => {
  it('are short clause pieces whose offsets index the original text', () => {
    const text = '一、严格防控。<br>公共场所须全程佩戴口罩、不聚集。'
    const ms = run(text).measures
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(find(ms, 'masks').text).toBe('公共场所须全程佩戴口罩')
  })
  it('work on traditional text through the shadow', () => {
    const text = '對以下區域實行封控區管理，區域內人員足不出戶。'
    const ms = measures(text)
    expect(ms.length).toBeGreaterThan(0)
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(find(ms, 'lockdown_zones').text).toBe('對以下區域實行封控區管理')
  })
  it('survive mojibake next to the measure', () => {
    const text = '冷鏈?zhǔn称檢測，進入商場須出示健康碼。'
    const m = find(measures(text), 'health_code')
    expect(text.slice(m.start, m.end)).toBe(m.text)
  })
})

describe('params', () => {
  it.each([
    ['14天集中隔离', 'quarantine', { days: 14 }],
    ['48小时内核酸阴性证明', 'testing', { hours: 48 }],
    ['50人以上聚集', 'gatherings', { people: 50 }],
    ['三天三检', 'testing', { times: 3, per_days: 3 }],
    ['第三轮全员核酸', 'testing', { rounds: 3 }],
    ['开展新一轮全员核酸检测', 'testing', {}],
    ['启动三轮全员核酸检测', 'testing', { rounds: 3 }],
    ['间隔1米以上', 'gatherings', { meters: 1 }],
    ['限流75%', 'venues', { percent: 75 }],
    ['60岁以上老年人', 'vaccination', { min_age: 60 }],
    ['3至11岁儿童', 'vaccination', { min_age: 3, max_age: 11 }],
    ['隔离期满6个月', 'other', { months: 6 }],
    ['实行“14+7”健康管理', 'quarantine', { formula: '14+7' }],
    ['7天集中隔离医学观察+7天居家健康监测', 'quarantine', { formula: '7+7' }],
    ['每2天1人外出采购', 'supplies', { per_days: 2, people: 1 }],
    ['早晚各一次测温', 'health_monitoring', { times: 2, per_days: 1 }],
    ['每天1~2次监测', 'health_monitoring', {}],
    ['十四天居家隔离', 'quarantine', { days: 14 }]
  ])('%s', (span, cat, want) => {
    expect(extractParams(span, cat)).toEqual(want)
  })
  it('prefers the number next to the measure words', () => {
    const s = '对7日内有低风险区旅居史的人员实施3天日常健康监测'
    expect(extractParams(s, 'health_monitoring', s.indexOf('健康监测')).days).toBe(3)
  })
})

describe('junk lines', () => {
  it('drops short navigation and spam lines but not a paragraph quoting a URL', () => {
    expect(cats('首页 > 新闻中心 > 全市开展全员核酸检测')).toEqual([])
    expect(cats('五月天丁香色婷婷 戴口罩')).toEqual([])
    const para = '详情见 http://example.org/notice 。' + '全市开展全员核酸检测，请市民配合。'.repeat(8)
    expect(cats(para)).toContain('testing')
  })
})

describe('restatements, headings and narrative', () => {
  it('counts vaccination coverage figures as one measure, but keeps a goal to raise coverage', () => {
    const ms = measures('全县3至11岁人群第一剂接种率达到96.09%，完成全程接种人数占该人群常住人口比例超过90%。18岁以上人群接种率95.76%，总接种覆盖率93.33%。下一步将着重提高60岁以上人群接种率。')
    const v = ms.filter((m) => m.category === 'vaccination')
    expect(v).toHaveLength(2)
    expect(v[0].text).toContain('96.09%')
    expect(v[1].text).toContain('提高60岁以上人群接种率')
  })

  it('skips numbered section headings and news sub-headlines that the paragraph below restates', () => {
    const text = '温馨提示\n\n一、配合做好闭环转运\n\n我市在火车站设立转运专班，负责来返人员闭环转运工作。\n\n某区两公园临时闭园\n多个场所暂停服务\n\n据消息，某公园今日起临时闭园，多个服务中心均已暂停服务。'
    const ms = measures(text)
    for (const m of ms) expect(m.start).toBeGreaterThan(text.indexOf('我市'))
    expect(ms.map((m) => m.category)).toEqual(expect.arrayContaining(['transport', 'venues']))
    // A short line whose measure the paragraph below does not restate keeps it.
    expect(cats('某镇继续一日一检\n\n某区将于10月26日开展全区全员核酸筛查，请居民按时参加。')).toEqual(['testing', 'testing'])
    // A list item followed by the next item is a measure, not a heading.
    expect(cats('一、暂停宗教绕境活动\n二、暂停所有线下培训，恢复时间视疫情另行研究确定。')).toContain('venues')    // A short numbered item that ends its sentence is a measure too.
    expect(cats('某市疫情防控指挥部通告\n一、暂停堂食。\n二、关闭网吧。')).toEqual(['venues', 'venues'])
  })

  it('skips a bracketed news lede and keeps the body that states the measure', () => {
    const text = '【某市发布通告：市民群众非必要不离开本市】据官方消息，某市发布通告。广大市民群众非必要不离开本市。'
    const ms = measures(text).filter((m) => m.category === 'transport')
    expect(ms).toHaveLength(1)
    expect(ms[0].start).toBeGreaterThan(text.indexOf('】'))
  })

  it('takes an appeal to accept listed measures as one measure over the whole clause', () => {
    const ms = measures('在本市期间，请您服从安排，自觉接受流行病学调查、核酸检测、隔离等防控措施。')
    expect(ms).toHaveLength(1)
    expect(ms[0].category).toBe('other')
    expect(ms[0].text).toBe('自觉接受流行病学调查、核酸检测、隔离等防控措施')
    // A list the clause itself orders keeps its items.
    expect(cats('各经营单位要严格落实扫码、测温以及清洁消毒等措施。')).toEqual(expect.arrayContaining(['health_code', 'health_monitoring', 'other']))
  })

  it('keeps a quoted slogan as one measure and widens a measure over its 期间 clause', () => {
    expect(cats('部分区域转为中风险地区，实施「足不出戶，錯峰取物」。')).not.toContain('supplies')
    const ms = measures('高风险区实行封控管理，期间“足不出户、服务上门”。')
    expect(ms).toHaveLength(1)
    expect(ms[0].text).toBe('高风险区实行封控管理，期间“足不出户、服务上门”')
  })

  it('does not end a clause at a mojibake question mark', () => {
    const ms = measures('要抓紧抓牢冷鏈?zhǔn)称進入、運輸、存儲等全鏈條疫情防控。')
    expect(ms.filter((m) => m.category === 'cold_chain')).toHaveLength(1)
    expect(measures('可以出门吗?')).toEqual([])
  })

  it('ignores rhetoric, purposes, conditions, trends and inspection narrative', () => {
    expect(measures('要时刻绷紧进口冷链防控这根弦。')).toEqual([])
    expect(measures('当前进口冷链食品是疫情防控的风险点和关键防线。')).toEqual([])
    expect(measures('国庆期间人员流动性和聚集性活动增加。')).toEqual([])
    expect(measures('副市长一行仔细询问冷链食品进货、检验、储存等情况。')).toEqual([])
    expect(cats('在通过机场、火车站等交通卡口时，可以简化人工核验。')).not.toContain('transport')
    const t = measures('核酸检测是疫情防控的重要手段之一，开展全员核酸检测，有利于早发现、早隔离感染者。')
    expect(t).toEqual([])
  })

  it('ignores team names, lookup services, issuing logistics and conditions inside a clause', () => {
    expect(cats('明确了专家组、流调组、消杀组、后勤保障组的成员及责任。')).not.toContain('other')
    expect(measures('风险地区由疾控中心发布，并可在“健康宝”小程序中实时查询风险地区名单。')).toEqual([])
    expect(cats('上述人员需持证出入，出入证由所在社区开具。')).toEqual(['transport'])
    expect(measures('14天后如无症状可解除隔离。')).toEqual([])
  })

  it('keeps a zone designation that counts its areas, and a business closure', () => {
    expect(cats('一、划定以下区域为新增高风险区（4个）\n1、某乡12村4组')).toContain('lockdown_zones')
    expect(measures('目前全市现有封控区（12个）')).toEqual([])
    expect(cats('企事业单位停止运营。')).toContain('venues')
  })

  it('skips an inline label its paragraph restates, epidemic descriptions and bare subjects', () => {
    const text = '- 常态化核酸检测：在全省范围内合理布局采样点，推进常态化核酸检测工作。'
    const ms = measures(text)
    expect(ms.map((m) => m.text)).toEqual(['推进常态化核酸检测工作'])
    expect(measures('国内本土疫情呈现多点散发、局部聚集的态势。')).toEqual([])
    expect(measures('对低风险区人员，')).toEqual([])
    expect(measures('部分小区实行封闭管理，但并未全面封控。').map((m) => m.text)).toEqual(['部分小区实行封闭管理'])
    expect(measures('企业可以在线申报和办理各类业务，加强人才储备。')).toEqual([])
  })

  it('skips reported speech and narrative appraisal, but keeps an order relayed after a colon', () => {
    expect(measures('组织居民到场核酸检测。“阿姨，口罩往上戴一下，鼻子不要外露。”志愿者提醒道。').map((m) => m.category)).toEqual(['testing'])
    expect(measures('疫苗是阻断传播的有效武器。现有中高风险区已全部清零。')).toEqual([])
    expect(cats('他表示：“全市所有公共场所须全程佩戴口罩。”')).toContain('masks')
  })
})
