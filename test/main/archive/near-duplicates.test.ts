import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { storeSource } from '../../../src-main/node/archive/documents-write'
import { getRecord } from '../../../src-main/node/archive/documents-read'
import { processInput } from '../../../src-main/node/pipeline/pipeline'
import { noticeFor } from '../../bench/generate-corpus'
import { NearDuplicateIndex } from '../../../src-main/node/archive/near-duplicates'
import { minhash } from '../../../src-main/node/pipeline/fingerprint'
import { tmpDir } from '../helpers/tmp'

async function store(archive: Archive, name: string, text: string): Promise<string> {
  const bytes = new Uint8Array(Buffer.from(text))
  const docs = await processInput({ path: name, bytes, format: 'txt' })
  const [o] = storeSource(archive, { path: name, bytes, format: 'txt', encoding: 'utf-8' }, docs)
  if (o.kind !== 'imported') throw new Error(`${name} was not imported`)
  return o.id
}

describe('near-duplicate links', () => {
  it('links a reposted notice to its original among many notices written from the same phrases', async () => {
    const dir = path.join(tmpDir(), 'a')
    let archive = await Archive.open(dir)
    // Generated notices share most of their phrases (as real notices share boilerplate), so many
    // LSH bands are common to dozens of them and must not drown the real pair.
    const ids: string[] = []
    for (let i = 0; i < 45; i++) ids.push(await store(archive, `n${i}.txt`, noticeFor(i, 1500)))
    const original = 7
    const lines = noticeFor(original, 1500).split('\n')
    const repost = `转载：${lines.slice(0, -1).join('\n')}\n（来源：某市融媒体中心）\n${lines[lines.length - 1]}`
    const copy = await store(archive, 'repost.txt', repost)
    const linked = getRecord(archive, copy)!.similar
    expect(linked.map((s) => s.id)).toContain(ids[original])
    expect(linked.find((s) => s.id === ids[original])!.score).toBeGreaterThan(0.8)
    // The link is stored both ways and survives reopening the archive.
    await archive.close()
    archive = await Archive.open(dir)
    expect(getRecord(archive, ids[original])!.similar.map((s) => s.id)).toContain(copy)
    // A notice of another city, in other words, is linked to nothing.
    const other = await store(archive, 'other.txt', '兰州市疫情防控指挥部关于恢复正常生产生活秩序的公告\n自即日起，全市公园、景区有序开放，实行预约、限流、错峰。\n影剧院、图书馆恢复开放，接待人数不超过核定容量的75%。\n兰州市疫情防控指挥部\n2022年12月3日')
    expect(getRecord(archive, other)!.similar).toEqual([])
    await archive.close()
  })

  it('forgets a document deleted by a write other than an import (the index is rebuilt)', async () => {
    const archive = await Archive.open(path.join(tmpDir(), 'b'))
    const first = await store(archive, 'a.txt', noticeFor(3, 1500))
    await store(archive, 'b.txt', noticeFor(4, 1500))
    archive.write((tx) => tx.run('DELETE FROM documents WHERE id = ?', [first]))
    // A stale index would link the repost to the deleted document (and the link would fail to store).
    const repost = await store(archive, 'repost.txt', `转载：${noticeFor(3, 1500)}`)
    expect(getRecord(archive, repost)!.similar.map((s) => s.id)).not.toContain(first)
    const again = await store(archive, 'again.txt', `来源：市政府网站\n${noticeFor(3, 1500)}`)
    expect(getRecord(archive, again)!.similar.map((s) => s.id)).toContain(repost)
    await archive.close()
  })
})

describe('the near-duplicate index', () => {
  const text = (i: number): string => Array.from({ length: 60 }, (_, j) => `第${i * 977 + j * 13}号样本${(i * 31 + j * 7) % 101}段落`).join('。')

  it('finds a document among thousands (the table grows) and scores a copy 1', () => {
    const index = new NearDuplicateIndex()
    for (let i = 0; i < 3000; i++) index.add(`d${i}`, minhash(text(i)))
    expect(index.size).toBe(3000)
    const hits = index.similar(minhash(text(1234)))
    expect(hits[0]).toEqual({ id: 'd1234', score: 1 })
    expect(hits.every((h) => h.score >= 0.5)).toBe(true)
  })

  it('ignores bands so common they are boilerplate, and signatures of another length', () => {
    const index = new NearDuplicateIndex()
    const sig = minhash(text(1))
    for (let i = 0; i < 40; i++) index.add(`same${i}`, sig)
    // Every band of this signature is now shared by more than 30 documents.
    expect(index.similar(sig)).toEqual([])
    index.add('short', sig.slice(0, 10))
    expect(index.size).toBe(40)
  })
})

