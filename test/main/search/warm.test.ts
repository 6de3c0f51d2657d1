import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { storeSource } from '../../../src-main/node/archive/documents-write'
import { processInput } from '../../../src-main/node/pipeline/pipeline'
import { searchDocuments } from '../../../src-main/node/search/search'
import { searchEngine } from '../../../src-main/node/search/engine'
import { enableSearchWarmup, searchWarmed, warmupQueries } from '../../../src-main/node/search/warm'
import { tmpDir } from '../helpers/tmp'

async function store(archive: Archive, name: string, text: string): Promise<void> {
  const bytes = new Uint8Array(Buffer.from(text))
  const docs = await processInput({ path: name, bytes, format: 'txt' })
  storeSource(archive, { path: name, bytes, format: 'txt', encoding: docs[0].source.encoding }, docs)
}

describe('search warm-up', () => {
  it('asks every kind of query from the archive’s own words, and leaves the answers as they were', async () => {
    const dir = path.join(tmpDir(), 'a')
    const archive = await Archive.open(dir)
    // An empty archive has nothing to warm with.
    expect(warmupQueries(searchEngine(archive))).toEqual([])
    await store(archive, 'a.txt', '青岭县卫生健康局通知\n对入境人员实行集中隔离医学观察，核酸检测阴性后解除。\n青岭县卫生健康局\n2022年3月1日')
    await store(archive, 'b.txt', '白石镇防控办公告\n进入超市须戴口罩并查验核酸检测证明。\n白石镇防控办\n2022年4月2日')
    const queries = warmupQueries(searchEngine(archive))
    const texts = queries.map((q) => q.query)
    expect(texts.some((t) => t.length === 1)).toBe(true)
    expect(texts.some((t) => t.startsWith('"'))).toBe(true)
    expect(texts.some((t) => t.includes(' OR '))).toBe(true)
    expect(texts.some((t) => t.includes(' -'))).toBe(true)
    expect(queries.some((q) => q.filter?.region)).toBe(true)
    expect(queries.some((q) => q.sort === 'title')).toBe(true)
    const before = searchDocuments(archive, { query: '核酸检测' })
    await archive.close()

    // Opened again with warm-up on.
    enableSearchWarmup()
    const again = await Archive.open(dir)
    const first = searchDocuments(again, { query: '核酸检测' })
    // The warm-up runs after the first answer, in the background; the answers before and after it agree.
    await searchWarmed()
    const after = searchDocuments(again, { query: '核酸检测' })
    expect(first.results.map((r) => r.id)).toEqual(after.results.map((r) => r.id))
    expect(after.total).toBe(2)
    expect(after.results.map((r) => [r.id, r.snippet])).toEqual(before.results.map((r) => [r.id, r.snippet]))
    expect(after.facets).toEqual(before.facets)
    await again.close()
  })
})
