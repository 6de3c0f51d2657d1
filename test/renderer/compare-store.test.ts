import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useCompareStore } from '@/stores/compare'
import { flattenRegions, searchRegions, shortRegionName } from '@/lib/regions'
import { coalesced, latest } from '@/lib/latest'
import { FakeApi, uninstall } from './fake-api'
import { TREE } from './fake-compare'

let fake: FakeApi
beforeEach(() => {
  fake = new FakeApi()
  fake.install()
  setActivePinia(createPinia())
})
afterEach(() => uninstall())

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0))
}

describe('region search', () => {
  const all = flattenRegions(TREE)

  it('matches full names, short names and pinyin initials, exact matches first', () => {
    expect(searchRegions(all, '聊城市').map((r) => r.key)).toEqual(['371500'])
    expect(searchRegions(all, '聊城').map((r) => r.key)).toEqual(['371500'])
    expect(searchRegions(all, 'LC').map((r) => r.key)).toEqual(['371500'])
    expect(searchRegions(all, 'ty').map((r) => r.name)).toEqual(['太原市'])
    // "s" starts 山东 (sd) and 山西 (sx); the one with more documents comes first.
    expect(searchRegions(all, 's').map((r) => r.name)).toEqual(['山东省', '山西省'])
    expect(searchRegions(all, '吉林')[0].name).toBe('吉林省')
    expect(searchRegions(all, 'xyz')).toEqual([])
    expect(searchRegions(all, '  ')).toEqual([])
  })

  it('keeps the path from the province down', () => {
    expect(all.find((r) => r.key === '371500')?.path).toEqual(['山东省', '聊城市'])
  })

  it('strips level suffixes to the names map features use', () => {
    expect(shortRegionName('山东省')).toBe('山东')
    expect(shortRegionName('广西壮族自治区')).toBe('广西')
    expect(shortRegionName('北京市')).toBe('北京')
    expect(shortRegionName('香港特别行政区')).toBe('香港')
  })
})

describe('latest and coalesced calls', () => {
  it('latest marks answers of superseded calls as stale', async () => {
    const resolvers: ((v: number) => void)[] = []
    const f = latest(() => new Promise<number>((r) => resolvers.push(r)))
    const a = f()
    const b = f()
    resolvers[1](2)
    resolvers[0](1)
    expect(await b).toEqual({ fresh: true, value: 2 })
    expect(await a).toEqual({ fresh: false, value: 1 })
  })

  it('coalesced never overlaps and folds waiting calls into one follow-up', async () => {
    let running = 0
    let most = 0
    let runs = 0
    const f = coalesced(async () => {
      running++
      most = Math.max(most, running)
      runs++
      await new Promise((r) => setTimeout(r, 1))
      running--
      return runs
    })
    const results = await Promise.all([f(), f(), f(), f()])
    expect(most).toBe(1)
    expect(runs).toBe(2)
    expect(results).toEqual([1, 2, 2, 2])
  })
})

describe('compare store', () => {
  it('runs only with two regions or more and refuses a 13th', async () => {
    const store = useCompareStore()
    store.addRegion('371500')
    await settle()
    expect(fake.callsOf('compare.run')).toHaveLength(0)
    expect(store.ready).toBe(false)
    store.addRegion('140100')
    await settle()
    expect(fake.callsOf('compare.run')).toEqual([{ regions: ['371500', '140100'], asOf: null }])
    expect(store.result?.regions.map((r) => r.name)).toEqual(['聊城市', '太原市'])
    expect(store.addRegion('371500')).toBe(false)
    store.regions = Array.from({ length: 12 }, (_, i) => `1100${String(i).padStart(2, '0')}`)
    expect(store.addRegion('140100')).toBe(false)
  })

  it('moves the matrix with the as-of date and keeps only the newest answer', async () => {
    const store = useCompareStore()
    store.setRegions(['371500', '140100'])
    await settle()
    const testing = () => store.result?.cells.find((c) => c.regionKey === '371500' && c.category === 'testing')
    expect(testing()?.params).toEqual({ hours: 72 })
    await store.setAsOf('2022-04-01')
    expect(testing()?.params).toEqual({ hours: 48 })
    // Two quick changes: the earlier answer must not land after the later one.
    const a = store.setAsOf('2022-07-01')
    const b = store.setAsOf('2022-03-02')
    await Promise.all([a, b])
    expect(store.asOf).toBe('2022-03-02')
    expect(testing()?.params).toEqual({ hours: 48 })
  })

  it('differences only hides the rows where every region agrees', async () => {
    const store = useCompareStore()
    store.setRegions(['371500', '140100'])
    await store.setAsOf('2022-04-01')
    const all = store.visibleRows.map((r) => r.category)
    expect(all).toContain('quarantine')
    store.differencesOnly = true
    expect(store.visibleRows.map((r) => r.category)).not.toContain('quarantine')
    expect(store.visibleRows.map((r) => r.category)).toContain('testing')
  })

  it('saves the working state as one current set and restores it in a new session', async () => {
    const store = useCompareStore()
    store.setRegions(['371500', '140100'])
    await settle()
    await store.setAsOf('2022-04-01')
    await settle()
    const current = fake.compare.sets.filter((s) => s.current)
    expect(current).toHaveLength(1)
    expect(fake.compare.sets).toHaveLength(1)
    expect(current[0]).toMatchObject({ regions: ['371500', '140100'], asOf: '2022-04-01' })

    setActivePinia(createPinia())
    const again = useCompareStore()
    await again.restore()
    expect(again.regions).toEqual(['371500', '140100'])
    expect(again.asOf).toBe('2022-04-01')
    expect(again.result?.regions).toHaveLength(2)
    // Further changes update the same set rather than adding one.
    again.addRegion('220000')
    await settle()
    expect(fake.compare.sets).toHaveLength(1)
    expect(fake.compare.sets[0].regions).toEqual(['371500', '140100', '220000'])
  })

  it('saves named sets, re-opens, renames and deletes them (and undoes the delete)', async () => {
    const store = useCompareStore()
    store.setRegions(['371500', '140100'])
    await store.setAsOf('2022-04-01')
    await settle()
    await store.saveAs('鲁晋对比')
    expect(store.savedSets.map((s) => s.name)).toEqual(['鲁晋对比'])
    store.setRegions(['220000', '140100'])
    await store.setAsOf(null)
    await settle()
    const id = store.savedSets[0].id
    await store.open(id)
    expect(store.regions).toEqual(['371500', '140100'])
    expect(store.asOf).toBe('2022-04-01')
    await store.rename(id, '山东与山西')
    expect(store.savedSets.map((s) => s.name)).toEqual(['山东与山西'])
    const gone = await store.remove(id)
    expect(store.savedSets).toEqual([])
    await store.restoreDeleted(gone!)
    expect(store.savedSets.map((s) => [s.name, s.regions])).toEqual([['山东与山西', ['371500', '140100']]])
  })

  it('reports a failed comparison and keeps the regions', async () => {
    fake.handlers['compare.run'] = () => {
      throw new Error('the archive is busy')
    }
    const store = useCompareStore()
    store.setRegions(['371500', '140100'])
    await settle()
    expect(store.error).toContain('the archive is busy')
    expect(store.result).toBeNull()
    expect(store.regions).toEqual(['371500', '140100'])
  })
})
