import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useLibraryStore } from '@/stores/library'
import FacetsSidebar from '@/components/library/FacetsSidebar.vue'
import LibraryFilters from '@/components/library/LibraryFilters.vue'
import { FakeApi, uninstall } from './fake-api'
import { mountWithApp, flushPromises } from './helpers'

beforeEach(() => {
  new FakeApi(50).install()
})
afterEach(() => uninstall())

describe('region facet in the filter bar', () => {
  it('shows the place name, not its code, after a region facet is clicked, and filters by the code', async () => {
    const Both = defineComponent({ render: () => h('div', [h(LibraryFilters), h(FacetsSidebar)]) })
    const { wrapper } = await mountWithApp(Both)
    const lib = useLibraryStore()
    await lib.setFilter({ text: '隔离' })
    await flushPromises()
    await wrapper.find('[data-testid="facet-region"][data-code="220000"]').trigger('click')
    await flushPromises()
    expect(lib.filter.region).toBe('220000')
    // Element Plus puts the test id on the <input> itself.
    const box = wrapper.find('input[data-testid="filter-region"]').element as HTMLInputElement
    expect(box.value).toBe('吉林省')
    // Showing the name must not turn the filter into the (possibly ambiguous) name after the debounce.
    await new Promise((r) => setTimeout(r, 400))
    expect(lib.filter.region).toBe('220000')
    // Clicking again drops the filter and empties the box.
    await wrapper.find('[data-testid="facet-region"][data-code="220000"]').trigger('click')
    await flushPromises()
    expect(lib.filter.region).toBe('')
    expect(box.value).toBe('')
    wrapper.unmount()
  })
})

describe('region facet list', () => {
  it('lists each city under its own province, not under whichever province has the next higher count', async () => {
    const { wrapper } = await mountWithApp(FacetsSidebar)
    const lib = useLibraryStore()
    const r = (code: string, name: string, level: string, count: number) => ({ code, name, level, count })
    lib.facets = {
      regions: [r('310000', '上海市', 'province', 30), r('371500', '聊城市', 'city', 25), r('220000', '吉林省', 'province', 20), r('370000', '山东省', 'province', 10), r('220100', '长春市', 'city', 8), r('410100', '郑州市', 'city', 5)],
      types: [],
      tags: [],
      measures: [],
      hasSimilar: 0,
      hasWarnings: 0
    } as never
    await flushPromises()
    const rows = wrapper.findAll('[data-testid="facet-region"]').map((b) => `${b.classes().includes('sub') ? '  ' : ''}${b.attributes('data-code')}`)
    expect(rows).toEqual(['310000', '220000', '  220100', '370000', '  371500', '410100'])
    wrapper.unmount()
  })
})
