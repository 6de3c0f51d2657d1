// Every prefecture and county of the gazetteer, named in a notice's heading and signature, in
// simplified and in traditional script: the detector must find it. Only two-character names (忠县,
// 东区) may be missed: they are generic words that need their parent named to count.
import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { detectRegions } from '../../../src-main/node/extract/regions/detect'
import { allPlaces, regionByCode } from '../../../src-main/node/extract/regions/gazetteer'
import { simplifiedShadow } from '../../../src-main/node/pipeline/script'

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })

function notice(name: string): string {
  return `${name}新冠肺炎疫情防控指挥部通告\n一、全域暂停堂食，公共场所须佩戴口罩。\n${name}新冠肺炎疫情防控指挥部\n2022年4月2日`
}

describe('every division of the gazetteer', () => {
  const named = allPlaces()
    .filter((p) => p.level !== 'province')
    // A county-level entry named like its own prefecture (嘉峪关市 under 嘉峪关市) is the same place.
    .filter((p) => regionByCode(p.parent)?.name !== p.name)
    .map((p) => {
      const parent = regionByCode(p.parent)
      // A county is written after its prefecture or municipality (邢台市广宗县, 上海市宝山区),
      // as signatures do; a prefecture alone.
      const qualifier = p.level === 'city' || !parent ? '' : parent.name
      return { place: p, written: qualifier + p.name }
    })

  it.each([
    ['simplified', (t: string) => t],
    ['traditional', (t: string) => simplifiedShadow(toTraditional(t))]
  ])('is found in %s script', (_script, shadowOf) => {
    const missed = named
      .filter(({ place, written }) => !detectRegions(shadowOf(notice(written)), null).some((r) => r.code === place.code))
      .map(({ place }) => place.name)
    expect(named.length).toBeGreaterThan(3000)
    expect(missed.filter((n) => n.length > 2)).toEqual([])
  })
})
