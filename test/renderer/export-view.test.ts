// The export view: set up from its route (Compare, library selection), previews through
// export.preview, runs the export as a job with progress, download and cancel.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ExportView from '@/views/ExportView.vue'
import { useLibraryStore } from '@/stores/library'
import { wireEvents } from '@/stores/events'
import { FakeApi, uninstall } from './fake-api'
import { flushPromises, mountWithApp } from './helpers'

let api: FakeApi
const JOB = '5f0c7a9e-2b1d-4c3e-9f8a-1d2e3f4a5b6c'
const offs: (() => void)[] = []

beforeEach(() => {
  api = new FakeApi(3).install()
  api.handlers['export.preview'] = () => ({ title: '聊城市、太原市地区防控措施对比', css: '.page { color: black; }', body: '<div class="page"><h1>聊城市、太原市地区防控措施对比</h1></div>', documents: 2, measures: 5, sources: 2, truncated: 0, regionNames: { '371500': '聊城市', '140100': '太原市' } })
  api.handlers['export.start'] = () => ({ jobId: JOB })
})
afterEach(() => {
  offs.splice(0).forEach((off) => off())
  uninstall()
  vi.restoreAllMocks()
})

async function mountExport(route: string) {
  const mounted = await mountWithApp(ExportView, { route })
  offs.push(wireEvents(() => {}))
  return mounted
}

async function waitPreview(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300))
  await flushPromises()
}

describe('export view', () => {
  it('from Compare: the route gives kind, regions and date; the preview shows the layout', async () => {
    const { wrapper } = await mountExport('/export?kind=compare&regions=371500,140100&asOf=2022-11-20')
    await waitPreview()
    expect(api.callsOf('export.preview')[0]).toEqual({ request: { kind: 'compare', regions: ['371500', '140100'], asOf: '2022-11-20' } })
    const host = wrapper.get('[data-testid="export-preview"]').element as HTMLElement
    expect(host.shadowRoot?.innerHTML).toContain('<h1>聊城市、太原市地区防控措施对比</h1>')
    expect(wrapper.get('[data-testid="export-counts"]').text()).toContain('2 篇来源文档，5 条措施')
    expect(wrapper.get('[data-testid="export-regions"]').text()).toContain('聊城市')
    wrapper.unmount()
  })

  it('from a library selection: exports those ids, shows progress, downloads the finished file', async () => {
    const { wrapper, router } = await mountExport('/library')
    useLibraryStore().setSelected(['doc000001', 'doc000002'])
    await router.push('/export?kind=documents&source=selection')
    await waitPreview()
    expect(api.callsOf('export.preview').at(-1)).toEqual({ request: { kind: 'documents', ids: ['doc000001', 'doc000002'], filter: {}, includeText: false } })
    await wrapper.get('[data-testid="export-format-xlsx"] input').setValue(true)
    api.handlers['export.download'] = () => ({ name: '文档清单_20261207.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: btoa('PK') })
    const created = vi.fn((_b: Blob) => 'blob:export')
    URL.createObjectURL = created as unknown as typeof URL.createObjectURL
    URL.revokeObjectURL = vi.fn()
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await wrapper.get('[data-testid="export-start"]').trigger('click')
    await flushPromises()
    expect(api.callsOf('export.start')[0]).toMatchObject({ format: 'xlsx', request: { kind: 'documents', ids: ['doc000001', 'doc000002'] } })
    api.emit('job.progress', { jobId: JOB, kind: 'export', done: 150, total: 300, stage: 'render' })
    await flushPromises()
    expect(wrapper.get('[data-testid="export-progress"]').text()).toContain('正在生成文件')
    api.emit('job.done', { jobId: JOB, kind: 'export', ms: 40, cancelled: false, detail: { name: '文档清单_20261207.xlsx', download: true, path: null } })
    await flushPromises()
    expect(api.callsOf('export.download')).toEqual([{ jobId: JOB }])
    expect(clicked).toHaveBeenCalledTimes(1)
    expect((created.mock.calls[0][0] as Blob).size).toBe(2)
    expect(wrapper.get('[data-testid="export-done"]').text()).toContain('已下载 文档清单_20261207.xlsx')
    wrapper.unmount()
  })

  it('cancel stops the running job and says nothing was left behind', async () => {
    const { wrapper } = await mountExport('/export?kind=summary&regions=聊城市')
    await waitPreview()
    await wrapper.get('[data-testid="export-start"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="export-cancel"]').trigger('click')
    await flushPromises()
    expect(api.callsOf('jobs.cancel')).toEqual([{ jobId: JOB }])
    api.emit('job.done', { jobId: JOB, kind: 'export', ms: 5, cancelled: true, detail: {} })
    await flushPromises()
    expect(wrapper.get('[data-testid="export-cancelled"]').text()).toContain('没有留下不完整的文件')
    wrapper.unmount()
  })

  it('words main errors from their key, in the interface language', async () => {
    api.handlers['export.preview'] = () => {
      throw Object.assign(new Error('no region "火星"'), { key: 'errors.export.unknownRegion', params: { region: '火星' } })
    }
    const { wrapper } = await mountExport('/export?kind=summary&regions=火星')
    await waitPreview()
    expect(wrapper.get('[data-testid="export-preview-error"]').text()).toContain('找不到地区“火星”')
    wrapper.unmount()
  })
})
