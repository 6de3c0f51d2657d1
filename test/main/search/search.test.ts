import path from 'node:path'
import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as OpenCC from 'opencc-js'
import { Archive } from '../../../src-main/node/archive/archive'
import { changeTags, setTrashed, storeSource } from '../../../src-main/node/archive/documents-write'
import { renameTag } from '../../../src-main/node/tags/tag-edits'
import { undoLast, updateFields } from '../../../src-main/node/archive/corrections'
import { deleteView, listViews, reorderViews, saveView } from '../../../src-main/node/search/views'
import { processInput } from '../../../src-main/node/pipeline/pipeline'
import { searchDocuments } from '../../../src-main/node/search/search'
import { searchEngine, flushSearchIndex } from '../../../src-main/node/search/engine'
import { indexFile } from '../../../src-main/node/search/persist'
import { tmpDir } from '../helpers/tmp'

const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' })

async function store(archive: Archive, name: string, text: string): Promise<string> {
  const bytes = new Uint8Array(Buffer.from(text))
  const docs = await processInput({ path: name, bytes, format: 'txt' })
  const out = storeSource(archive, { path: name, bytes, format: 'txt', encoding: docs[0].source.encoding }, docs)
  return out[0].id
}

const ids = (archive: Archive, query: string, filter = {}): string[] => searchDocuments(archive, { query, filter, limit: 100 }).results.map((r) => r.id)

// Our own wordings, one per behaviour under test.
const ISOLATION = '青岭县卫生健康局通知\n对入境人员实行集中隔离医学观察，期间佩戴口罩并每日测温。\n青岭县卫生健康局\n2022年3月1日'
const TRAD = toTrad('白石镇防控办公告\n外来人员须落实居家隔离七天，进入超市须戴口罩。\n白石镇防控办\n2022年4月2日')
const COMMA = '关于环境卫生的说明\n保持通风有助，于是大家开窗。\n某单位\n2022年5月3日'
const HELPS = '关于通风的说明\n保持通风有助于减少传播。\n某单位\n2022年5月4日'
const DOCNO = '聊城市疫情防控指挥部通告\n聊疫防指告〔2022〕14号\n聊城市全体市民须配备KN95口罩，持48小时核酸阴性证明。\n聊城市疫情防控指挥部\n2022年6月5日'
const TITLED = '疫苗接种工作安排\n各单位按计划组织人员，做好登记和留观。\n某卫生院\n2022年7月6日'
const MENTION = '近期工作汇报\n本周完成了场所巡查、物资盘点以及疫苗接种的宣传，下周继续巡查。\n某街道\n2022年7月7日'

describe('full-text search', () => {
  let archive: Archive
  const id: Record<string, string> = {}
  beforeAll(async () => {
    archive = await Archive.open(path.join(tmpDir(), 'a'))
    for (const [k, t] of Object.entries({ ISOLATION, TRAD, COMMA, HELPS, DOCNO, TITLED, MENTION })) id[k] = await store(archive, `${k}.txt`, t)
  })

  it('finds two-character words inside longer runs', () => {
    expect(ids(archive, '隔离')).toEqual(expect.arrayContaining([id.ISOLATION, id.TRAD]))
    expect(ids(archive, '口罩')).toEqual(expect.arrayContaining([id.ISOLATION, id.TRAD, id.DOCNO]))
    expect(ids(archive, '医学观察')).toEqual([id.ISOLATION])
  })

  it('finds either script with either script', () => {
    expect(ids(archive, '居家隔離')).toEqual([id.TRAD])
    expect(ids(archive, '居家隔离')).toEqual([id.TRAD])
    expect(ids(archive, '醫學觀察')).toEqual([id.ISOLATION])
  })

  it('never matches a phrase across punctuation', () => {
    expect(ids(archive, '有助于')).toEqual([id.HELPS])
    expect(ids(archive, '"有助 于"')).toEqual([id.COMMA])
  })

  it('finds document numbers with any bracket, and whole Latin and digit tokens', () => {
    for (const q of ['〔2022〕14号', '[2022]14号', '(2022)14号', '（2022）14号', '［2022］14号']) expect(ids(archive, q), q).toEqual([id.DOCNO])
    expect(ids(archive, 'KN95')).toEqual([id.DOCNO])
    expect(ids(archive, 'kn95口罩')).toEqual([id.DOCNO])
    expect(ids(archive, '48小时')).toEqual([id.DOCNO])
    expect(ids(archive, 'KN9')).toEqual([])
    // A separator in the query must be a separator in the text: 2022年14号 is not 〔2022〕14号.
    expect(ids(archive, '"2022 6月"')).toEqual([])
    expect(ids(archive, '2022年6月').length).toBeGreaterThan(0)
  })

  it('combines terms with AND, OR and NOT', () => {
    expect(ids(archive, '口罩 -隔离')).toEqual([id.DOCNO])
    expect(ids(archive, '口罩 NOT 隔离')).toEqual([id.DOCNO])
    expect(ids(archive, '口罩 测温')).toEqual([id.ISOLATION])
    expect(ids(archive, '测温 OR KN95').sort()).toEqual([id.ISOLATION, id.DOCNO].sort())
  })

  it('ranks a title hit above a single mention in the body', () => {
    const r = searchDocuments(archive, { query: '疫苗接种' })
    expect(r.results.map((x) => x.id)).toEqual([id.TITLED, id.MENTION])
    expect(r.results[0].score).toBeGreaterThan(r.results[1].score)
  })

  it('counts exactly and marks the matches in snippets cut from the original text', () => {
    const r = searchDocuments(archive, { query: '隔离' })
    expect(r.total).toBe(2)
    const trad = r.results.find((x) => x.id === id.TRAD)!
    expect(trad.snippet).toContain('[隔離]')
    expect(searchDocuments(archive, { query: '疫' }).total).toBe(searchDocuments(archive, { query: '疫' }).results.length)
  })

  it('filters by region name, short name or code, with sub-regions', () => {
    for (const region of ['山东', '山东省', '370000', '聊城', '聊城市', '371500', '山東省']) expect(ids(archive, '', { region }), region).toEqual([id.DOCNO])
    expect(ids(archive, '', { region: '河北' })).toEqual([])
    const facets = searchDocuments(archive, { query: '口罩' }).facets!
    expect(facets.regions.find((r) => r.code === '370000')?.count).toBe(1)
  })

  it('follows trash, restore and corrections', () => {
    // Asked first, so a kept (cached) answer must not outlive the changes below.
    expect(ids(archive, '有助于')).toEqual([id.HELPS])
    setTrashed(archive, [id.HELPS], true)
    expect(ids(archive, '有助于')).toEqual([])
    setTrashed(archive, [id.HELPS], false)
    expect(ids(archive, '有助于')).toEqual([id.HELPS])
    updateFields(archive, id.MENTION, { title: '防疫物资盘点汇报' })
    expect(ids(archive, '物资盘点')).toEqual([id.MENTION])
    expect(searchDocuments(archive, { query: '物资盘点' }).results[0].title).toBe('防疫物资盘点汇报')
  })

  it('finds a document by a tag just given, and shows the tag renamed on results it has shown before', () => {
    changeTags(archive, [id.DOCNO], ['待核'], [])
    expect(searchDocuments(archive, { query: 'KN95' }).results[0].tags).toEqual(['待核'])
    // The tag reaches the index too (it is added with INSERT OR IGNORE, whose policy the change-log triggers once took on).
    expect(ids(archive, '', { tag: '待核' })).toEqual([id.DOCNO])
    expect(searchDocuments(archive, { query: '' }).facets!.tags).toEqual([{ value: '待核', count: 1 }])
    // A rename touches only the tags table: the kept page rows must still be dropped.
    renameTag(archive, '待核', '已核')
    expect(searchDocuments(archive, { query: 'KN95' }).results[0].tags).toEqual(['已核'])
  })

  it('any query string is valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (q) => {
        const r = searchDocuments(archive, { query: q, limit: 5 })
        expect(r.total).toBeGreaterThanOrEqual(r.results.length)
      }),
      { numRuns: 300 }
    )
    for (const q of ['"', '-', 'OR', 'NOT', '"""', '-"', '  ', '（）', 'OR OR', 'NOT -x', '\u0000', '\ud800']) expect(() => searchDocuments(archive, { query: q })).not.toThrow()
  })
})

describe('saved views', () => {
  it('creates, renames, reorders and deletes views through the journal; a deletion undoes', async () => {
    const dir = path.join(tmpDir(), 'v')
    let archive = await Archive.open(dir)
    const a = saveView(archive, { name: '山东隔离', query: '隔离', filter: { region: '山东' } })
    const b = saveView(archive, { name: '口罩', query: '口罩 -冷链', filter: {} })
    expect(() => saveView(archive, { name: '口罩', query: '', filter: {} })).toThrow(/already exists/)
    saveView(archive, { id: a.id, name: '鲁·隔离', query: a.query, filter: a.filter })
    expect(reorderViews(archive, [b.id, a.id]).map((v) => v.name)).toEqual(['口罩', '鲁·隔离'])
    await archive.close()
    // Durable: read back after reopening (journal or snapshot).
    archive = await Archive.open(dir)
    expect(listViews(archive).map((v) => [v.name, v.query, v.filter])).toEqual([
      ['口罩', '口罩 -冷链', {}],
      ['鲁·隔离', '隔离', { region: '山东' }]
    ])
    expect(deleteView(archive, b.id)).toBe(1)
    expect(listViews(archive).map((v) => v.name)).toEqual(['鲁·隔离'])
    expect(undoLast(archive)?.action).toBe('view.delete')
    expect(listViews(archive).map((v) => v.name)).toEqual(['口罩', '鲁·隔离'])
    await archive.close()
  })
})

describe('search index on disk', () => {
  it('is written beside the database, loaded on the next open, and rebuilt when damaged', async () => {
    const dir = path.join(tmpDir(), 'b')
    let archive = await Archive.open(dir)
    const a = await store(archive, 'a.txt', ISOLATION)
    expect(searchEngine(archive).stats.origin).toBe('built')
    await flushSearchIndex(archive)
    await archive.close()
    expect(fs.existsSync(indexFile(dir))).toBe(true)

    archive = await Archive.open(dir)
    expect(searchEngine(archive).stats.origin).toBe('loaded')
    expect(ids(archive, '隔离')).toEqual([a])
    // A change made while the index was not watching (another process) comes in through the change log.
    const b = await store(archive, 'b.txt', TRAD)
    expect(ids(archive, '隔离').sort()).toEqual([a, b].sort())
    await archive.close()

    fs.writeFileSync(indexFile(dir), Buffer.from('PASEARCH garbage'))
    archive = await Archive.open(dir)
    expect(searchEngine(archive).stats.origin).toBe('built')
    expect(ids(archive, '隔离').sort()).toEqual([a, b].sort())
    await archive.close()
  })
})
