import path from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { storeSource } from '../../../src-main/node/archive/documents-write'
import { getRecord, listSummaries } from '../../../src-main/node/archive/documents-read'
import { addMeasure, undoLast } from '../../../src-main/node/archive/corrections'
import { resolveSimilar } from '../../../src-main/node/archive/document-edits'
import { mergeDocuments as mergeParts, redecode, restoreRemovedPassage as restoreRemoved, splitAt as splitDocument } from '../../../src-main/node/services/document-edits'
import { processInput } from '../../../src-main/node/pipeline/pipeline'
import type { RawInput } from '../../../src-main/node/pipeline/types'
import { tmpDir } from '../helpers/tmp'

const A = '邢台市疫情防控指挥部通告\n一、全市暂停50人以上聚集性活动。\n二、离邢人员须持48小时内核酸阴性证明。\n邢台市疫情防控指挥部\n2022年1月10日'
const B = '兰州市疫情防控指挥部通告\n一、返兰人员须提前3天向社区报备。\n二、全市中小学暂停线下教学。\n兰州市疫情防控指挥部\n2022年2月11日'

async function store(archive: Archive, input: RawInput): Promise<string[]> {
  const docs = await processInput(input)
  return storeSource(archive, { path: input.path, bytes: input.bytes, format: input.format, encoding: docs[0].source.encoding }, docs)
    .filter((o) => o.kind === 'imported')
    .map((o) => o.id)
}

const utf8 = (name: string, text: string): RawInput => ({ path: name, bytes: new Uint8Array(Buffer.from(text)), format: 'txt' })

describe('document edits', () => {
  it('merges the parts of a compilation and splits them again, keeping corrections', async () => {
    const archive = await Archive.open(path.join(tmpDir(), 'a'))
    const parts = await store(archive, utf8('two.txt', `${A}\n${B}`))
    expect(parts).toHaveLength(2)
    const id = mergeParts(archive, parts)
    expect(listSummaries(archive, {}).total).toBe(1)
    let rec = getRecord(archive, id)!
    const cut = rec.text.indexOf('兰州市疫情防控指挥部通告')
    expect(cut).toBeGreaterThan(0)
    const at = rec.text.indexOf('返兰人员')
    addMeasure(archive, id, { category: 'travel_reporting', level: 2, params: { days: 3 }, target: '返兰人员', lifted: false, start: at, end: at + 12 })

    const ids = splitDocument(archive, id, [cut])
    expect(ids).toHaveLength(2)
    const first = getRecord(archive, ids[0])!
    const second = getRecord(archive, ids[1])!
    expect(first.text.startsWith('邢台市')).toBe(true)
    expect(second.text.startsWith('兰州市')).toBe(true)
    expect([first.source.part, second.source.part, second.source.parts]).toEqual([1, 2, 2])
    const moved = second.measures.find((m) => m.manual)!
    expect(moved.text).toBe(rec.text.slice(at, at + 12))
    expect(second.text.slice(moved.start, moved.end)).toBe(moved.text)

    const merged = mergeParts(archive, ids)
    rec = getRecord(archive, merged)!
    expect(merged).toBe(id)
    expect(rec.text).toContain('邢台市')
    expect(rec.text).toContain('兰州市')
    expect(rec.source.parts).toBe(1)
    const back = rec.measures.find((m) => m.manual)!
    expect(rec.text.slice(back.start, back.end)).toBe(back.text)
    expect(() => splitDocument(archive, id, [0])).toThrow(/inside the text/)
    await archive.close()
  })

  it('puts a removed passage back into the text', async () => {
    const archive = await Archive.open(path.join(tmpDir(), 'a'))
    const junk = '\n相关推荐\n- 某地发布最新通知2022-03-19\n- 另一地调整防控措施2022-03-19\n- 第三条无关新闻2022-03-18\n- 第四条无关新闻2022-03-18'
    const [id] = await store(archive, utf8('junk.txt', A + junk))
    const rec = getRecord(archive, id)!
    expect(rec.removed.length).toBeGreaterThan(0)
    const passage = rec.removed[0].text
    restoreRemoved(archive, id, 0)
    const after = getRecord(archive, id)!
    expect(after.text).toContain(passage)
    expect(after.removed).toHaveLength(rec.removed.length - 1)
    for (const m of after.measures) expect(after.text.slice(m.start, m.end)).toBe(m.text)
    await archive.close()
  })

  it('decodes the original again with the encoding a person chooses', async () => {
    const archive = await Archive.open(path.join(tmpDir(), 'a'))
    const [id] = await store(archive, { path: 'gbk.txt', bytes: new Uint8Array(iconv.encode(A, 'gb18030')), format: 'txt' })
    expect(getRecord(archive, id)!.text).toContain('邢台市')
    await redecode(archive, id, 'big5')
    const garbled = listSummaries(archive, {}).rows.map((r) => getRecord(archive, r.id)!)
    expect(garbled.some((r) => r.text.includes('邢台市'))).toBe(false)
    expect(garbled[0].source.encoding).toBe('big5')
    await redecode(archive, garbled[0].id!, 'gb18030')
    const fixed = listSummaries(archive, {}).rows.map((r) => getRecord(archive, r.id)!)
    expect(fixed[0].text).toContain('邢台市')
    await archive.close()
  })

  it('merges a near-duplicate into the kept document and undoes it', async () => {
    const archive = await Archive.open(path.join(tmpDir(), 'a'))
    const [a] = await store(archive, utf8('a.txt', A))
    const [b] = await store(archive, utf8('b.txt', `${A}\n三、此条为转载时新增的一句。`))
    expect(getRecord(archive, b)!.similar.map((s) => s.id)).toContain(a)
    resolveSimilar(archive, a, b, 'merge')
    expect(getRecord(archive, b)).toMatchObject({ trashed: true, duplicateOf: a })
    expect(getRecord(archive, a)!.similar).toEqual([])
    undoLast(archive)
    expect(getRecord(archive, b)).toMatchObject({ trashed: false, duplicateOf: null })
    expect(getRecord(archive, a)!.similar.map((s) => s.id)).toContain(b)
    await archive.close()
  })
})
