import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { EventBus } from '../../../src-main/node/services/event-bus'
import { contract } from '../../../src-main/common/api/contract'
import { OPERATIONS, EVENTS } from '../../../src-main/common/api/operations'
import type { DocumentRecord } from '../../../src-main/common/record'
import { tmpDir } from '../helpers/tmp'
import { ApiHarness } from '../helpers/api'

const TEXT = '菏泽市牡丹区新冠肺炎疫情防控指挥部通告\n一、全区暂停50人以上聚集性活动。\n二、进入公共场所须佩戴口罩、扫码测温。\n菏泽市牡丹区新冠肺炎疫情防控指挥部\n2022年1月20日'

/** The ids of the documents the next import job stores, once it is done. */
function importedIds(bus: EventBus): Promise<string[]> {
  return new Promise((resolve) => {
    const ids: string[] = []
    bus.on((name, p) => {
      if (name === 'import.item' && (p as { id?: string }).id) ids.push((p as { id: string }).id)
      if (name === 'import.done') resolve(ids)
    })
  })
}

describe('API service', () => {
  let h: ApiHarness
  const call = <T>(op: string, args: unknown): Promise<T> => h.call<T>(op, args)
  const importText = async (text: string): Promise<string> => String((await h.importText(text)).id)

  beforeEach(async () => {
    h = await ApiHarness.open()
  })
  afterEach(() => h.close())

  it('has a schema for exactly the listed operations', () => {
    expect(Object.keys(contract).sort()).toEqual([...OPERATIONS].sort())
    expect(new Set(EVENTS).size).toBe(EVENTS.length)
  })

  it('imports pasted text with progress events and lists it', async () => {
    const id = await importText(TEXT)
    expect(h.events.map((e) => e.name)).toEqual(expect.arrayContaining(['import.progress', 'import.item', 'import.done']))
    const list = await call<{ total: number; rows: { id: string }[] }>('documents.list', {})
    expect(list.total).toBe(1)
    expect(list.rows[0].id).toBe(id)
    const rec = await call<DocumentRecord>('documents.get', { id })
    expect(rec.text).toContain('聚集性活动')
  })

  it('corrects, deletes and undoes measures through the contract', async () => {
    const id = await importText(TEXT)
    const rec = await call<DocumentRecord>('documents.get', { id })
    const start = rec.text.indexOf('佩戴口罩')
    const added = await call<DocumentRecord>('measures.add', { documentId: id, measure: { category: 'masks', level: 3, start, end: start + 4 } })
    const mine = added.measures.find((m) => m.manual && m.category === 'masks' && m.start === start)!
    expect(mine.text).toBe('佩戴口罩')
    const bad = await h.api.dispatch('measures.add', { documentId: id, measure: { category: 'not-a-category', level: 1, start: 0, end: 2 } })
    expect(bad.ok).toBe(false)
    const deleted = await call<DocumentRecord>('measures.delete', { id: mine.id })
    expect(deleted.measures.find((m) => m.id === mine.id)).toBeUndefined()
    expect(await call('history.undo', { documentId: id })).toMatchObject({ action: 'delete-measure' })
    const back = await call<DocumentRecord>('documents.get', { id })
    expect(back.measures.find((m) => m.id === mine.id)).toBeDefined()
    const fixed = await call<DocumentRecord>('documents.update', { id, patch: { date: '2022-01-21', docType: 'notice' } })
    expect(fixed.date).toBe('2022-01-21')
    const regions = await call<{ key: string; name: string }[]>('regions.search', { query: '牡丹区' })
    const key = regions.find((r) => r.name === '牡丹区')!.key
    const placed = await call<DocumentRecord>('documents.setRegions', { id, codes: [key] })
    expect(placed.regions.map((r) => r.name)).toEqual(['牡丹区'])
  })

  it('keeps settings in the archive and refuses an inbox folder that does not exist', async () => {
    expect(await call('settings.get', {})).toEqual({ inboxFolder: null, inboxTags: [] })
    const missing = await h.api.dispatch('settings.update', { patch: { inboxFolder: path.join(tmpDir(), 'nope') } })
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    const inbox = tmpDir()
    await call('settings.update', { patch: { inboxFolder: inbox, inboxTags: ['收件箱'] } })
    const dir = h.archive.layout.dir
    await h.close()
    h = new ApiHarness(await Archive.open(dir))
    expect(await call('settings.get', {})).toEqual({ inboxFolder: inbox, inboxTags: ['收件箱'] })
    expect(fs.existsSync(inbox)).toBe(true)
  })
})

describe('documents.summaries', () => {
  it('returns rows for known ids in the order asked, trashed included, unknown left out', async () => {
    const own = await ApiHarness.open()
    const { api } = own
    const done = importedIds(own.bus)
    await api.dispatch('import.files', {
      files: [
        { name: 'a.txt', base64: Buffer.from('甲县疫情防控通告\n全县暂停堂食。').toString('base64') },
        { name: 'b.txt', base64: Buffer.from('乙县疫情防控通告\n全县学校暂停线下教学。').toString('base64') }
      ]
    })
    const [a, b] = await done
    await api.dispatch('documents.trash', { ids: [a] })
    const r = await api.dispatch('documents.summaries', { ids: [b, 'zzzzzzzzzzzz', a] })
    expect(r.ok && (r.result as { id: string }[]).map((x) => x.id)).toEqual([b, a])
    await own.close()
  })
})

describe('documents.parts', () => {
  it('lists the parts split from one file, in order', async () => {
    const own = await ApiHarness.open()
    const { api } = own
    const done = importedIds(own.bus)
    await api.dispatch('import.text', { text: TEXT, name: 'one.txt' })
    const [id] = await done
    const text = (((await api.dispatch('documents.get', { id })) as { result: { text: string } }).result).text
    const split = await api.dispatch('documents.split', { id, offsets: [text.indexOf('二、')] })
    const ids = (split as { result: { ids: string[] } }).result.ids
    expect(ids).toHaveLength(2)
    const r = await api.dispatch('documents.parts', { id: ids[1] })
    expect(r.ok && (r.result as { id: string; part: number; parts: number }[]).map((x) => [x.id, x.part, x.parts])).toEqual([
      [ids[0], 1, 2],
      [ids[1], 2, 2]
    ])
    await own.close()
  })
})
