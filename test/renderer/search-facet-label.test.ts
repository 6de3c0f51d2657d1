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
