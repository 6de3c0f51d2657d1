import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { storeSource } from '../../../src-main/node/archive/documents-write'
import { getRecord } from '../../../src-main/node/archive/documents-read'
import { processInput } from '../../../src-main/node/pipeline/pipeline'
import { noticeFor } from '../../bench/generate-corpus'
import { tmpDir } from '../helpers/tmp'

async function store(archive: Archive, name: string, text: string): Promise<string> {
  const bytes = new Uint8Array(Buffer.from(text))
  const docs = await processInput({ path: name, bytes, format: 'txt' })
  const [o] = storeSource(archive, { path: name, bytes, format: 'txt', encoding: 'utf-8', rawText: docs[0].rawText }, docs)
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
})
