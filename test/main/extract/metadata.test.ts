import { describe, expect, it } from 'vitest'
import { run, shadow } from './helpers'
import { extractDate } from '../../../src-main/node/extract/meta/date'
import { extractDocNumber } from '../../../src-main/node/extract/meta/docnumber'
import { classifyDocType } from '../../../src-main/node/extract/meta/doctype'

const NOTICE = [
  '首页 > 政务公开 > 通知公告',
  '株洲市新冠肺炎疫情防控指挥部关于进一步加强返乡人员管理的通告',
  '株疫防指告〔2022〕14号',
  '为做好春节期间疫情防控工作，现将有关事项通告如下：',
  '一、来株返株人员须提前3天向社区报备。',
  '二、暂停举办庙会、灯会等大型活动。',
  '株洲市新冠肺炎疫情防控指挥部',
  '2022年1月18日'
].join('\n')

describe('metadata of a notice', () => {
  const f = run(NOTICE)
  it('skips the breadcrumb and takes the heading as title', () => {
    expect(f.title).toBe('株洲市新冠肺炎疫情防控指挥部关于进一步加强返乡人员管理的通告')
  })
  it('classifies it as a 通告', () => {
    expect(f.docType).toBe('notice')
    expect(f.docTypeDetail).toBe('通告')
  })
  it('finds issuer, number and signature date', () => {
    expect(f.issuer).toBe('株洲市新冠肺炎疫情防控指挥部')
    expect(f.docNumber).toBe('株疫防指告〔2022〕14号')
    expect(f.date).toBe('2022-01-18')
  })
  it('locates the region from the issuer and the 来株 phrase', () => {
    expect(f.regions.map((r) => r.name)).toContain('株洲市')
  })
})

describe('traditional script with HTML remains', () => {
  const text = '<p>臺中市政府關於加強防疫措施的公告</p>\n臺中市政府\n中華民國110年5月20日\n一、室內外均應配戴口罩。?/p>'
  const f = run(text)
  it('reads the Minguo date', () => expect(f.date).toBe('2021-05-20'))
  it('returns the issuer in simplified script', () => expect(f.issuer).toBe('台中市政府'))
  it('is a notice (公告)', () => expect(f.docType).toBe('notice'))
})

describe('docNumber', () => {
  const cases: [string, string | null][] = [
    ['关于调整风险区的通告\n(2022年69号)\n正文', '2022年69号'],
    ['通告（第34号）', '第34号'],
    ['合防〔2022〕36號', '合防〔2022〕36號'],
    ['京政发[2021]7号 关于', '京政发[2021]7号'],
    ['晋卫发【2021】12号', '晋卫发【2021】12号'],
    ['关于划定疫情风险区域的通告（七十）', '七十'],
    ['根据《关于做好防控工作的通知》(国办发明电〔2021〕14号)要求', null],
    // Numbers in a heading before the kind word or an order, and Chinese numerals in brackets.
    ['某市突发疫情应急处置第5号通告\n正文', '第5号'],
    ['某县人民政府令\n（第三号）\n正文', '第三号'],
    ['据报道，某市指挥部发布第44号通告，全市暂停堂食。', null],
    // Taiwan and Macau forms; an earlier number the text refers to (原…函, 有关…公告) is not this one's.
    ['某县卫生局111年5月6日中县卫疾字第1110012345号公告', '中县卫疾字第1110012345号'],
    ['原今年1月9日肺中指字第1103700964号函所订规定停止适用。', null],
    ['依照第119/2022号行政长官批示', '第119/2022号'],
    ['第2/2004号法律《传染病防治法》规定', null]
  ]
  it.each(cases)('%s', (text, want) => {
    expect(extractDocNumber(text, shadow(text))).toBe(want)
  })
})

describe('date', () => {
  const cases: [string, string | null][] = [
    ['正文\n二〇二二年三月十九日', '2022-03-19'],
    ['2022-03-19 10:20:11 来源：某某发布', '2022-03-19'],
    ['发布时间：2022.3.19', '2022-03-19'],
    ['自2022年4月20日12时起解除封控', null],
    ['2025年 05月 30日 星期五\n正文', null],
    ['更新时间：2022-11-23 11:45:47', null],
    ['中新网12月3日电 自2021年12月2日24时起实行管控', '2021-12-03'],
    ['3月19日电 正文没有年份', null],
    ['新华社3月19日电 2021年和2022年的对比', null],
    ['社区志愿者协助核酸采样 记者 张三 10月6日\n2022年10月5曰上午开始采样', '2022-10-06'],
    ['正文第一行\n正文第二行\n正文第三行\n第四行才出现 10月6日\n2022年10月5日开始采样', null],
    // The document number's year dates a signature written without one.
    ['某市疫情防控指挥部通告\n2022年第5号\n全市暂停堂食。\n某市疫情防控指挥部\n3月18日', '2022-03-18'],
    ['某疫指发〔2021〕12号\n全市暂停堂食。\n某市疫情防控指挥部\n12月2日', '2021-12-02'],
    ['某市疫情防控指挥部通告\n全市暂停堂食。\n某市疫情防控指挥部\n3月18日', null]
  ]
  it.each(cases)('%s', (text, want) => {
    expect(extractDate(shadow(text))).toBe(want)
  })

  it.each([
    // A labelled stamp holds beside a view counter; an unlabelled counter line does not.
    ['标题\n发布时间：2022-05-06 09:10:11 浏览次数：321\n正文', '2022-05-06'],
    ['标题\n2022/5/6 09:10:11 点击：321\n正文', null],
    // Crawl-day headers: the weekday on the next line, or 今天是….
    ['2025年06月01日\n星期日\n标题\n发布日期：2022-05-06', '2022-05-06'],
    ['今天是2025年6月1日，欢迎访问本站\n标题\n正文', null],
    // A Minguo date glued to the issuing body before the document number is the issue date.
    ['某县卫生局111年5月6日某卫字第1110001号公告\n有关110年3月1日之规定停止适用。', '2022-05-06'],
    // A month-day glued to the issuer takes the year of the text's other dates.
    ['某市疫情防控指挥部5月6日发布通告，自2022年5月7日起全市暂停堂食。', '2022-05-06'],
    // The publishing site's name after a bare date marks a publication stamp.
    ['标题\n2022-05-06 某某网\n正文', '2022-05-06']
  ])('%s', (text, want) => {
    expect(extractDate(shadow(text))).toBe(want)
  })

  it('takes an unlabelled date-time stamp for an article, not for a reposted notice', () => {
    const text = '标题\n2022-05-06 09:10\n正文'
    expect(extractDate(shadow(text))).toBe('2022-05-06')
    expect(extractDate(shadow(text), { minScore: 5, notice: true })).toBeNull()
  })
})

describe('doc type', () => {
  it.each([
    ['某镇疫情防控工作汇报', '一、工作开展情况', 'report'],
    ['居家隔离可以出门吗？', '答：不可以。', 'guide'],
    ['致全市人民的一封信', '亲爱的市民朋友们：', 'other'],
    ['多地调整防疫措施', '本报讯（记者 张三）3月2日，记者从市卫健委获悉', 'news'],
    ['关于开展全员核酸检测的通知', '现将有关事项通知如下：', 'notice']
  ])('%s → %s', (title, body, want) => {
    expect(classifyDocType(title, title + '\n' + body).docType).toBe(want)
  })

  it.each([
    ['关于我县疫情防控工作情况的报告', '报告'],
    ['某镇疫情防控工作汇报', '工作汇报'],
    ['关于商请协助做好返乡人员排查的函', '函'],
    ['关于同意设立临时隔离点的批复', '批复'],
    // Taiwan script writes 批覆, which the simplified shadow keeps.
    ['關於同意設立臨時隔離點的批覆', '批复']
  ])('%s → detail %s', (title, want) => {
    expect(classifyDocType(title, `${title}\n现将有关事项说明如下。`).docTypeDetail).toBe(want)
  })

  it.each([
    // Explainer titles and content-farm explainer formulas are guides.
    ['核酸混检异常是什么意思', '很多人收到短信后不知所措。', 'guide'],
    ['密接的密接怎么办', '下面小编为大家带来详细介绍，感兴趣的朋友一起来看看吧。', 'guide'],
    ['青山县何时恢复堂食', '什么是常态化防控？常态化防控就是……', 'guide'],
    // A headline reporting that a notice was issued, or a lead relaying it, stays news.
    ['两区发布全员核酸检测通知！', '请辖区居民按时到指定地点检测，须全程佩戴口罩。', 'news'],
    ['青山县疫情防控最新消息', '自3月5日起，全县暂停堂食。请市民减少外出。', 'news'],
    ['青山县调整防控措施', '今日，青山县疫情防控指挥部发布通告，全县恢复堂食。\n现将有关事项通告如下：\n一、恢复堂食。', 'news'],
    ['防控指挥中心调整隔离规定', '指挥中心今(12)日表示，密切接触者隔离天数缩短为7天。', 'news'],
    // A headline announcing that something came out, and a periodical's issue line, are journalism;
    // the issuing body's own 关于发布… stays a notice.
    ['重要调整！第十版诊疗方案发布', '隔离时间缩短，入境人员管理方式优化，总结了前期经验。', 'news'],
    ['关于发布第十版防控方案的通知', '现将方案印发给你们，请认真贯彻执行。', 'notice'],
    // A story that reports what a notice says (通告指出) relays it.
    ['某区延长管控措施', '16日晚，某区发布通告指出，区内管控措施延续至19日。', 'news'],
    ['某省疫情防控观察', '某某周刊 2022年第8期\n今年春天，某省的基层防控迎来新的考验。', 'news'],
    // A headless notice: a reminder addressed to readers, a CMS kind line, or many directives.
    ['近期疫情形势严峻', '市疾控中心提醒广大市民朋友：\n请减少外出。', 'notice'],
    ['青山县实行临时管控', '公告\n为阻断传播，全县实行临时管控。', 'notice'],
    ['返乡人员管理事项（二）', '二、返乡人员须提前报备，不得隐瞒行程。\n三、一律查验健康码，请配合，务必戴口罩。', 'notice'],
    // Meetings and vaccination progress are work reports even when a paper carries them.
    ['青山县召开防控工作会', '本报讯 3月2日，青山县召开《防控方案》专题培训暨疫情防控工作会，会议要求压实责任。', 'report'],
    ['青山县60岁以上人群接种率达到95%', '青山新闻网讯 截至昨日，全县累计接种12万剂次。', 'report']
  ])('%s → %s', (title, body, want) => {
    expect(classifyDocType(title, title + '\n' + body).docType).toBe(want)
  })

  it('takes the kind of a headless notice from its body (现就有关事宜通告如下)', () => {
    const title = '近期境外疫情持续扩散蔓延，国内多地相继发生本土疫情'
    expect(classifyDocType(title, `${title}，现就有关事宜通告如下：\n一、暂停堂食。`)).toEqual({ docType: 'notice', docTypeDetail: '通告' })
  })
})

describe('issuer', () => {
  const issuer = (text: string): string | null => run(text).issuer
  it('reads a body named in news prose', () => {
    expect(issuer('本报讯 3月2日，某某县新冠肺炎疫情防控指挥部发布通告，全县暂停堂食。')).toBe('某某县新冠肺炎疫情防控指挥部')
    expect(issuer('新华网消息,梧州市卫生健康委员会表示,将加强核酸检测。')).toBe('梧州市卫生健康委员会')
  })
  it('reads the body on a source line of a work report', () => {
    expect(issuer('社区开展核酸检测\n2022-01-04 来源:城南街道幸福社区\n正文')).toBe('城南街道幸福社区')
  })
  it('rejects prose fragments', () => {
    expect(issuer('一是严格按照指挥部要求开展排查。')).toBeNull()
    expect(issuer('市民朋友要按照社区要求开展排查。')).toBeNull()
  })
  it('keeps an unqualified body as written, completed with the place of its level the text names', () => {
    expect(issuer('区疫情防控领导小组决定开展核酸检测。')).toBe('区疫情防控领导小组')
    expect(issuer('石家庄市通告：为阻断传播，市疫情防控指挥部决定全市开展核酸检测。')).toBe('石家庄市疫情防控指挥部')
    expect(issuer('近期疫情形势严峻，县卫健局提醒：请减少外出。邢台市广宗县全县暂停堂食。')).toBe('广宗县卫健局')
  })
  it('reads 2020 official names that contain 的, abbreviations, and the 经…研究决定 cue', () => {
    expect(issuer('经某某市新型冠状病毒感染的肺炎疫情防控指挥部研究决定，全市公共交通暂停运营。')).toBe('某某市新型冠状病毒感染的肺炎疫情防控指挥部')
    expect(issuer('近日，青山区疾控再次提醒广大市民：请减少外出。')).toBe('青山区疾控')
  })
  it('reads a Taiwan city bureau in traditional script', () => {
    expect(issuer('臺中市政府衛生局表示，即日起室內須全程配戴口罩。')).toBe('台中市政府卫生局')
  })
  it('converts a traditional name to simplified script', () => {
    expect(issuer('記者從某某縣衛生健康局獲悉，接種工作順利。')).toBe('某某县卫生健康局')
  })
  it('keeps place names that contain prose characters (和田, 西和县, 镇江市)', () => {
    const signed = (body: string): string => `关于做好疫情防控工作的通告\n一、全域暂停堂食。\n${body}\n2022年4月2日`
    expect(issuer(signed('和田地区新冠肺炎疫情防控指挥部'))).toBe('和田地区新冠肺炎疫情防控指挥部')
    expect(issuer(signed('西和县人民政府'))).toBe('西和县人民政府')
    expect(issuer(signed('镇江市卫生健康委员会'))).toBe('镇江市卫生健康委员会')
  })
})

describe('whole documents in other scripts and places', () => {
  it('reads a Hong Kong press release wrapped in markup', () => {
    const f = run('<div>香港特區政府新聞公報</div>\n政府今日宣布，所有食肆晚上六時後暫停堂食，羣組聚集上限為兩人。\n2022年3月2日')
    expect(f.title).toBe('香港特區政府新聞公報')
    expect(f.docType).toBe('notice')
    expect(f.regions.map((r) => r.name)).toEqual(['香港特别行政区'])
    const g = f.measures.find((m) => m.category === 'gatherings')
    expect(g?.params.people).toBe(2)
    expect(g?.level).toBe(4)
  })
  it('keeps a measure a report quotes from a meeting', () => {
    const f = run('延边州召开疫情防控工作会议\n本报讯 3月10日，延边州召开调度会，会议要求各县市严格落实“三天三检”。')
    expect(f.regions.map((r) => r.name)).toContain('延边朝鲜族自治州')
    expect(f.measures.find((m) => m.category === 'testing')?.level).toBe(4)
  })
})

describe('title fallback', () => {
  it('uses the first sentence when the text has no heading, and keeps its measures', () => {
    const body = '当前疫情防控形势严峻复杂，请广大市民减少外出。请广大市民要主动进行自我健康监测，就医途中全程佩戴口罩。'
    const f = run(body + '\n' + body.replace('当前', '目前'))
    expect(f.title).toBe('当前疫情防控形势严峻复杂，请广大市民减少外出')
    expect(f.measures.map((m) => m.category)).toEqual(expect.arrayContaining(['health_monitoring', 'masks']))
  })
})

describe('title: lines that are never titles', () => {
  it('skips reprint credits, bylines, hotlines and bare dates, and drops a news dateline', () => {
    const f = run('本文轉自：某某網\n某某網長春3月19日電 （記者 王某）今天，某省召開疫情防控新聞發布會，通報最新進展。\n各地嚴格落實核酸檢測。\n報料熱線：0431-88888888 郵箱：tips@example.com\n2022-03-19')
    expect(f.title).toBe('今天，某省召開疫情防控新聞發布會，通報最新進展')
  })
  it('never takes a numbered sub-heading or a closing line for a report part', () => {
    const f = run('今年以来，我局认真贯彻落实上级关于疫情防控工作的部署要求，扎实推进各项工作，取得了阶段性成效，现将有关情况汇报如下：\n一、加强领导，明确工作职责。\n成立了以局长为组长的领导小组。\n二、多措并举，加强日常管理。\n我的汇报完毕，谢谢！')
    expect(f.title).not.toMatch(/^一、|谢谢/)
    expect(f.title).toMatch(/^今年以来/)
  })
  it('skips a page’s field labels (栏目, 版次, 频道): a column named 最新通告 does not make a news brief a notice', () => {
    const f = run('某某晚报讯 昨日，某市某区发布通告称，区内封控措施延续至本月20日。\n区内封控措施延长\n栏目：最新通告\n版次：A05\n频道：本地新闻')
    expect(f.title).toBe('区内封控措施延长')
    expect(f.docType).toBe('news')
  })
  it('skips a caption repeated through the page and a parenthesised editorial note', () => {
    const cap = (n: number): string => `某区解封最新时间公告（某区重要通告）（${n}）`
    const f = run(`（以下为原通告）\n${cap(1)}\n某区昨日新增病例情况\n${cap(2)}\n某区将于10月25日开展全区核酸筛查。\n${cap(3)}`)
    expect(f.title).toBe('某区昨日新增病例情况')
  })
})

describe('issuer and number forms of signatures, bylines and orders', () => {
  it('reads the issuer of a signature line with its date glued on', () => {
    const f = run('关于暂停堂食的通告\n全市暂停堂食，各区严格落实。\n九江市疫情防控指挥部2022年3月5日')
    expect(f.issuer).toBe('九江市疫情防控指挥部')
    expect(f.date).toBe('2022-03-05')
  })
  it('leaves a byline out of the issuer named after it', () => {
    const f = run('九江日报讯（记者 张三）九江市疫情防控指挥部昨日发布通告，全市暂停堂食。各区已落实。')
    expect(f.issuer).toBe('九江市疫情防控指挥部')
  })
  it('reads the number and issuer of a government order', () => {
    const f = run('九江市人民政府令第12号\n全市暂停堂食，各区严格落实。')
    expect(f.docNumber).toBe('第12号')
    expect(f.issuer).toBe('九江市人民政府')
    expect(extractDocNumber('九江市人民政府令\n第十二号', shadow('九江市人民政府令\n第十二号'))).toBe('第十二号')
    // An order cited in prose is not the text's number.
    const cited = '根据九江市人民政府令第3号规定，全市暂停堂食。'
    expect(extractDocNumber(cited, shadow(cited))).toBeNull()
  })
  it('reads a Taiwan ministry heading its notice with its issue date', () => {
    const f = run('教育部111年3月2日臺教字第1110012345號公告\n各級學校室內應全程佩戴口罩。')
    expect(f.issuer).toBe('教育部')
  })
  it('reads a hospital or institute signing its visiting rules on a line of its own', () => {
    const f = run('关于调整住院患者探视管理的通知\n住院患者暂停探视。\n九江市第一人民医院\n2022年3月5日')
    expect(f.issuer).toBe('九江市第一人民医院')
    // In prose a hospital is a place of care, not an issuer.
    expect(run('关于调整探视管理的通知\n患者可到九江市第一人民医院要求复查。').issuer).toBeNull()
  })
})
