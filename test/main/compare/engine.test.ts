import { afterEach, describe, expect, it } from 'vitest'
import type { Archive } from '../../../src-main/node/archive/archive'
import { compareRegions, timeline } from '../../../src-main/node/compare'
import { deleteMeasure, setRegions, updateFields, updateMeasure } from '../../../src-main/node/archive/corrections'
import { setTrashed } from '../../../src-main/node/archive/documents-write'
import { getRecord } from '../../../src-main/node/archive/documents-read'
import { regionByCode } from '../../../src-main/node/extract/regions/gazetteer'
import type { CompareResult } from '../../../src-main/common/compare'
import { AppError } from '../../../src-main/common/errors'
import { addDoc, openArchive } from './helpers'

const LIAOCHENG = '371500'
const DONGCHANGFU = '371502'
const SHANDONG = '370000'
const TAIYUAN = '140100'
const SHANXI = '140000'

function cell(r: CompareResult, region: string, category: string) {
  return r.cells.find((c) => c.region === region && c.category === category)
}

describe('compare engine: the measure in force as of a date', () => {
  let archive: Archive
  afterEach(async () => archive?.close())

  it('takes the latest dated measure on or before the date; a later document overrides an earlier one', async () => {
    archive = await openArchive()
    const jan = addDoc(archive, { regions: [LIAOCHENG], date: '2022-01-10', measures: [{ category: 'quarantine', level: 4, params: { days: 14 } }] })
    const mar = addDoc(archive, { regions: [LIAOCHENG], date: '2022-03-01', measures: [{ category: 'quarantine', level: 3, params: { days: 7 } }] })
    expect(cell(compareRegions(archive, [LIAOCHENG], '2022-02-01'), LIAOCHENG, 'quarantine')).toMatchObject({ documentId: jan, level: 4, params: { days: 14 }, date: '2022-01-10' })
    expect(cell(compareRegions(archive, [LIAOCHENG], '2022-03-01'), LIAOCHENG, 'quarantine')).toMatchObject({ documentId: mar, level: 3, date: '2022-03-01' })
    const today = compareRegions(archive, [LIAOCHENG], null)
    expect(today.asOf).toBeNull()
    expect(cell(today, LIAOCHENG, 'quarantine')?.documentId).toBe(mar)
    const before = compareRegions(archive, [LIAOCHENG], '2021-12-31')
    expect(before.cells).toEqual([])
    expect(before.categories).toEqual([])
  })

  it('ends a category at a lifted measure: the cell says lifted (level 0) and cites the lifting document', async () => {
    archive = await openArchive()
    addDoc(archive, { regions: [LIAOCHENG], date: '2022-01-10', measures: [{ category: 'gatherings', level: 3, params: { people: 50 } }] })
    const lift = addDoc(archive, { regions: [LIAOCHENG], date: '2022-12-10', measures: [{ category: 'gatherings', level: 3, lifted: true }] })
    expect(cell(compareRegions(archive, [LIAOCHENG], '2022-06-01'), LIAOCHENG, 'gatherings')).toMatchObject({ level: 3, lifted: false })
    const after = compareRegions(archive, [LIAOCHENG], '2022-12-31')
    expect(cell(after, LIAOCHENG, 'gatherings')).toMatchObject({ level: 0, lifted: true, documentId: lift })
    // The lifted category scores 0 in the composite index.
    expect(after.regions[0]).toMatchObject({ index: 0, indexCategories: ['gatherings'] })
  })

  it('a measure still stated beside a lifting one on the same date keeps the category in force', async () => {
    archive = await openArchive()
    const id = addDoc(archive, {
      regions: [LIAOCHENG],
      date: '2022-12-01',
      measures: [{ category: 'lockdown_zones', level: 3, lifted: true }, { category: 'lockdown_zones', level: 2 }]
    })
    expect(cell(compareRegions(archive, [LIAOCHENG], null), LIAOCHENG, 'lockdown_zones')).toMatchObject({ level: 2, lifted: false, documentId: id })
  })

  it('ties on a date: the higher level wins and both documents are counted', async () => {
    archive = await openArchive()
    const low = addDoc(archive, { regions: [LIAOCHENG], date: '2022-04-01', measures: [{ category: 'testing', level: 2 }] })
    const high = addDoc(archive, { regions: [LIAOCHENG], date: '2022-04-01', measures: [{ category: 'testing', level: 4, params: { times: 3, per_days: 3 } }] })
    addDoc(archive, { regions: [LIAOCHENG], date: '2022-03-01', measures: [{ category: 'testing', level: 1 }] })
    const c = cell(compareRegions(archive, [LIAOCHENG], null), LIAOCHENG, 'testing')!
    expect(c).toMatchObject({ level: 4, documentId: high, documents: 2 })
    expect(c.documentIds).toEqual([high, low])
  })

  it('a sub-region inherits its parent’s measure, names the parent, and its own measure overrides it', async () => {
    archive = await openArchive()
    addDoc(archive, { regions: [SHANDONG], date: '2022-02-01', measures: [{ category: 'testing', level: 3 }, { category: 'masks', level: 4 }] })
    const city = addDoc(archive, { regions: [LIAOCHENG], date: '2022-01-01', measures: [{ category: 'masks', level: 2 }] })
    const r = compareRegions(archive, [LIAOCHENG, DONGCHANGFU], null)
    expect(cell(r, LIAOCHENG, 'testing')).toMatchObject({ level: 3, inherited: { code: SHANDONG, name: '山东省' } })
    // Its own (even older) measure overrides the province's.
    expect(cell(r, LIAOCHENG, 'masks')).toMatchObject({ level: 2, documentId: city, inherited: null, scope: 'own' })
    // County/district ← city ← province: the district takes the city's own measure, and the province's where the city has none.
    expect(cell(r, DONGCHANGFU, 'masks')).toMatchObject({ level: 2, documentId: city, inherited: { code: LIAOCHENG, name: '聊城市' } })
    expect(cell(r, DONGCHANGFU, 'testing')).toMatchObject({ level: 3, inherited: { code: SHANDONG, name: '山东省' } })
  })

  it('undated documents never mix with dated ones: listed apart, and filling a cell only where nothing dated is in force', async () => {
    archive = await openArchive()
    const dated = addDoc(archive, { regions: [LIAOCHENG], date: '2022-05-01', measures: [{ category: 'quarantine', level: 2 }] })
    const undated = addDoc(archive, { regions: [LIAOCHENG], date: null, measures: [{ category: 'quarantine', level: 4, params: { days: 21 } }, { category: 'schools', level: 3 }] })
    const r = compareRegions(archive, [LIAOCHENG], null)
    expect(cell(r, LIAOCHENG, 'quarantine')).toMatchObject({ documentId: dated, level: 2, date: '2022-05-01', documents: 1 })
    expect(cell(r, LIAOCHENG, 'schools')).toMatchObject({ documentId: undated, level: 3, date: null })
    expect(r.undated.map((u) => [u.category, u.level, u.documentId]).sort()).toEqual([
      ['quarantine', 4, undated],
      ['schools', 3, undated]
    ])
  })

  it('leaves out documents in the trash, duplicates and measures deleted by hand; counts corrections', async () => {
    archive = await openArchive()
    const base = addDoc(archive, { regions: [LIAOCHENG], date: '2022-01-01', measures: [{ category: 'venues', level: 1 }, { category: 'masks', level: 2 }] })
    const trashed = addDoc(archive, { regions: [LIAOCHENG], date: '2022-02-01', measures: [{ category: 'venues', level: 3 }] })
    const dup = addDoc(archive, { regions: [LIAOCHENG], date: '2022-03-01', measures: [{ category: 'venues', level: 2 }] })
    const later = addDoc(archive, { regions: [LIAOCHENG], date: '2022-04-01', measures: [{ category: 'masks', level: 4 }] })
    setTrashed(archive, [trashed], true)
    archive.write((tx) => tx.run('UPDATE documents SET duplicate_of = ? WHERE id = ?', [base, dup]))
    let r = compareRegions(archive, [LIAOCHENG], null)
    expect(cell(r, LIAOCHENG, 'venues')).toMatchObject({ documentId: base, level: 1 })
    expect(cell(r, LIAOCHENG, 'masks')).toMatchObject({ documentId: later, level: 4 })
    // Deleting the later measure by hand brings back the earlier one.
    const mid = getRecord(archive, later)!.measures[0].id!
    deleteMeasure(archive, mid)
    r = compareRegions(archive, [LIAOCHENG], null)
    expect(cell(r, LIAOCHENG, 'masks')).toMatchObject({ documentId: base, level: 2 })
    // A corrected level counts; so does a corrected date (it moves the document in time).
    const baseMask = getRecord(archive, base)!.measures.find((m) => m.category === 'masks')!.id!
    updateMeasure(archive, baseMask, { level: 3, params: {} })
    expect(cell(compareRegions(archive, [LIAOCHENG], null), LIAOCHENG, 'masks')).toMatchObject({ level: 3 })
    updateFields(archive, base, { date: '2023-01-01' })
    expect(cell(compareRegions(archive, [LIAOCHENG], '2022-12-31'), LIAOCHENG, 'masks')).toBeUndefined()
    expect(cell(compareRegions(archive, [LIAOCHENG], '2023-01-01'), LIAOCHENG, 'masks')).toMatchObject({ documentId: base, date: '2023-01-01' })
    // Restoring from the trash brings it back too.
    setTrashed(archive, [trashed], false)
    expect(cell(compareRegions(archive, [LIAOCHENG], '2022-12-31'), LIAOCHENG, 'venues')).toMatchObject({ documentId: trashed, level: 3 })
  })

  it('a manually added measure and a corrected category count; corrected regions move the measures', async () => {
    archive = await openArchive()
    const id = addDoc(archive, { regions: [LIAOCHENG], date: '2022-01-01', measures: [{ category: 'venues', level: 2 }] })
    const mid = getRecord(archive, id)!.measures[0].id!
    updateMeasure(archive, mid, { category: 'schools' })
    let r = compareRegions(archive, [LIAOCHENG], null)
    expect(r.categories).toEqual(['schools'])
    setRegions(archive, id, [regionByCode(TAIYUAN)!])
    r = compareRegions(archive, [LIAOCHENG, TAIYUAN], null)
    expect(r.cells.map((c) => [c.region, c.category])).toEqual([[TAIYUAN, 'schools']])
  })

  it('a region’s own documents come before documents naming several places', async () => {
    archive = await openArchive()
    const own = addDoc(archive, { regions: [LIAOCHENG], date: '2022-01-01', measures: [{ category: 'testing', level: 1 }] })
    const both = addDoc(archive, { regions: [LIAOCHENG, TAIYUAN], date: '2022-06-01', measures: [{ category: 'testing', level: 4 }] })
    const r = compareRegions(archive, [LIAOCHENG, TAIYUAN], null)
    expect(cell(r, LIAOCHENG, 'testing')).toMatchObject({ documentId: own, scope: 'own' })
    expect(cell(r, TAIYUAN, 'testing')).toMatchObject({ documentId: both, scope: 'shared' })
  })

  it('a district’s own notice (issued there) comes after the city’s own documents for the city', async () => {
    archive = await openArchive()
    const city = addDoc(archive, { regions: [LIAOCHENG], date: '2022-01-01', issuer: '聊城市卫生健康委员会', measures: [{ category: 'lockdown_zones', level: 2 }] })
    const district = addDoc(archive, {
      regions: [LIAOCHENG, DONGCHANGFU],
      date: '2022-05-01',
      issuer: '聊城市东昌府区新冠肺炎疫情防控指挥部',
      measures: [{ category: 'lockdown_zones', level: 3 }, { category: 'testing', level: 3 }]
    })
    const r = compareRegions(archive, [LIAOCHENG, DONGCHANGFU], null)
    expect(cell(r, LIAOCHENG, 'lockdown_zones')).toMatchObject({ documentId: city, scope: 'own' })
    // Where the city has nothing of its own, the district's document still shows, marked shared.
    expect(cell(r, LIAOCHENG, 'testing')).toMatchObject({ documentId: district, scope: 'shared' })
    expect(cell(r, DONGCHANGFU, 'lockdown_zones')).toMatchObject({ documentId: district, scope: 'own', inherited: null })
  })

  it('a document issued by another place counts for a region only when nothing else (not even the parent) does', async () => {
    archive = await openArchive()
    const foreign = addDoc(archive, { regions: [LIAOCHENG, TAIYUAN], date: '2022-06-01', issuer: '聊城市新冠肺炎疫情防控指挥部', measures: [{ category: 'testing', level: 4 }, { category: 'masks', level: 3 }] })
    const province = addDoc(archive, { regions: [SHANXI], date: '2022-01-01', measures: [{ category: 'testing', level: 2 }] })
    const r = compareRegions(archive, [LIAOCHENG, TAIYUAN], null)
    expect(cell(r, LIAOCHENG, 'testing')).toMatchObject({ documentId: foreign, scope: 'own' })
    expect(cell(r, TAIYUAN, 'testing')).toMatchObject({ documentId: province, inherited: { code: SHANXI } })
    expect(cell(r, TAIYUAN, 'masks')).toMatchObject({ documentId: foreign, scope: 'foreign' })
  })

  it('the timeline steps through the parent’s measure, the region’s own, and its lifting', async () => {
    archive = await openArchive()
    const province = addDoc(archive, { regions: [SHANDONG], date: '2022-01-01', measures: [{ category: 'venues', level: 2 }] })
    const own = addDoc(archive, { regions: [LIAOCHENG], date: '2022-03-01', measures: [{ category: 'venues', level: 3 }] })
    addDoc(archive, { regions: [LIAOCHENG], date: '2022-04-01', measures: [{ category: 'venues', level: 3 }] })
    const lift = addDoc(archive, { regions: [LIAOCHENG], date: '2022-05-01', measures: [{ category: 'venues', level: 3, lifted: true }] })
    addDoc(archive, { regions: [LIAOCHENG], date: null, measures: [{ category: 'venues', level: 1 }] })
    const [series] = timeline(archive, [LIAOCHENG])
    expect(series.category).toBe('venues')
    expect(series.steps.map((s) => [s.date, s.level, s.lifted, s.documentId])).toEqual([
      ['2022-01-01', 2, false, province],
      ['2022-03-01', 3, false, own],
      ['2022-05-01', 0, true, lift]
    ])
  })

  it('answers an unknown region with an AppError naming it', async () => {
    archive = await openArchive()
    expect(() => compareRegions(archive, ['999999'], null)).toThrow(AppError)
    try {
      compareRegions(archive, ['999999'], null)
    } catch (e) {
      expect((e as AppError).key).toBe('errors.compare.unknownRegion')
      expect((e as AppError).params).toEqual({ region: '999999' })
    }
  })
})
