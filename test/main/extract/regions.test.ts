import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { names, run, shadow } from './helpers'
import { detectRegions } from '../../../src-main/node/extract/regions/detect'
import { simplifiedShadow } from '../../../src-main/node/pipeline/script'
import { allPlaces, ancestorCodes, ancestorsOf, lookupName, regionByCode, resolveRegion } from '../../../src-main/node/extract/regions/gazetteer'

const regions = (text: string, docNumber: string | null = null): string[] =>
  detectRegions(shadow(text), docNumber).map((r) => r.name)

describe('gazetteer', () => {
  it('expands short names to official names', () => {
    expect(lookupName('聊城')?.map((e) => e.place.name)).toContain('聊城市')
    expect(lookupName('延边')?.map((e) => e.place.name)).toContain('延边朝鲜族自治州')
    expect(lookupName('广西')?.map((e) => e.place.name)).toEqual(['广西壮族自治区'])
  })
  it('knows development zones, Hong Kong, Macau and Taiwan counties', () => {
    expect(lookupName('郑东新区')?.[0].place.level).toBe('district')
    expect(lookupName('花莲县')?.[0].place.level).toBe('county')
    expect(lookupName('香港')?.[0].place.name).toBe('香港特别行政区')
    expect(lookupName('澳门特别行政区')?.[0].place.level).toBe('province')
  })
  it('has unique codes and a parent for every non-province', () => {
    const codes = new Set<string>()
    for (const p of allPlaces()) {
      expect(codes.has(p.code), p.code + ' ' + p.name).toBe(false)
      codes.add(p.code)
      if (p.level !== 'province') expect(regionByCode(p.parent), p.name).not.toBeNull()
    }
    expect(codes.size).toBeGreaterThan(3000)
  })
  it('resolves filter text to regions', () => {
    expect(resolveRegion('371500')[0].name).toBe('聊城市')
    expect(resolveRegion('聊城')[0].name).toBe('聊城市')
    expect(resolveRegion('鼓楼区').length).toBeGreaterThan(2)
    expect(resolveRegion('不存在的地方')).toEqual([])
  })
  it('gives ancestors of a district', () => {
    const panyu = lookupName('番禺区')?.[0].place
    expect(panyu).toBeDefined()
    expect(ancestorsOf(panyu!.code).map((p) => p.name)).toEqual(['广州市', '广东省'])
    expect(ancestorCodes('440113')).toEqual(['440113', '440100', '440000'])
  })
})

describe('region detection', () => {
  it('resolves 朝阳区 by context', () => {
    const bj = detectRegions(shadow('北京市朝阳区发布通告，朝阳区全区开展核酸检测，北京市各区配合。'), null)
    expect(bj.find((r) => r.name === '朝阳区')?.province).toBe('北京市')
    const ln = detectRegions(shadow('辽宁省朝阳市通告：朝阳市双塔区实行封控管理，朝阳市全市核酸检测。'), null)
    expect(ln.map((r) => r.name)).toContain('朝阳市')
    expect(ln.find((r) => r.name === '朝阳市')?.province).toBe('辽宁省')
  })
  it('tells 河北区 (Tianjin) from 河北省', () => {
    const r = detectRegions(shadow('天津市河北区疫情防控指挥部通告：河北区开展全员核酸检测。'), null)
    expect(r.find((x) => x.name === '河北区')?.province).toBe('天津市')
    expect(r.map((x) => x.name)).not.toContain('河北省')
  })
  it('picks the 鼓楼区 of the city named', () => {
    const r = detectRegions(shadow('福州市鼓楼区通告：鼓楼区部分小区实行封控管理，福州市其他区域为防范区。'), null)
    expect(r.find((x) => x.name === '鼓楼区')?.code).toBe('350102')
  })
  it('reads one-character abbreviations in movement phrases', () => {
    expect(regions('请广大市民非必要不离郑，减少流动。')).toContain('郑州市')
    expect(regions('来莞人员须持48小时核酸阴性证明。')).toContain('东莞市')
    expect(regions('离邢人员须报备。')).toContain('邢台市')
    expect(regions('暂缓返兰，确需返兰的提前报备。')).toContain('兰州市')
  })
  it('uses the document number prefix', () => {
    expect(regions('关于加强疫情防控的通告', '株疫防指告〔2022〕14号')).toContain('株洲市')
  })
  it('drops origins of travel rules and case statistics', () => {
    const r = regions('近14天内有湖北旅居史的来渝人员须居家隔离。重庆市各区县落实排查，重庆市加强管控。')
    expect(r).toContain('重庆市')
    expect(r).not.toContain('湖北省')
    const s = regions('南宁市通告：南宁市全市开展核酸检测。当日新增确诊病例4例（均为百色市）。')
    expect(s).toContain('南宁市')
    expect(s).not.toContain('百色市')
  })
  it('takes 宗 as a case count only after a number (广宗县, 宗教场所 are not statistics)', () => {
    expect(regions('邢台市广宗县人民政府通告\n广宗县宗教场所暂停开放。')).toEqual(['广宗县'])
    expect(regions('曲靖市师宗县疫情防控指挥部通告：师宗县全县暂停堂食。')).toEqual(['师宗县'])
    const hk = regions('澳门特别行政区政府公告：全澳暂停堂食。香港昨日新增十宗确诊个案。')
    expect(hk).toContain('澳门特别行政区')
    expect(hk).not.toContain('香港特别行政区')
  })
  it('reads a short city name before 发布 and 人员 (唐山发布…, 来唐山人员)', () => {
    expect(regions('唐山发布疫情防控最新通告\n一、全市暂停堂食。\n二、来唐山人员须持48小时核酸阴性证明。')).toEqual(['唐山市'])
    expect(regions('关于调整疫情防控措施的通告\n所有进入株洲人员须扫码登记。')).toEqual(['株洲市'])
  })
  it('ignores roads and schools named after places', () => {
    expect(regions('在中山路设置核酸采样点，江西中医药大学学生返校须核酸阴性。')).toEqual([])
  })
  it('handles traditional script and Taiwan counties', () => {
    expect(regions('花蓮縣政府公告：花蓮縣即日起室內外全程配戴口罩。')).toEqual(['花莲县'])
  })
  it('reads through HTML remains and mojibake around the names', () => {
    expect(regions('<p>&nbsp;株洲市疫情防控指挥部通告</p><br/>株洲市?/p>全市暂停堂食。锟斤拷')).toEqual(['株洲市'])
    expect(regions('<div>臺中市政府公告&nbsp;</div>臺中市即日起室內外全程配戴口罩。')).toEqual(['台中市'])
  })
  it('finds names whose characters do not convert back from traditional (濬縣 → 浚县)', () => {
    const text = '鶴壁市濬縣新冠肺炎疫情防控指揮部通告：濬縣全縣暫停堂食。'
    const simplified = simplifiedShadow(text)
    expect(detectRegions(simplified, null).map((r) => r.name)).toEqual(['浚县'])
  })
  it('folds a city qualifier into its district', () => {
    const r = regions('广州市花都区关于解除封控区的通告，花都区新华街道解封。')
    expect(r).toContain('花都区')
    expect(r).not.toContain('广州市')
  })
})

describe('region scope', () => {
  it('applies an origin context to the whole enumerated list, not only its first or last item', () => {
    const before = regions('株洲市通告：来自湖北、河南、安徽的人员须居家隔离14天，株洲市全市暂停堂食。')
    expect(before).toEqual(['株洲市'])
    const after = regions('株洲市通告：有湖北、河南、安徽旅居史的人员须报备，株洲市全市暂停堂食。')
    expect(after).toEqual(['株洲市'])
  })
  it('treats a case count in a list of places as statistics (其中甲市12例，乙市3例)', () => {
    const r = regions('兰州市疫情防控指挥部通告：兰州市全市开展核酸检测。本轮累计报告18例（其中兰州市12例，张掖市3例，天水市1例）。')
    expect(r).toEqual(['兰州市'])
  })
  it('keeps a parent named once beside its districts when the text addresses the whole unit (全市)', () => {
    expect(regions('北京市疫情发布会：全市各区加强管控，朝阳区非必要不出区。')).toEqual(['北京市', '朝阳区'])
    // Without it, the parent only locates its district.
    expect(regions('北京市朝阳区通告：朝阳区非必要不出区。')).toEqual(['朝阳区'])
  })
  it('counts a place inside a cited basis document (《甲省…方案》) half: it locates the rule, not the text', () => {
    const text = '依据《湖南省新冠肺炎疫情防控工作方案》和《湖南省疫情防控指引》规定，浏阳市决定：浏阳市集里街道调整为中风险区。'
    expect(regions(text)).toEqual(['浏阳市'])
    // Named in the text itself as well, the province stays.
    expect(regions('湖南省各地：依据《湖南省防控方案》，浏阳市集里街道调整为中风险区，湖南省其他地区为低风险区。')).toContain('湖南省')
  })
  it('reads 离X返乡 as where a traveller comes from, and an outbreak spreading to places as its extent', () => {
    expect(regions('遂溪县疫情防控指挥部通告：近日，某镇排查发现一名离沪返乡人员。')).toEqual(['遂溪县'])
    expect(regions('兰州市通告：疫情已外溢到张掖市、天水市，并波及张掖市、天水市多个县区。兰州市全市暂停堂食。')).toEqual(['兰州市'])
  })
  it('skips place strings that are not places: 平房区域, an app or account named after a city', () => {
    expect(regions('某社区对平房区域开展入户排查。')).toEqual([])
    expect(regions('张家口市通告：进京人员须出示北京健康宝绿码，张家口市全市暂停堂食。')).toEqual(['张家口市'])
  })
})

describe('towns and streets', () => {
  it('folds a uniquely named town or street into its county or district', () => {
    expect(regions('小港街道组织志愿者开展核酸检测，居民须有序排队。')).toEqual(['北仑区'])
    expect(lookupName('小港街道')?.[0]).toMatchObject({ town: true, weak: false })
  })
  it('needs context for a town name several counties share, and takes the county the text names', () => {
    // 新安街道 exists in many counties: alone it places nothing.
    expect(regions('新安街道居民须佩戴口罩。')).toEqual([])
    expect(regions('珲春市新冠肺炎疫情防控指挥部通告：新安街道居民须佩戴口罩，珲春市暂停堂食。')).toEqual(['珲春市'])
  })
  it('lets a county or zone named right before the town stand (高新区关东街道), and ignores 乡镇 as a word', () => {
    expect(regions('东湖高新区关东街道某小区划为中风险区。')).not.toContain('洪山区')
    expect(regions('某县最新乡镇疫情防控工作情况汇报')).toEqual([])
    expect(regions('各苏木乡镇（街道）负责落实封闭措施。')).toEqual([])
  })
  it('reads the place from a source credit line (来源：某某街道)', () => {
    expect(regions('核酸检测简讯\n2022-01-04 来源：小港街道某某社区\n核酸检测是最有效的手段。')).toEqual(['北仑区'])
  })
})

describe('a place read from its jurisdiction’s own vocabulary when none is named', () => {
  it.each([
    ['入境旅客须居家检疫7天，期满后自主健康管理7天。', '台湾省'],
    ['民国111年5月1日起，室外免戴口罩。', '台湾省'],
    ['进入食肆须扫描安心出行并出示疫苗通行证。', '香港特别行政区'],
    ['红码人员请立即向社区报告，粤康码转绿后方可出行。', '广东省'],
    ['请出示苏康码和行程卡。', '江苏省']
  ])('%s → %s', (text, want) => {
    expect(regions(text)).toEqual([want])
  })
  it('adds the short names of the inferred jurisdiction’s own divisions (屯门 in a Hong Kong text)', () => {
    expect(regions('强制检测公告：曾到访屯门某商场及元朗某酒楼的人士须接受检测。')).toEqual(['香港特别行政区', '屯门区', '元朗区'])
  })
  it('knows functional zones that notices list beside districts', () => {
    expect(regions('西安市通告：国际港务区、曲江新区部分小区调整为低风险区。')).toEqual(expect.arrayContaining(['国际港务区', '曲江新区']))
  })
  it('keeps a named place, and names nothing when two vocabularies mix', () => {
    expect(regions('番禺区要求进入商超须扫穗康码。')).toEqual(['番禺区'])
    expect(regions('入境后居家检疫，再出示粤康码。')).toEqual([])
  })
})

describe('seeds', () => {
  const dir = join(__dirname, '..', '..', '..', 'seeds')
  const file = (prefix: string): string => {
    const f = readdirSync(dir).find((x) => x.startsWith(prefix))
    if (!f) throw new Error(`seed ${prefix} missing`)
    return readFileSync(join(dir, f), 'utf8')
  }
  it('000 and 002 are about 聊城市 (山东省)', () => {
    for (const p of ['000', '002']) {
      const r = run(file(p)).regions.find((x) => x.name === '聊城市')
      expect(r?.province).toBe('山东省')
      expect(r?.code).toBe('371500')
    }
  })
  it('001 is about 太原市 in 山西省', () => {
    const f = run(file('001'))
    expect(names(f)).toContain('太原市')
    expect(names(f)).toContain('山西省')
  })
  it('003 is about 吉林省', () => {
    expect(names(run(file('003')))).toContain('吉林省')
  })
})
