// What the Import view's Cancel button asks for (jobs.cancel on an import job): the import stops early,
// the files stored before are kept, and the cancelled job is not resumed on the next start.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { checkArchive } from '../../../src-main/node/archive/check'
import { ApiService } from '../../../src-main/node/services/api-service'
import { EventBus } from '../../../src-main/node/services/event-bus'
import { writeCorpus } from '../helpers/corpus'
import { tmpDir } from '../helpers/tmp'

describe('cancelling an import job', () => {
  it('stops it (files still in the pipeline are not stored), keeps what was stored and does not resume it', async () => {
    const root = tmpDir()
    const dir = path.join(root, 'archive')
    const files = writeCorpus(path.join(root, 'corpus'), 11, 40)
    const archive = await Archive.open(dir)
    const bus = new EventBus()
    const api = new ApiService(archive, bus, { mode: 'serve', version: 'test' })
    const events: { name: string; payload: Record<string, unknown> }[] = []
    let asked: Promise<unknown> | null = null
    let jobId = ''
    bus.on((name, payload) => {
      events.push({ name, payload: payload as Record<string, unknown> })
      // Cancel once the progress shows the first file read, as a user watching it would.
      if (!asked && name === 'import.progress' && (payload as { done: number }).done > 0) asked = api.dispatch('jobs.cancel', { jobId })
    })
    try {
      const r = await api.dispatch('import.paths', { paths: files })
      jobId = (r as { result: { jobId: string } }).result.jobId
      await expect.poll(() => events.some((e) => e.name === 'job.done'), { timeout: 30_000 }).toBe(true)
      expect(await asked).toEqual({ ok: true, result: { cancelled: true } })
      expect(events.find((e) => e.name === 'job.done')!.payload).toMatchObject({ jobId, kind: 'import', cancelled: true })
      const stored = Number(archive.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents')!.n)
      const imported = events.filter((e) => e.name === 'import.item' && e.payload.outcome === 'imported').length
      expect(stored).toBe(imported)
      expect(stored).toBeLessThan(files.length)
      expect(api.resumeInterrupted()).toEqual([])
    } finally {
      await api.shutdown()
      await archive.close()
    }
    expect((await checkArchive(dir)).problems).toEqual([])
  })
})
