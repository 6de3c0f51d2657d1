// What the Import view's Cancel button asks for (jobs.cancel on an import job): the import stops early,
// the files stored before are kept, and the cancelled job is not resumed on the next start.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkArchive } from '../../../src-main/node/archive/check'
import { ApiHarness } from '../helpers/api'
import { writeCorpus } from '../helpers/corpus'
import { tmpDir } from '../helpers/tmp'

describe('cancelling an import job', () => {
  it('stops it (files still in the pipeline are not stored), keeps what was stored and does not resume it', async () => {
    const root = tmpDir()
    const dir = path.join(root, 'archive')
    const files = writeCorpus(path.join(root, 'corpus'), 11, 40)
    const h = await ApiHarness.open(dir)
    const { api, archive, events } = h
    let asked: Promise<unknown> | null = null
    let jobId = ''
    h.bus.on((name, payload) => {
      // Cancel once the progress shows the first file read, as a user watching it would.
      if (!asked && name === 'import.progress' && (payload as { done: number }).done > 0) asked = api.dispatch('jobs.cancel', { jobId })
    })
    try {
      jobId = (await h.call<{ jobId: string }>('import.paths', { paths: files })).jobId
      expect((await h.finished(jobId)).payload).toMatchObject({ jobId, kind: 'import', cancelled: true })
      expect(await asked).toEqual({ ok: true, result: { cancelled: true } })
      const stored = Number(archive.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents')!.n)
      const imported = events.filter((e) => e.name === 'import.item' && e.payload.outcome === 'imported').length
      expect(stored).toBe(imported)
      expect(stored).toBeLessThan(files.length)
      expect(api.resumeInterrupted()).toEqual([])
    } finally {
      await h.close()
    }
    expect((await checkArchive(dir)).problems).toEqual([])
  })
})
