import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { storeSource } from '../../../src-main/node/archive/documents-write'
import { checkArchive } from '../../../src-main/node/archive/check'
import { processInput } from '../../../src-main/node/pipeline/pipeline'
import { PipelinePool } from '../../../src-main/node/services/pipeline-pool'
import { reprocessArchive } from '../../../src-main/node/services/reprocess'
import { tmpDir } from '../helpers/tmp'

const pool = new PipelinePool(1)
afterAll(() => pool.close())

async function archiveWith(n: number): Promise<Archive> {
  const archive = await Archive.open(path.join(tmpDir(), 'a'))
  for (let i = 0; i < n; i++) {
    const text = `第${i}号通告\n某市疫情防控指挥部通告\n一、全市暂停${i + 10}人以上聚集性活动。\n二、入境人员集中隔离${i + 3}天。\n2022年3月${(i % 28) + 1}日`
    const input = { path: `n${i}.txt`, bytes: new Uint8Array(Buffer.from(text)), format: 'txt' as const }
    const docs = await processInput(input)
    storeSource(archive, { ...input, encoding: docs[0].source.encoding }, docs)
  }
  // As if an older extractor had made every document.
  archive.write((tx) => tx.run('UPDATE documents SET extractor_version = 0'))
  return archive
}

describe('re-processing in the worker pool', () => {
  it('re-processes every outdated original with progress, then has nothing left to do', async () => {
    const archive = await archiveWith(6)
    const progress: [number, number][] = []
    const report = await reprocessArchive(archive, { pool, onProgress: (d, t) => progress.push([d, t]) })
    expect(report).toMatchObject({ sources: 6, done: 6, updated: 6, errors: [], finished: true })
    expect(progress[0]).toEqual([0, 6])
    expect(progress.at(-1)).toEqual([6, 6])
    expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b))
    expect((await reprocessArchive(archive, { pool })).sources).toBe(0)
    await archive.close()
  })

  it('stops when cancelled: what was done is stored, the rest is still outdated and resumes', async () => {
    const archive = await archiveWith(8)
    const ctl = new AbortController()
    const report = await reprocessArchive(archive, { pool, signal: ctl.signal, onProgress: (d) => d === 2 && ctl.abort() })
    expect(report.finished).toBe(false)
    expect(report.done).toBeGreaterThanOrEqual(2)
    expect(report.done).toBeLessThan(8)
    const outdated = archive.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents WHERE extractor_version = 0')!.n
    expect(outdated).toBe(8 - report.done)
    const dir = archive.layout.dir
    await archive.close()
    expect((await checkArchive(dir)).ok).toBe(true)
    const reopened = await Archive.open(dir)
    const rest = await reprocessArchive(reopened, { pool })
    expect(rest).toMatchObject({ sources: 8 - report.done, finished: true })
    await reopened.close()
  })

  it('reports an original that cannot be read with a reason key, and goes on', async () => {
    const archive = await archiveWith(3)
    const victim = archive.get<{ sha256: string; path: string }>('SELECT sha256, path FROM sources ORDER BY imported_at LIMIT 1')!
    archive.write((tx) => tx.run("UPDATE sources SET forced_encoding = 'no-such-encoding' WHERE sha256 = ?", [victim.sha256]))
    const report = await reprocessArchive(archive, { pool })
    expect(report.errors).toEqual([expect.objectContaining({ path: victim.path, reasonKey: 'errors.import.unknownEncoding', reasonParams: { encoding: 'no-such-encoding' } })])
    expect(report).toMatchObject({ sources: 3, done: 3, updated: 2, finished: true })
    await archive.close()
  })
})
