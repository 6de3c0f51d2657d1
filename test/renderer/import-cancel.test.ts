// Cancelling a running import from the Import view: the button asks main (jobs.cancel) to stop the job,
// says so while it stops, and the finished panel says it was cancelled, keeping what was stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ImportView from '@/views/ImportView.vue'
import { wireEvents } from '@/stores/events'
import { FakeApi, uninstall } from './fake-api'
import { flushPromises, mountWithApp } from './helpers'

let fake: FakeApi
beforeEach(() => {
  fake = new FakeApi().install()
})
afterEach(() => {
  uninstall()
  document.body.innerHTML = ''
})

const progress = { jobId: 'j9', done: 2, total: 10, imported: 2, duplicates: 0, errors: 0, perSecond: 1, etaMs: 8000, current: 'c.txt' }

describe('cancelling an import', () => {
  it('stops the running job through jobs.cancel and shows it as cancelled, in either language', async () => {
    for (const [locale, cancelling, cancelled] of [
      ['zh-CN', '正在取消', '已取消'],
      ['en', 'Cancelling', 'Cancelled']
    ] as const) {
      fake.calls.length = 0
      let running = true
      fake.handlers['jobs.cancel'] = ((a: { jobId: string }) => ({ cancelled: running && a.jobId === 'j9' })) as never
      const { wrapper } = await mountWithApp(ImportView, { route: '/import', locale })
      const off = wireEvents(() => {})
      fake.emit('import.progress', progress)
      await flushPromises()
      const button = wrapper.get('[data-testid="import-cancel"]')
      expect(button.attributes('disabled')).toBeUndefined()
      await button.trigger('click')
      await flushPromises()
      expect(fake.calls.filter((c) => c.op === 'jobs.cancel')).toEqual([{ op: 'jobs.cancel', args: { jobId: 'j9' } }])
      expect(wrapper.get('[data-testid="import-progress"]').text()).toContain(cancelling)
      expect(wrapper.get('[data-testid="import-cancel"]').attributes('disabled')).toBeDefined()

      running = false
      fake.emit('import.done', { jobId: 'j9', imported: 2, duplicates: 0, errors: 0, ms: 2100 })
      await flushPromises()
      const panel = wrapper.get('[data-testid="import-progress"]')
      expect(panel.attributes('data-state')).toBe('done')
      expect(panel.get('[data-testid="import-cancelled"]').text()).toContain(cancelled)
      expect(panel.text()).toContain('2.1')
      expect(panel.find('[data-testid="import-cancel"]').exists()).toBe(false)
      off()
      wrapper.unmount()
    }
  })

  it('a job that finished just before the click is shown as finished, not cancelled', async () => {
    fake.handlers['jobs.cancel'] = (() => ({ cancelled: false })) as never
    const { wrapper } = await mountWithApp(ImportView, { route: '/import' })
    const off = wireEvents(() => {})
    fake.emit('import.progress', progress)
    await flushPromises()
    await wrapper.get('[data-testid="import-cancel"]').trigger('click')
    await flushPromises()
    fake.emit('import.done', { jobId: 'j9', imported: 10, duplicates: 0, errors: 0, ms: 5000 })
    await flushPromises()
    expect(wrapper.find('[data-testid="import-cancelled"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="import-progress"]').text()).toContain('已完成')
    off()
    wrapper.unmount()
  })
})
