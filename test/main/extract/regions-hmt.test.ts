// Hong Kong neighbourhoods, Macau's islands and Taiwan's townships and municipal districts fold
// into the division they lie in, and functional zones are read by their everyday names, on sentences
// written for the test.
import { describe, expect, it } from 'vitest'
import { shadow } from './helpers'
import { detectRegions } from '../../../src-main/node/extract/regions/detect'

const regions = (text: string): string[] => detectRegions(shadow(text), null).map((r) => r.name)

describe('Hong Kong neighbourhoods', () => {
  it('folds a neighbourhood into its district, beside the SAR', () => {
    expect(regions('香港政府宣布，將軍澳一幢大廈的住戶須接受強制檢測。')).toEqual(['香港特别行政区', '西贡区'])
    expect(regions('香港：油麻地及尖沙咀多間食肆暫停堂食。')).toEqual(['香港特别行政区', '油尖旺区'])
  })
  it('needs Hong Kong in context for a two-character neighbourhood that is also a word', () => {
    expect(regions('上水管道检修期间，市民须提前储水。')).toEqual([])
    expect(regions('香港上水一個屋苑劃為受限區域。')).toEqual(['香港特别行政区', '北区'])
  })
})

describe('Macau islands', () => {
  it('folds 氹仔 and 路环 into the SAR, which has no lower government', () => {
    expect(regions('澳門特區政府宣布，氹仔及路環居民須完成核酸檢測。')).toEqual(['澳门特别行政区'])
  })
})

describe('Taiwan townships and districts', () => {
  it('folds a municipal district into its municipality', () => {
    expect(regions('板橋區一處市場即日起休市，新北市要求攤商全數篩檢。')).toEqual(['新北市'])
    expect(regions('新北市板橋區一處市場即日起休市三天。')).toEqual(['新北市'])
  })
  it('folds a township into its county', () => {
    expect(regions('羅東鎮夜市即日起實施人流管制，宜蘭縣衛生局派員稽查。')).toEqual(['宜兰县'])
  })
  it('prefers the Taiwan reading of a district name that a mainland city shares, when the municipality is named', () => {
    expect(regions('臺北市中山區一間餐廳暫停內用。')).toEqual(['台北市'])
    expect(regions('大连市中山区暂停堂食。')).toEqual(['中山区'])
  })
  it('does not read a residents’ community (龙新社区) as the Taichung district 新社区', () => {
    expect(regions('福田区福保街道龙新社区划为封控区。')).toEqual(['福田区'])
  })
})

describe('functional zones', () => {
  it('reads a national high-tech zone written with or without its city’s 市', () => {
    expect(regions('西安市高新区、雁塔区即日起实行封控管理。')).toEqual(['西安高新技术产业开发区', '雁塔区'])
    expect(regions('西安高新区开展全员核酸检测。')).toEqual(['西安高新技术产业开发区'])
  })
  it('reads an airport economy zone by its everyday short name', () => {
    expect(regions('郑州航空港区实行静默管理。')).toEqual(['郑州航空港经济综合实验区'])
  })
})
