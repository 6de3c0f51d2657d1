import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ImportView from '@/views/ImportView.vue'
import App from '@/App.vue'
import { useImportsStore } from '@/stores/imports'
import { wireEvents } from '@/stores/events'
import { batchFiles } from '@/lib/files'
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

describe('import', () => {
  it('shows progress and per-file results from main events', async () => {
    const { wrapper } = await mountWithApp(ImportView, { route: '/import' })
    const off = wireEvents(() => {})
    fake.emit('import.progress', { jobId: 'j1', done: 1, total: 3, imported: 1, duplicates: 0, errors: 0, perSecond: 2, etaMs: 1000, current: 'b.docx' })
    fake.emit('import.item', { jobId: 'j1', outcome: 'imported', file: 'a.txt', id: 'abcd1234', title: '关于防控的通知' })
    fake.emit('import.item', { jobId: 'j1', outcome: 'duplicate', file: 'b.docx', of: 'abcd1234', reason: 'the same text is already in the archive', reasonKey: 'errors.import.duplicate', reasonParams: {} })
    fake.emit('import.item', { jobId: 'j1', outcome: 'error', file: 'c.pdf', reason: 'the PDF is password-protected', reasonKey: 'errors.import.pdfPassword', reasonParams: {} })
    await flushPromises()
    const panel = wrapper.get('[data-testid="import-progress"]')
    expect(panel.attributes('data-state')).toBe('running')
    expect(panel.text()).toContain('1 / 3')
    expect(panel.text()).toContain('b.docx')
    const results = wrapper.findAll('[data-testid="import-result"]')
    expect(results.map((r) => r.attributes('data-outcome')).sort()).toEqual(['duplicate', 'error', 'imported'])
    const err = results.find((r) => r.attributes('data-outcome') === 'error')!
    expect(err.text()).toContain('c.pdf')
    expect(err.text()).toContain('密码')
    const dup = results.find((r) => r.attributes('data-outcome') === 'duplicate')!
    expect(dup.find('a').attributes('href')).toContain('/documents/abcd1234')
    fake.emit('import.done', { jobId: 'j1', imported: 1, duplicates: 1, errors: 1, ms: 1500 })
    await flushPromises()
    expect(wrapper.get('[data-testid="import-progress"]').attributes('data-state')).toBe('done')
    off()
    wrapper.unmount()
  })

  it('offers merge / keep both for near-duplicates reported with an imported file', async () => {
    const { wrapper } = await mountWithApp(ImportView, { route: '/import' })
    const off = wireEvents(() => {})
    fake.emit('import.item', {
      jobId: 'j2',
      outcome: 'imported',
      file: 'n.txt',
      id: 'new00001',
      title: '通知',
      similar: [
        { id: 'old00001', score: 0.93 },
        { id: 'old00002', score: 0.88 }
      ]
    })
    await flushPromises()
    expect(wrapper.findAll('[data-testid="result-similar"]')).toHaveLength(2)
    expect(wrapper.get('[data-testid="result-similar"]').text()).toContain('93%')
    fake.handlers['documents.resolveSimilar'] = () => ({})
    await wrapper.get('[data-testid="result-similar"][data-id="old00001"] [data-testid="result-similar-merge"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="result-similar"][data-id="old00002"] [data-testid="result-similar-keep"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('documents.resolveSimilar')).toEqual([
      { id: 'new00001', other: 'old00001', action: 'merge' },
      { id: 'new00001', other: 'old00002', action: 'keep' }
    ])
    expect(wrapper.findAll('[data-testid="result-similar"]')).toHaveLength(0)
    off()
    wrapper.unmount()
  })

  it('files picked with the shell file input are imported and the Import view opens', async () => {
    const { wrapper, router } = await mountWithApp(App, { route: '/library' })
    const input = wrapper.get('input[data-testid="import-file-input"]')
    expect(input.attributes('type')).toBe('file')
    Object.defineProperty(input.element, 'files', { value: [new File(['通知'], 'a.txt')], configurable: true })
    await input.trigger('change')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50)) // FileReader completes asynchronously
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/import')
    expect(fake.callsOf('import.files').map((a) => (a.files as { name: string }[]).map((f) => f.name))).toEqual([['a.txt']])
    wrapper.unmount()
  })

  it('sends browser files as base64 through import.files', async () => {
    await mountWithApp(ImportView, { route: '/import' })
    const store = useImportsStore()
    const ids = await store.importFiles([new File(['通告全文'], 'n.txt', { type: 'text/plain' })])
    expect(ids).toEqual(['job-1'])
    const [args] = fake.callsOf('import.files')
    const files = args.files as { name: string; base64: string }[]
    expect(files).toHaveLength(1)
    expect(files[0].name).toBe('n.txt')
    expect(new TextDecoder().decode(Uint8Array.from(atob(files[0].base64), (c) => c.charCodeAt(0)))).toBe('通告全文')
  })

  it('pasted text goes to import.text', async () => {
    await mountWithApp(ImportView, { route: '/import' })
    await useImportsStore().importText('全员核酸检测', '粘贴')
    expect(fake.callsOf('import.text')).toEqual([{ text: '全员核酸检测', name: '粘贴', tags: [] }])
  })

  it('batches files within the contract limits and sets aside oversized ones', () => {
    const files = Array.from({ length: 2500 }, (_, i) => ({ name: `f${i}`, size: 1000 }))
    files.push({ name: 'huge', size: 200 * 1024 * 1024 })
    const { batches, tooLarge } = batchFiles(files)
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500])
    expect(tooLarge.map((f) => f.name)).toEqual(['huge'])
  })
})
