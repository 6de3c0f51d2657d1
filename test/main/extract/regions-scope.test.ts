// Region scope rules, each on sentences written for the test: names read inside longer names,
// enumerations that share one origin or statistics context, places that are left, visited or
// neighbouring, outbreaks and case counts, abbreviations, repeated bare names and non-place uses.
import { describe, expect, it } from 'vitest'
import { shadow } from './helpers'
import { detectRegions } from '../../../src-main/node/extract/regions/detect'

const regions = (text: string): string[] => detectRegions(shadow(text), null).map((r) => r.name)

describe('names inside names', () => {
  it('reads a district name that starts inside a weak short name', () => {
    const r = regions('哈尔滨市指挥部经研究决定南岗区、道里区今日开展核酸检测。')
    expect(r).toContain('南岗区')
    expect(r).not.toContain('定南县')
  })
  it('knows the abbreviated names of banners', () => {
    expect(regions('呼和浩特市新城区和土左旗实行三天两检。')).toContain('土默特左旗')
  })
  it('does not take a community, a zone or a road for the district it is named after', () => {
    expect(regions('志愿者在龙岗社区值守。龙岗社区设了三个采样点。龙岗社区居民有序排队。')).toEqual([])
    expect(regions('武汉市东湖高新区今日开展全员核酸检测。')).not.toContain('东湖区')
    expect(regions('西安市雁塔区将长安南路以西的小区划为封控区。')).not.toContain('长安区')
    expect(regions('西安市雁塔区封控区域包括：紫郡长安北区、曲江南区。')).not.toContain('长安区')
  })
})

describe('lists share their context', () => {
  it('spreads statistics over names run together without separators', () => {
    const r = regions('来自湖州市嘉兴市绍兴市的人员须报备。来自湖州市嘉兴市绍兴市的车辆须登记。杭州市全市开展核酸检测，杭州市各区落实。')
    expect(r).toEqual(['杭州市'])
  })
  it('spreads an origin over list items separated by commas and qualifier chains', () => {
    const text = '对有湖北省武汉市青山区，云南省临沧市镇康县旅居史的人员开展核酸检测。'
    expect(regions(text + text + '银川市全市落实，银川市各区配合。')).toEqual(['银川市'])
  })
})

describe('a place acting on travellers is not their origin', () => {
  it('keeps a place that is the subject of a rule on arrivals', () => {
    expect(regions('贵阳市将对入境人员实行集中隔离，全市各区县严格落实。')).toEqual(['贵阳市'])
    expect(regions('贵阳市疫情防控指挥部通告：来筑返筑人员须提前报备。')).toEqual(['贵阳市'])
    expect(regions('贵阳市决定：对来自省外的人员查验核酸阴性证明。')).toEqual(['贵阳市'])
  })
  it('reads 从 and 有 as origin cues only right before the name', () => {
    expect(regions('从即日起贵阳市各类公共场所须查验健康码。')).toEqual(['贵阳市'])
    expect(regions('对从遵义市返回的人员和有遵义市旅居史的人员实行居家观察。贵阳市全市落实，贵阳市各区配合。')).toEqual(['贵阳市'])
    expect(regions('对有遵义市、安顺市接触史的人员实行居家观察。贵阳市全市落实，贵阳市各区配合。')).toEqual(['贵阳市'])
  })
  it('reads 涉及 as an origin cue only after a travel history', () => {
    expect(regions('本次临时管控涉及七里河区、西固区，居民足不出户。')).toEqual(['七里河区', '西固区'])
    expect(regions('行程涉及七里河区的人员须报备。安宁区全区落实，安宁区各街道配合。')).toEqual(['安宁区'])
  })
  it('reads 从…获悉 as the source of news, even before a qualifier chain', () => {
    expect(regions('记者从贵州省贵阳市疫情防控指挥部获悉，全市暂停堂食。')).toEqual(['贵阳市'])
  })
  it('does not take a border post (出入境) for an arrival', () => {
    expect(regions('贵阳市出入境边防检查站要求旅客全程佩戴口罩。')).toEqual(['贵阳市'])
  })
  it('stops every clause window at ASCII punctuation too', () => {
    expect(regions('贵阳市暂停堂食,入境人员实行集中隔离。')).toEqual(['贵阳市'])
  })
  it('still reads a place right before a travel cue as the origin', () => {
    expect(regions('遵义市来筑人员须报备，安顺市返回人员须检测。贵阳市全市落实，贵阳市各区配合。')).toEqual(['贵阳市'])
  })
})

describe('statistics and outbreaks', () => {
  it('treats test results and sample counts as statistics', () => {
    expect(regions('成都市通报一名机场员工核酸检测报告阳性结果，成都市另有两人复检呈阳性。德阳市全市开展核酸检测。')).toEqual(['德阳市'])
    expect(regions('资阳市核酸检测已采样3万份，资阳市已检测2万份。德阳市全市开展核酸检测。')).toEqual(['德阳市'])
  })
  it('reads 新增 and 累计 as case counts only with what they count', () => {
    expect(regions('七里河区新增两处疫苗接种点，方便群众就近接种。')).toEqual(['七里河区'])
    expect(regions('七里河区累计接种疫苗12万剂次。')).toEqual(['七里河区'])
    expect(regions('西固区新增3例确诊病例。七里河区全区落实，七里河区各街道配合。')).toEqual(['七里河区'])
    expect(regions('西固区累计报告确诊病例20例。七里河区全区落实，七里河区各街道配合。')).toEqual(['七里河区'])
  })
  it('keeps a rule on positive cases as a rule', () => {
    expect(regions('德阳市对核酸检测阳性的人员一律集中隔离。')).toEqual(['德阳市'])
  })
  it('treats an outbreak named after a place and a case count as statistics', () => {
    expect(regions('受近期在广州市发生的本土疫情影响，佛山市南海区开展全员核酸检测。')).not.toContain('广州市')
    expect(regions('广州市聚集性疫情持续，佛山市南海区开展全员核酸检测。')).not.toContain('广州市')
    expect(regions('新增无症状感染者3例，其中绵阳市2例。德阳市全市开展核酸检测，德阳市各区落实。')).toEqual(['德阳市'])
  })
})

describe('places left, visited or neighbouring', () => {
  it('does not count a place travellers leave, go to or live near', () => {
    expect(regions('离南昌市人员须持48小时核酸阴性证明，离南昌市的人员要报备。九江市全市落实。')).toEqual(['九江市'])
    expect(regions('我市距离南京较近，又毗邻南京。九江市全市落实。')).toEqual(['九江市'])
    expect(regions('我市到长沙出差人员较多，到长沙旅游的也不少。九江市全市落实。')).toEqual(['九江市'])
    expect(regions('请尽量不去武汉，也不要去武汉中转。九江市全市落实。')).toEqual(['九江市'])
  })
  it('keeps a place whose own residents are told not to leave', () => {
    expect(regions('非必要不离开西安市，西安市各区严格落实。')).toEqual(['西安市'])
  })
})

describe('abbreviations and repeated bare names', () => {
  it('reads an abbreviation followed by a parenthesis', () => {
    expect(regions('从外省市返沪(浦东)的，要及时报告。')).toEqual(['上海市'])
  })
  it('reads an ambiguous abbreviation as the autonomous region the text calls itself', () => {
    expect(regions('自治区指挥部要求，返宁人员须主动报备，入宁时查验核酸证明。')).toEqual(['宁夏回族自治区'])
  })
  it('accepts bare sibling district names listed together, not generic ones', () => {
    expect(regions('屯門、元朗居民須接受強制檢測。')).toEqual(['香港特别行政区', '屯门区', '元朗区'])
    expect(regions('城区、郊区居民须参加检测。')).toEqual([])
  })
  it('reads the rare one-character names of more prefectures', () => {
    expect(regions('离廊人员须持48小时核酸阴性证明。')).toEqual(['廊坊市'])
    expect(regions('来遵返遵人员须提前报备。')).toEqual(['遵义市'])
  })
  it('accepts an abbreviation of one reading that the text keeps using, not an ambiguous one', () => {
    const text = '来瑞返瑞人员须提前报备，确需来瑞的须持核酸阴性证明，离瑞人员须经审批。'
    expect(regions(text)).toEqual(['瑞丽市'])
    expect(regions('确需来瑞的须持核酸阴性证明。')).toEqual([])
    expect(regions('来衡返衡人员须提前报备，确需来衡的须持核酸阴性证明，离衡人员须经审批。')).toEqual([])
  })
  it('accepts a bare county name the text keeps repeating', () => {
    expect(regions('瑞丽今日解除部分区域封控。瑞丽主城区恢复通行。瑞丽各口岸继续严格管控。')).toEqual(['瑞丽市'])
    // Named once, and not as the subject of its own measure: not enough.
    expect(regions('一批防疫物资今日运抵瑞丽。')).toEqual([])
  })
})

describe('issuers, facilities and sources', () => {
  it('keeps a city named as the issuing body beside its districts', () => {
    const text = '长沙市疫情防控指挥部决定，芙蓉区、天心区今日开展全员核酸检测，芙蓉区、天心区居民须配合。'
    expect(regions(text)).toEqual(['长沙市', '芙蓉区', '天心区'])
    expect(regions('按长沙市要求，芙蓉区、天心区今日开展全员核酸检测，芙蓉区、天心区居民须配合。')).toEqual(['芙蓉区', '天心区'])
  })
  it('does not take the places in an airport name for regions', () => {
    expect(regions('成都双流国际机场今日起对进港旅客测温。绵阳南郊机场同样测温。德阳市全市落实。')).toEqual(['德阳市'])
  })
  it('does not take a place inside a quoted app or account name for a region', () => {
    expect(regions('市民可通过“健康成都”小程序预约，德阳市全市落实。')).toEqual(['德阳市'])
    expect(regions('“成都市”今日起开展全员核酸检测。')).toEqual(['成都市'])
  })
  it('does not take the body a figure is quoted from for a region', () => {
    const text = '据湖北省卫健委消息，武汉市新增病例2例。综合湖北省卫健委网站报道，'
    expect(regions(text + '武汉市江岸区、江汉区实行封控管理，江岸区、江汉区居民足不出户。')).not.toContain('湖北省')
  })
})

describe('jurisdictions named by how they are used', () => {
  it('puts the SAR government beside the Hong Kong and Macau districts it rules', () => {
    expect(regions('特區政府宣布，荃灣、葵青一帶大廈須強制檢測，葵青區居民亦應檢測。')).toEqual(['香港特别行政区', '荃湾区', '葵青区'])
    expect(regions('台中市、彰化縣今起暫停內用。')).toEqual(['台中市', '彰化县'])
  })
  it('keeps every place that heads its own item in a roundup', () => {
    const text = '多地优化防控措施\n北京：乘坐公交不再查验核酸。北京市各区恢复堂食。北京市民进超市无需扫码。\n上海：乘坐地铁不再查验核酸。\n广州：海珠区解除临时管控区。\n'
    // The label before a district only locates it, as a qualifier does.
    expect(regions(text)).toEqual(['北京市', '上海市', '海珠区'])
    expect(regions('北京市各区恢复堂食。北京市民进超市无需扫码。北京市公交不查核酸。有市民从上海来。')).toEqual(['北京市'])
  })
  it('accepts a two-character county name used as a jurisdiction, not inside a word', () => {
    expect(regions('近日，滑县发布通告，全县暂停堂食。')).toEqual(['滑县'])
    expect(regions('康县：全县中小学暂停线下教学。')).toEqual(['康县'])
    expect(regions('示范县创建工作推进会召开，要求完成县级目标，健康县城建设提速。')).toEqual([])
  })
})

describe('全市 belongs to the city that says it', () => {
  it('keeps a city named earlier in the sentence that addresses the whole city', () => {
    expect(regions('即日起，株洲市全市暂停堂食，芦淞区、荷塘区划定封控区。')).toEqual(['株洲市', '芦淞区', '荷塘区'])
  })
  it('keeps a city named in the title line', () => {
    expect(regions('株洲市关于加强疫情防控的通告\n芦淞区、荷塘区划定封控区。全市暂停堂食。')).toEqual(['株洲市', '芦淞区', '荷塘区'])
  })
  it('does not keep a city named only as the locator of a district whose notice repeats a 全市 order', () => {
    const r = regions('芦淞区疫情防控指挥部通告\n根据株洲市部署，芦淞区各小区实行封闭管理。全市开展核酸检测，芦淞区居民积极参与。')
    expect(r).toEqual(['芦淞区'])
  })
})

describe('outbreak extent and titles that name the issuer', () => {
  it('reads the places an outbreak reaches (疫情涉及, 蔓延) as its extent, not as subjects', () => {
    expect(regions('本轮疫情涉及怀化市、邵阳市。益阳市全市开展核酸检测。')).toEqual(['益阳市'])
    expect(regions('此次疫情已蔓延至怀化市、邵阳市。益阳市全市开展核酸检测。')).toEqual(['益阳市'])
    expect(regions('本次管控涉及赫山区、资阳区，居民足不出户。')).toEqual(['赫山区', '资阳区'])
  })
  it('accepts a two-character county that opens a 关于… title', () => {
    expect(regions('滑县关于暂停堂食的通告\n即日起全县暂停堂食，各乡镇落实。')).toEqual(['滑县'])
  })
})

describe('roundups', () => {
  it('keeps every place that opens its clause with a measure it takes, however often it is named', () => {
    const r = regions('多地调整防控措施。株洲市荷塘区解除临时管控。另外，衡阳市暂停堂食，湘潭市岳塘区开展全员核酸检测。株洲市要求市民减少外出。')
    expect(r).toEqual(['荷塘区', '衡阳市', '岳塘区'])
  })
  it('still drops a place named once in passing', () => {
    expect(regions('株洲市荷塘区解除临时管控，市民可参照衡阳市的做法错峰出行。株洲市要求市民减少外出。')).toEqual(['荷塘区'])
  })
})

describe('clusters and border areas', () => {
  it('reads Taiwan’s 群聚感染 as an outbreak, like 聚集性疫情', () => {
    expect(regions('臺南市安平區一家醫院爆發群聚感染。屏東縣政府宣布加強管制，屏東縣各鄉鎮配合。')).toEqual(['屏东县'])
  })
  it('keeps both districts of a border area (甲区与乙区交界处), but not a neighbour (与甲市接壤的乙市)', () => {
    expect(regions('长沙市开福区与岳麓区交界处的小区实施封控。')).toEqual(['开福区', '岳麓区'])
    expect(regions('与长沙市接壤的湘潭市加强管控。')).toEqual(['湘潭市'])
  })
})

describe('groups named after a place', () => {
  it('does not take a volunteer team or an association for the place it is named after', () => {
    expect(regions('晋中市蓝天志愿服务队协助榆次区开展核酸检测。晋中市蓝天志愿服务队队员维持秩序。')).toEqual(['榆次区'])
    expect(regions('榆次区开展核酸检测，晋中市浙江商会捐赠物资，晋中市浙江商会会员参与服务。')).toEqual(['榆次区'])
  })
})

describe('abbreviations in movement phrases', () => {
  it('does not take a neighbour’s destination (非必要不进京) for a subject', () => {
    expect(regions('廊坊市疫情防控指挥部提醒：非必要不进京，确需进京的须持48小时核酸阴性证明。廊坊市各县区落实。')).toEqual(['廊坊市'])
  })
  it('still reads the abbreviation alone as the text’s own place', () => {
    expect(regions('进京人员须持48小时核酸阴性证明，抵京后须进行核酸检测。')).toEqual(['北京市'])
  })
})

describe('a local paper’s masthead', () => {
  it('reads the place a local paper is named after as the place it reports on', () => {
    expect(regions('衡阳晚报记者 某某\n即日起，全市暂停堂食，市民减少外出。')).toEqual(['衡阳市'])
  })
  it('still drops a paper cited as the source of a report', () => {
    expect(regions('据湘潭日报报道，衡阳市即日起暂停堂食。')).toEqual(['衡阳市'])
  })
})

describe('travel-history lists introduced by a colon', () => {
  it('reads every place after 旅居史： or 涉疫地区包括： in the sentence as an origin, whatever separates them', () => {
    const a = '近7天有以下地区旅居史：怀化市鹤城区、洪江市；邵阳市双清区。'
    expect(regions(a + a + '益阳市全市落实。')).toEqual(['益阳市'])
    const b = '涉疫地区包括：怀化市鹤城区、邵阳市双清区。'
    expect(regions(b + b + '益阳市全市落实。')).toEqual(['益阳市'])
  })
  it('keeps a notice’s own risk-area list', () => {
    expect(regions('益阳市疫情防控指挥部通告：中风险地区：赫山区某小区、资阳区某小区。')).toEqual(expect.arrayContaining(['赫山区', '资阳区']))
  })
})

describe('headline place chains', () => {
  it('reads a county’s bare short name that its province directly qualifies (江苏昆山, 吉林舒兰)', () => {
    expect(regions('江苏昆山：暂停堂食，居民非必要不离开小区。')).toEqual(['昆山市'])
    expect(regions('广西东兴开展全员核酸检测。')).toEqual(['东兴市'])
    expect(regions('吉林舒兰实行封控。')).toEqual(['舒兰市'])
  })
  it('reads a bare county short name of one reading that opens its clause with its own measure', () => {
    expect(regions('昆山今起暂停堂食，居民非必要不离开小区。')).toEqual(['昆山市'])
    expect(regions('城区今起暂停堂食。')).toEqual([])
  })
  it('does not read an everyday word after a province as a county (河南中原大地, 湖北公安厅)', () => {
    expect(regions('河南中原大地疫情防控形势向好。')).toEqual(['河南省'])
    expect(regions('湖北公安厅发布通告，即日起加强道路检查。')).toEqual(['湖北省'])
  })
})

describe('places outside the focus', () => {
  it('drops a place outside the document’s focus named only twice in passing', () => {
    const text = '衡阳市疫情防控指挥部通告：衡阳市即日起暂停堂食。衡阳市各县区落实，衡阳市民减少外出。参照长沙市做法，借鉴长沙市经验。'
    expect(regions(text)).toEqual(['衡阳市'])
  })
})

describe('district names that are also words', () => {
  it('reads 平房区 listed among kinds of housing as “bungalow area”', () => {
    expect(regions('哈尔滨市道外区对辖区内平房区、城中村开展拉网式排查，道外区各街道落实。')).toEqual(['道外区'])
    expect(regions('道外区对老旧小区和平房区开展排查，道外区各街道落实。')).toEqual(['道外区'])
    expect(regions('哈尔滨市平房区开展全员核酸检测。')).toEqual(['平房区'])
  })
})
