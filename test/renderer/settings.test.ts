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

describe('settings page', () => {
  it('chooses the inbox folder with the system dialog and shows a refusal in Chinese', async () => {
    fake.settings = { inboxFolder: null, inboxTags: ['收件箱'] }
    const { wrapper } = await mountWithApp(SettingsView, { route: '/settings' })
    expect(fake.callsOf('settings.get')).toHaveLength(1)
    expect(wrapper.text()).toContain('收件箱')
    // The path field is for reading only: the page never sends a path.
    expect(wrapper.get('input[data-testid="settings-inbox-folder"]').attributes('readonly')).toBeDefined()

    fake.chosenFolder = '/no/such/folder'
    await wrapper.get('[data-testid="settings-choose-folder"]').trigger('click')
    await flushPromises()
    const error = wrapper.get('[data-testid="settings-error"]').text()
    expect(error).toContain('收件箱文件夹“/no/such/folder”不存在')
    expect(error).not.toMatch(/does not exist|not a folder/)
    expect(fake.settings.inboxFolder).toBeNull()

    fake.chosenFolder = '/data/inbox'
    await wrapper.get('[data-testid="settings-choose-folder"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('settings.chooseInbox')).toHaveLength(2)
    expect(fake.callsOf('settings.update')).toEqual([])
    expect(wrapper.find('[data-testid="settings-error"]').exists()).toBe(false)
    expect((wrapper.get('input[data-testid="settings-inbox-folder"]').element as HTMLInputElement).value).toBe('/data/inbox')
    expect(document.body.textContent).toContain('设置已保存')

    await wrapper.get('[data-testid="settings-inbox-off"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('settings.update')).toEqual([{ patch: { inboxFolder: null } }])
    expect(fake.settings.inboxFolder).toBeNull()
  })

  it('saves the inbox tags without sending a folder', async () => {
    fake.settings = { inboxFolder: '/data/inbox', inboxTags: [] }
    const { wrapper } = await mountWithApp(SettingsView, { route: '/settings' })
    const input = wrapper.get('input[data-testid="settings-inbox-tags"]')
    await input.setValue('收件箱')
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('settings.update')).toEqual([{ patch: { inboxTags: ['收件箱'] } }])
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
    // Rows 0 and 1 come from different files: merging them is not offered.
    await rows[0].find('.c-check').trigger('click')
    await rows[1].find('.c-check').trigger('click')
    expect(wrapper.find('[data-testid="bulk-merge"]').exists()).toBe(false)
    await rows[1].find('.c-check').trigger('click')
    await rows[0].find('.c-check').trigger('click')
    await rows[2].find('.c-check').trigger('click')
    await rows[0].find('.c-check').trigger('click')
    await wrapper.get('[data-testid="bulk-merge"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('documents.merge')).toEqual([{ ids: [rows[2].attributes('data-id'), rows[0].attributes('data-id')] }])
    expect(router.currentRoute.value.fullPath).toBe('/documents/doc000002')
  })
})
