import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import App from '@/App.vue'
import { navigateTo } from '@/router'
import { wireEvents } from '@/stores/events'
import { FakeApi, uninstall } from './fake-api'
import { flushPromises, mountWithApp } from './helpers'

let fake: FakeApi
// The Compare view is loaded on first visit; transform it once here so the shortcut test times only the switch.
beforeAll(async () => {
  await import('@/views/CompareView.vue')
})
beforeEach(() => {
  localStorage.clear()
  fake = new FakeApi(30).install()
})
afterEach(() => {
  uninstall()
  document.body.innerHTML = ''
})

const key = (k: string, mods: KeyboardEventInit = {}, target: EventTarget = window): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods }))
}

describe('shell', () => {
  it('Ctrl+1..4 switch views; the Compare view (loaded on first visit) replaces the library', async () => {
    const { wrapper, router } = await mountWithApp(App)
    key('2', { ctrlKey: true })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/compare'), { timeout: 20_000 })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="compare-tabs"]').exists()).toBe(true), { timeout: 20_000 })
    expect(wrapper.find('[data-testid="library-row"]').exists()).toBe(false)
    key('3', { metaKey: true })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/tags')
    expect(wrapper.get('[data-testid="tag-node"][data-name="重点"]').text()).toContain('重点')
    key('1', { ctrlKey: true })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/library')
    wrapper.unmount()
  })

  it('"/" focuses the library search box, from any view', async () => {
    const { wrapper, router } = await mountWithApp(App)
    key('/')
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('input[data-testid="library-search"]').element)
    ;(document.activeElement as HTMLElement).blur()
    await router.push('/tags')
    await flushPromises()
    key('/')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/library')
    expect(document.activeElement).toBe(wrapper.get('input[data-testid="library-search"]').element)
    wrapper.unmount()
  })

  it('arrow keys move in the list and Enter opens the focused row', async () => {
    const { wrapper, router } = await mountWithApp(App)
    const list = wrapper.get('[data-testid="library-list"]')
    ;(list.element as HTMLElement).focus()
    await list.trigger('keydown', { key: 'ArrowDown' })
    await list.trigger('keydown', { key: 'ArrowDown' })
    expect(list.attributes('aria-activedescendant')).toBe('row-2')
    await list.trigger('keydown', { key: 'ArrowUp' })
    const id = wrapper.get('#row-1').attributes('data-id')
    await list.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`/documents/${id}`)
    wrapper.unmount()
  })

  it('follows app.navigate from the desktop menu, ignoring unknown routes', async () => {
    const { wrapper, router } = await mountWithApp(App)
    const off = wireEvents((r) => navigateTo(router, r))
    fake.emit('app.navigate', { route: '/export' })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/export')
    fake.emit('app.navigate', { route: 'https://example.com/' })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/export')
    off()
    wrapper.unmount()
  })
})
