import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import App from '@/App.vue'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { LOCALE_KEY } from '@/i18n'
import { FakeApi, uninstall } from './fake-api'
import { flushPromises, mountWithApp } from './helpers'

function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

beforeEach(() => {
  localStorage.clear()
  new FakeApi(3).install()
})
afterEach(() => uninstall())

describe('i18n', () => {
  it('both languages define the same messages', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort())
  })

  it('starts in Chinese and the header switch changes labels to English, remembered', async () => {
    const { wrapper } = await mountWithApp(App)
    const nav = () => wrapper.get('[data-testid="nav-library"]').text()
    expect(nav()).toContain('文档库')
    expect(wrapper.get('[data-testid="nav-compare"]').text()).toContain('对比')
    await wrapper.get('[data-testid="locale-en"] input').setValue(true)
    await flushPromises()
    expect(nav()).toContain('Library')
    expect(nav()).not.toContain('文档库')
    expect(wrapper.get('[data-testid="library-total"]').text()).toBe('3 documents')
    expect(localStorage.getItem(LOCALE_KEY)).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    wrapper.unmount()
  })

  it('opens in the remembered language', async () => {
    localStorage.setItem(LOCALE_KEY, 'en')
    const { wrapper } = await mountWithApp(App)
    expect(wrapper.get('[data-testid="nav-tags"]').text()).toContain('Tags')
    wrapper.unmount()
  })
})
