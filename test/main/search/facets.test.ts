import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MetaColumns } from '../../../src-main/node/search/columns'
import { countFacets, countFacetsWithin } from '../../../src-main/node/search/facets'
import type { DocMeta } from '../../../src-main/node/search/meta'

const REGIONS = ['370000:山东省', '370100:济南市', '371500:聊城市', '410100:郑州市', '410000:河南省']
const TYPES = ['notice', 'news', 'report']
const CATS = ['testing', 'quarantine', 'gatherings']

const metaArb: fc.Arbitrary<DocMeta | null> = fc.option(
  fc.record({
    title: fc.constant('t'),
    type: fc.constantFrom(...TYPES),
    date: fc.constant(null),
    importedAt: fc.constant('2022-01-01T00:00:00Z'),
    trashed: fc.boolean(),
    warnings: fc.boolean(),
    similar: fc.boolean(),
    regions: fc.subarray(REGIONS),
    tags: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
    measures: fc.dictionary(fc.constantFrom(...CATS), fc.integer({ min: 0, max: 3 }))
  }),
  { freq: 8 }
)

describe('facet counts', () => {
  it('counted through the documents a large result leaves out, equal those counted directly', () => {
    fc.assert(
      fc.property(fc.array(metaArb, { minLength: 1, maxLength: 60 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (metas, pick) => {
        const cols = new MetaColumns(metas)
        const all = Int32Array.from(metas.keys()).filter((s) => cols.live(s))
        const matched = all.filter((s) => pick[s])
        const total = countFacets(cols, all)
        const direct = countFacets(cols, matched)
        const within = countFacetsWithin(cols, matched, all, total)
        expect([...within.types]).toEqual([...direct.types])
        expect([...within.regions]).toEqual([...direct.regions])
        expect([...within.measures]).toEqual([...direct.measures])
        expect(new Map([...within.tags].filter(([, n]) => n > 0))).toEqual(new Map([...direct.tags].filter(([, n]) => n > 0)))
        expect([within.hasSimilar, within.hasWarnings]).toEqual([direct.hasSimilar, direct.hasWarnings])
      }),
      { numRuns: 300 }
    )
  })
})

describe('region facet codes', () => {
  const doc = (regions: string[]): DocMeta => ({ title: 't', type: 'notice', date: null, importedAt: '2022-01-01T00:00:00Z', trashed: false, warnings: false, similar: false, regions, tags: [], measures: {} })
  const codesOf = (cols: MetaColumns, c: ReturnType<typeof countFacets>): Record<string, number> =>
    Object.fromEntries([...c.regions].flatMap((n, k) => (n ? [[cols.facetCodes.names[k], n]] : [])))

  it('a district counts towards its city and province; a municipality district towards the municipality only', () => {
    const cols = new MetaColumns([doc(['371502:东昌府区']), doc(['310104:徐汇区']), doc(['310000:上海市', '310115:浦东新区'])])
    const c = countFacets(cols, [0, 1, 2])
    // 310100 is no city (a statistical grouping of Shanghai's districts): no facet row named by its bare code.
    expect(codesOf(cols, c)).toEqual({ '370000': 1, '371500': 1, '310000': 2 })
  })
})
