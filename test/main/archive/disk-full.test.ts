// A full disk (ENOSPC, simulated under the journal's and the pack writer's fs calls): the change is
// refused with the disk-full message, the journal is cut back to its last complete record, the archive
// stays sound and takes writes again once there is space, and an import stopped by it resumes.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { checkArchive } from '../../../src-main/node/archive/check'
import { DiskFullError } from '../../../src-main/node/archive/journal'
import { ApiHarness } from '../helpers/api'
import { writeCorpus } from '../helpers/corpus'
import { fillDisk, type FullDisk } from '../helpers/disk-full'
import { tmpDir } from '../helpers/tmp'
import { addTag, tagNames } from '../helpers/archive'

const journalBytes = (dir: string): number =>
  fs.readdirSync(path.join(dir, 'journal')).reduce((n, f) => n + fs.statSync(path.join(dir, 'journal', f)).size, 0)

describe('a full disk', () => {
  let disk: FullDisk | null = null
  afterEach(() => {
    disk?.free()
    disk = null
  })

  it('refuses the change with the disk-full message, leaves the journal whole, and takes writes again once space is back', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir, { idleSnapshotMs: 60_000 })
    addTag(a, 'before')
    const bytes = journalBytes(dir)
    // A few bytes fit: the record is written in part before the disk runs out.
    disk = fillDisk(dir, 13)
    let error: unknown
    try {
      addTag(a, 'refused')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DiskFullError)
    expect(error).toMatchObject({ key: 'errors.import.diskFull', message: expect.stringMatching(/the disk is full \(\d{12}\.log\)/) })
    expect(disk.refusals).toBe(1)
    expect(journalBytes(dir)).toBe(bytes)
    expect(tagNames(a)).toEqual(['before'])
    // Still full: refused again, the same way (not "restart the app").
    expect(() => addTag(a, 'refused again')).toThrow(DiskFullError)

    disk.free()
    addTag(a, 'after')
    expect(tagNames(a)).toEqual(['before', 'after'])
    await a.close()
    const b = await Archive.open(dir)
    expect(tagNames(b)).toEqual(['before', 'after'])
    expect(b.notices).toEqual([])
    await b.close()
    expect((await checkArchive(dir)).ok).toBe(true)
  })

  it('stops an import with the disk-full message; once space is back the interrupted import resumes and stores every file once', async () => {
    const root = tmpDir()
    const dir = path.join(root, 'archive')
    const corpus = path.join(root, 'corpus')
    const files = writeCorpus(corpus, 8, 20)
    const h = await ApiHarness.open(dir, { idleSnapshotMs: 60_000 })
    const { api, archive, events } = h
    try {
      // Ten of the files are in the archive already; the disk fills up once the new job is queued.
      const first = await api.dispatch('import.paths', { paths: files.slice(0, 10) })
      expect(first.ok).toBe(true)
      await expect.poll(() => events.some((e) => e.name === 'job.done'), { timeout: 30_000 }).toBe(true)
      events.length = 0
      const off = archive.onChange(() => {
        disk ??= fillDisk(dir)
        off()
      })
      const r = await api.dispatch('import.paths', { paths: [corpus] })
      expect(r.ok).toBe(true)
      await expect.poll(() => events.some((e) => e.name === 'job.error' || e.name === 'job.done'), { timeout: 30_000 }).toBe(true)
      expect(events.find((e) => e.name === 'job.error')?.payload).toMatchObject({ key: 'errors.import.diskFull' })
      expect(events.find((e) => e.name === 'import.item' && e.payload.outcome === 'error')?.payload).toMatchObject({ reasonKey: 'errors.import.diskFull' })
      expect(archive.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents')!.n).toBe(10)
      expect((await checkArchive(dir)).problems).toEqual([])

      disk!.free()
      events.length = 0
      const [resumed] = api.resumeInterrupted()
      expect(resumed).toBeDefined()
      await expect.poll(() => events.some((e) => e.name === 'job.done' && e.payload.jobId === resumed), { timeout: 30_000 }).toBe(true)
      expect(events.find((e) => e.name === 'import.done')?.payload).toMatchObject({ imported: 10, duplicates: 10, errors: 0 })
      expect(archive.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents')!.n).toBe(files.length)
      expect(archive.column('SELECT COUNT(DISTINCT source_sha256) FROM documents')).toEqual([files.length])
    } finally {
      await h.close()
    }
    expect((await checkArchive(dir)).problems).toEqual([])
  })
})
