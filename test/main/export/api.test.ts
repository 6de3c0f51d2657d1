// Exports through the API service as serve mode runs them: preview, a job with generic job.*
// events, the download, cancel; and the same job events for imports.
import fs from 'node:fs'
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import mammoth from 'mammoth'
import ExcelJS from 'exceljs'
import { ApiHarness, type ApiEvent } from '../helpers/api'
import type { ExportPreview } from '../../../src-main/common/export'
import type { JobDoneEvent } from '../../../src-main/common/api/jobs'
import { openFixture, type Fixture } from './fixture'

let f: Fixture
let h: ApiHarness
const call = <T>(op: string, args: unknown): Promise<T> => h.call<T>(op, args)
const finished = (jobId: string): Promise<ApiEvent> => h.finished(jobId)

beforeAll(async () => {
  f = await openFixture()
  h = new ApiHarness(f.archive)
})
afterAll(() => h.close())

describe('export through the API', () => {
  it('previews the layout of a comparison', async () => {
    const p = await call<ExportPreview>('export.preview', { request: { kind: 'compare', regions: ['聊城市', '太原'], asOf: '2022-11-20' } })
    expect(p.title).toBe('聊城市、太原市防控措施对比')
    expect(p.body).toContain('<th>聊城市</th>')
    expect(p.css).toContain('@page')
    expect(p).toMatchObject({ documents: 2, truncated: 0, regionNames: { 聊城市: '聊城市', 太原: '太原市' } })
  })

  it('runs a summary as a job: started, progress, done; the file downloads once and reads back', async () => {
    const { jobId } = await call<{ jobId: string }>('export.start', { request: { kind: 'summary', regions: ['371500', '140100'], asOf: '2022-11-20' }, format: 'docx' })
    const end = await finished(jobId)
    expect(end.name).toBe('job.done')
    const done = end.payload as unknown as JobDoneEvent
    expect(done).toMatchObject({ kind: 'export', cancelled: false, detail: { download: true } })
    expect(String(done.detail.name)).toMatch(/^聊城市、太原市防控措施汇总_20221120\.docx$/)
    const mine = h.events.filter((e) => e.payload.jobId === jobId).map((e) => e.name)
    expect(mine[0]).toBe('job.started')
    expect(mine).toContain('job.progress')
    const file = await call<{ name: string; base64: string; mime: string }>('export.download', { jobId })
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value
    expect(text).toContain('一、聊城市')
    expect(text).toContain('入境人员实行14天集中隔离医学观察')
    await expect(call('export.download', { jobId })).rejects.toMatchObject({ key: 'errors.export.notReady' })
  })

  it('a comparison as .xlsx through the same path', async () => {
    const { jobId } = await call<{ jobId: string }>('export.start', { request: { kind: 'compare', regions: ['371500', '140100'], asOf: '2022-11-20' }, format: 'xlsx' })
    await finished(jobId)
    const file = await call<{ base64: string }>('export.download', { jobId })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    expect(wb.getWorksheet('对比')!.getCell(1, 2).value).toBe('聊城市')
  })

  it('cancel stops an export and leaves nothing to download', async () => {
    const { jobId } = await call<{ jobId: string }>('export.start', { request: { kind: 'documents', includeText: true }, format: 'md' })
    expect(await call('jobs.cancel', { jobId })).toEqual({ cancelled: true })
    const end = await finished(jobId)
    expect(end).toMatchObject({ name: 'job.done', payload: { cancelled: true } })
    await expect(call('export.download', { jobId })).rejects.toMatchObject({ key: 'errors.export.notReady' })
    expect(await call('jobs.cancel', { jobId })).toEqual({ cancelled: false })
  })

  it('an unknown region is a worded error, not a crash', async () => {
    await expect(call('export.preview', { request: { kind: 'summary', regions: ['不存在的地方'] } })).rejects.toMatchObject({ key: 'errors.export.unknownRegion', params: { region: '不存在的地方' } })
  })

  it('imports and re-processing send the same generic job events (and still their import.* events)', async () => {
    const { jobId } = await call<{ jobId: string }>('import.text', { text: '潍坊市疫情防控指挥部通告\n一、全市暂停堂食。\n2022年4月1日', name: 'x.txt' })
    const end = await finished(jobId)
    expect(end.payload).toMatchObject({ kind: 'import', cancelled: false, detail: { imported: 1 } })
    expect(h.events.some((e) => e.name === 'job.started' && e.payload.jobId === jobId && e.payload.kind === 'import')).toBe(true)
    expect(h.events.some((e) => e.name === 'import.done' && e.payload.jobId === jobId)).toBe(true)
    const re = await call<{ jobId: string }>('archive.reprocess', { all: true })
    expect((await finished(re.jobId)).payload).toMatchObject({ kind: 'reprocess', cancelled: false })
  })

  it('serve mode keeps no export files around once downloaded', async () => {
    const before = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('pa-export-')).length
    const { jobId } = await call<{ jobId: string }>('export.start', { request: { kind: 'documents', filter: {} }, format: 'csv' })
    await finished(jobId)
    await call('export.download', { jobId })
    const after = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('pa-export-')).length
    expect(after).toBeLessThanOrEqual(before)
  })
})
