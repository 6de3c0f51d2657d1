import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import LibraryView from '@/views/LibraryView.vue'
import { FakeApi, uninstall } from './fake-api'
import { flushPromises, mountWithApp } from './helpers'

let fake: FakeApi
beforeEach(() => {
  fake = new FakeApi(5).install()
})
afterEach(() => {
  uninstall()
  document.body.innerHTML = ''
})

describe('bulk trash with undo', () => {
  it('trashes the selected rows and Undo restores exactly those', async () => {
    const { wrapper } = await mountWithApp(LibraryView)
    const rows = wrapper.findAll('[data-testid="library-row"]')
    expect(rows).toHaveLength(5)
    const ids = [rows[1].attributes('data-id'), rows[3].attributes('data-id')]
    await rows[1].find('.c-check').trigger('click')
    await rows[3].find('.c-check').trigger('click')
    expect(wrapper.get('[data-testid="bulk-actions"]').text()).toContain('已选 2 篇')

    await wrapper.get('[data-testid="bulk-trash"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('documents.trash')).toEqual([{ ids }])
    expect(wrapper.findAll('[data-testid="library-row"]')).toHaveLength(3)
    expect(fake.callsOf('documents.restore')).toEqual([])

    const undo = document.body.querySelector<HTMLButtonElement>('[data-testid="undo-trash"]')
    expect(undo).not.toBeNull()
    expect(undo!.textContent).toContain('撤销')
    undo!.click()
    await flushPromises()
    expect(fake.callsOf('documents.restore')).toEqual([{ ids }])
    expect(wrapper.findAll('[data-testid="library-row"]')).toHaveLength(5)
    wrapper.unmount()
  })

  it('shows how to import when the library is empty', async () => {
    fake.total = 0
    const { wrapper } = await mountWithApp(LibraryView)
    expect(wrapper.get('[data-testid="library-empty"]').text()).toContain('导入')
    wrapper.unmount()
  })
})
