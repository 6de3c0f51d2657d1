import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { PAGE, useLibraryStore } from '@/stores/library'
import DocumentList from '@/components/library/DocumentList.vue'
import { FakeApi, uninstall } from './fake-api'
import { mountWithApp } from './helpers'

let fake: FakeApi

beforeEach(() => {
  fake = new FakeApi(100_000).install()
  setActivePinia(createPinia())
})
afterEach(() => uninstall())

const offsets = (): number[] => fake.callsOf('documents.list').map((a) => a.offset as number)

describe('library store: windowed loading', () => {
  it('loads only the first page for the top of the list', async () => {
    const lib = useLibraryStore()
    await lib.ensureRange(0, 30)
    expect(offsets()).toEqual([0])
    expect(lib.total).toBe(100_000)
    expect(lib.rowAt(0)?.title).toContain(' 0')
    expect(lib.rowAt(PAGE)).toBeUndefined()
  })

  it('scrolling to row 50,000 requests the pages around it, not everything', async () => {
    const lib = useLibraryStore()
    await lib.ensureRange(0, 30)
    await lib.ensureRange(50_000, 50_030)
    const calls = fake.callsOf('documents.list')
    expect(calls.length).toBeLessThanOrEqual(3)
    for (const c of calls) expect(c.limit).toBeLessThanOrEqual(PAGE)
    const later = offsets().slice(1)
    expect(later.length).toBeGreaterThan(0)
    for (const o of later) expect(Math.abs(o - 50_000)).toBeLessThanOrEqual(PAGE)
    expect(lib.rowAt(50_000)?.title).toContain('50000')
    expect(lib.rowAt(50_029)).toBeDefined()
    expect(lib.rowAt(10_000)).toBeUndefined()
  })

  it('the first list of a visit brings the facet counts too, once', async () => {
    const lib = useLibraryStore()
    expect(lib.facets).toBeNull()
    await lib.ensureRange(0, 30)
    await lib.ensureRange(40, 80)
    await new Promise((r) => setTimeout(r, 0))
    const counts = fake.callsOf('search.run')
    expect(counts).toHaveLength(1)
    expect(counts[0]).toMatchObject({ query: '', limit: 0, facets: true })
    expect(lib.facets?.regions[0]?.name).toBe('吉林省')
  })

  it('does not fetch a page twice, even while the first request is in flight', async () => {
    const lib = useLibraryStore()
    await Promise.all([lib.ensureRange(300, 320), lib.ensureRange(300, 320)])
    const first = offsets()
    expect(first.length).toBeGreaterThan(0)
    expect(new Set(first).size).toBe(first.length)
    for (const o of first) expect(o % PAGE).toBe(0)
    await lib.ensureRange(305, 325)
    expect(offsets()).toEqual(first)
  })

  it('sends the filter and starts again from the top when it changes', async () => {
    const lib = useLibraryStore()
    await lib.ensureRange(50_000, 50_030)
    fake.calls = []
    await lib.setFilter({ text: ' 隔离 ', type: 'notice', region: '吉林', from: '2022-01-01', to: '2022-12-31' })
    // A query goes to search (ranked, with snippets); the other filters travel with it.
    const [first] = fake.callsOf('search.run')
    expect(first.offset).toBe(0)
    expect(first.query).toBe('隔离')
    expect(first.filter).toEqual({ type: 'notice', region: '吉林', from: '2022-01-01', to: '2022-12-31' })
    expect(lib.rowAt(50_000)).toBeUndefined()
  })

  it('refreshes the visible pages when the archive changes, keeping rows until the new ones arrive', async () => {
    const lib = useLibraryStore()
    await lib.ensureRange(0, 30)
    fake.calls = []
    fake.total = 100_001
    await lib.refresh()
    expect(offsets()).toEqual([0])
    expect(lib.total).toBe(100_001)
    expect(lib.rowAt(0)).toBeDefined()
  })

  it('the list renders only a window of rows out of 100,000', async () => {
    const { wrapper } = await mountWithApp(DocumentList)
    const rows = wrapper.findAll('[data-testid="library-row"]')
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(60)
    expect(offsets()).toEqual([0])
    wrapper.unmount()
  })
})
