import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import SettingsView from '@/views/SettingsView.vue'
import LibraryView from '@/views/LibraryView.vue'
import { wireEvents } from '@/stores/events'
import { FakeApi, uninstall } from './fake-api'
import { flushPromises, mountWithApp } from './helpers'
import { docRecord } from './doc-fixture'

enableAutoUnmount(afterEach)

let fake: FakeApi
beforeEach(() => {
  fake = new FakeApi(4).install()
})
afterEach(() => {
  uninstall()
  document.body.innerHTML = ''
})

async function typeFolder(wrapper: Awaited<ReturnType<typeof mountWithApp>>['wrapper'], value: string): Promise<void> {
  await wrapper.get('[data-testid="settings-inbox-folder"]').setValue(value)
  await flushPromises()
}

describe('settings page', () => {
  it('shows the folder error main answers, and saves once the folder is right', async () => {
    fake.settings = { inboxFolder: null, inboxTags: ['收件箱'] }
    const { wrapper } = await mountWithApp(SettingsView, { route: '/settings' })
    expect(fake.callsOf('settings.get')).toHaveLength(1)
    expect(wrapper.text()).toContain('收件箱')
    await typeFolder(wrapper, '/no/such/folder')
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('settings.update')).toEqual([{ patch: { inboxFolder: '/no/such/folder', inboxTags: ['收件箱'] } }])
    expect(wrapper.get('[data-testid="settings-error"]').text()).toContain('the inbox folder /no/such/folder does not exist or is not a folder')
    expect(fake.settings.inboxFolder).toBeNull()

    await typeFolder(wrapper, '/data/inbox')
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('settings.update')[1]).toEqual({ patch: { inboxFolder: '/data/inbox', inboxTags: ['收件箱'] } })
    expect(wrapper.find('[data-testid="settings-error"]').exists()).toBe(false)
    expect(fake.settings.inboxFolder).toBe('/data/inbox')
    expect(document.body.textContent).toContain('设置已保存')
  })

  it('starts re-processing and follows its progress from the import events', async () => {
    fake.handlers['archive.reprocess'] = () => ({ jobId: 'rp-1' })
    const { wrapper } = await mountWithApp(SettingsView, { route: '/settings' })
    const off = wireEvents(() => {})
    await wrapper.get('[data-testid="reprocess-button"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('archive.reprocess')).toEqual([{ all: true }])
    fake.emit('import.progress', { jobId: 'rp-1', done: 2, total: 5, imported: 0, duplicates: 0, errors: 0, perSecond: 0, etaMs: null, current: null })
    await flushPromises()
    const job = () => wrapper.get('[data-testid="reprocess-job"]')
    expect(job().text()).toContain('重新处理')
    expect(job().text()).toContain('2 / 5')
    expect(job().text()).toContain('正在重新处理')
    expect(job().get('[data-testid="import-progress"]').attributes('data-state')).toBe('running')
    fake.emit('import.done', { jobId: 'rp-1', imported: 5, duplicates: 0, errors: 0, ms: 1200 })
    await flushPromises()
    expect(job().get('[data-testid="import-progress"]').attributes('data-state')).toBe('done')
    expect(job().text()).toContain('已处理 5')
    off()
  })
})

describe('library merge', () => {
  it('merges the selected parts in selection order', async () => {
    fake.records.set('doc000002', docRecord({ id: 'doc000002' }))
    fake.records.set('doc000000', docRecord({ id: 'doc000000' }))
    const { wrapper, router } = await mountWithApp(LibraryView)
    const rows = wrapper.findAll('[data-testid="library-row"]')
    expect(wrapper.find('[data-testid="bulk-merge"]').exists()).toBe(false)
    await rows[2].find('.c-check').trigger('click')
    await rows[0].find('.c-check').trigger('click')
    await wrapper.get('[data-testid="bulk-merge"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('documents.merge')).toEqual([{ ids: [rows[2].attributes('data-id'), rows[0].attributes('data-id')] }])
    expect(router.currentRoute.value.fullPath).toBe('/documents/doc000002')
  })
})
