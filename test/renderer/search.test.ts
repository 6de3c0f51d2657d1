import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useLibraryStore } from '@/stores/library'
import { useSearchStore } from '@/stores/search'
import { FakeApi, uninstall } from './fake-api'

let fake: FakeApi

beforeEach(() => {
  fake = new FakeApi(500).install()
  setActivePinia(createPinia())
})
afterEach(() => uninstall())

describe('library search', () => {
  it('lists through search.run with a query, ranked by relevance, and back to the plain list without one', async () => {
    const lib = useLibraryStore()
    await lib.setFilter({ text: '隔离', region: '山东' })
    const run = fake.callsOf('search.run')
    // The first page brings the facet counts; a later page of the same list does not ask for them again.
    expect(run.find((c) => c.offset === 0)).toMatchObject({ query: '隔离', filter: { region: '山东' }, sort: 'relevance', facets: true })
    for (const c of run.filter((c) => (c.offset as number) > 0)) expect(c.facets).toBe(false)
    expect(lib.rowAt(0)?.snippet).toContain('[隔离]')
    expect(lib.facets?.regions[0].name).toBe('吉林省')
    await lib.setFilter({ text: '' })
    expect(lib.sort).toBe('newest')
    const list = fake.callsOf('documents.list')
    expect(list[list.length - 1]).toMatchObject({ filter: { region: '山东' }, sort: 'newest' })
  })

  it('asks for facet counts with the filters when the plain list shows', async () => {
    const lib = useLibraryStore()
    await lib.setFilter({ type: 'notice' })
    await new Promise((r) => setTimeout(r, 0))
    const run = fake.callsOf('search.run')
    expect(run[run.length - 1]).toMatchObject({ query: '', filter: { type: 'notice' }, limit: 0, facets: true })
    expect(lib.facets?.types[0]).toEqual({ value: 'notice', count: 500 })
  })

  it('sends filters only search knows through search.run', async () => {
    const lib = useLibraryStore()
    await lib.setFilter({ measure: 'quarantine', minLevel: 3, hasWarnings: true })
    const run = fake.callsOf('search.run')
    expect(run[run.length - 1]).toMatchObject({ filter: { measure: 'quarantine', minLevel: 3, hasWarnings: true } })
  })
})

describe('saved views', () => {
  it('saves the current query and filters, applies, renames, reorders and deletes views', async () => {
    const lib = useLibraryStore()
    const views = useSearchStore()
    await lib.setFilter({ text: '口罩', region: '370000' })
    await views.saveCurrent('山东口罩')
    await lib.resetFilter()
    await views.saveCurrent('全部')
    expect(views.views.map((v) => v.name)).toEqual(['山东口罩', '全部'])

    await views.apply(views.views[0])
    expect(lib.filter.text).toBe('口罩')
    expect(lib.filter.region).toBe('370000')
    expect(views.activeId).toBe(views.views[0].id)

    await views.rename(views.views[0], '鲁·口罩')
    await views.move(views.views[1], -1)
    expect(views.views.map((v) => v.name)).toEqual(['全部', '鲁·口罩'])
    await views.remove(views.views[0])
    expect(views.views.map((v) => v.name)).toEqual(['鲁·口罩'])
  })
})
