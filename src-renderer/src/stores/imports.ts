// Import jobs as main reports them: progress, per-file results and completion. Jobs are keyed by
// the jobId in the events, because events can arrive before the call that started the job returns.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ImportDoneEvent, ImportItemEvent, ImportProgressEvent } from '@common/api/contract'
import { call, importDropped, isDesktop } from '@/api/client'
import { batchFiles, readBase64 } from '@/lib/files'

export interface ImportJob {
  jobId: string
  /** Re-processing reports through the same events as an import; the panels name it differently. */
  kind: 'import' | 'reprocess'
  seq: number
  startedAt: number
  progress: ImportProgressEvent | null
  items: ImportItemEvent[]
  done: ImportDoneEvent | null
  /** The user asked to stop it and main found it running: it ends early, keeping what it stored. */
  cancelled: boolean
}

export const useImportsStore = defineStore('imports', () => {
  const jobs = ref<ImportJob[]>([])
  /** Browser files being read before they are sent. */
  const reading = ref(0)
  const skipped = ref<string[]>([])
  const error = ref<string | null>(null)
  let seq = 0

  const running = computed(() => jobs.value.filter((j) => !j.done))

  function job(jobId: string): ImportJob {
    let j = jobs.value.find((x) => x.jobId === jobId)
    if (!j) {
      jobs.value.unshift({ jobId, kind: 'import', seq: ++seq, startedAt: Date.now(), progress: null, items: [], done: null, cancelled: false })
      j = jobs.value[0]
    }
    return j
  }

  function onProgress(e: ImportProgressEvent): void {
    job(e.jobId).progress = e
  }
  function onItem(e: ImportItemEvent): void {
    job(e.jobId).items.push(e)
  }
  function onDone(e: ImportDoneEvent): void {
    job(e.jobId).done = e
  }

  async function run(start: () => Promise<{ jobId: string } | null>, kind: ImportJob['kind'] = 'import'): Promise<string | null> {
    error.value = null
    try {
      const started = await start()
      if (started) job(started.jobId).kind = kind
      return started?.jobId ?? null
    } catch (e) {
      error.value = (e as Error).message
      return null
    }
  }

  /** Desktop: the system chooser (main reads the files itself). */
  function choose(folders = false): Promise<string | null> {
    return run(() => call('import.choose', { folders }))
  }

  /** Dropped or picked files: from their paths in the desktop app, else sent as base64 in batches. */
  async function importFiles(files: File[]): Promise<string[]> {
    if (isDesktop()) {
      const id = await run(() => importDropped(files))
      if (id || error.value) return id ? [id] : []
    }
    const { batches, tooLarge } = batchFiles(files)
    skipped.value = tooLarge.map((f) => f.name)
    const ids: string[] = []
    for (const batch of batches) {
      reading.value += batch.length
      try {
        const payload = await Promise.all(batch.map(async (f) => ({ name: f.name || 'file', base64: await readBase64(f) })))
        const id = await run(() => call('import.files', { files: payload }))
        if (id) ids.push(id)
      } catch (e) {
        error.value = (e as Error).message
      } finally {
        reading.value -= batch.length
      }
    }
    return ids
  }

  function importText(text: string, name?: string): Promise<string | null> {
    return run(() => call('import.text', name ? { text, name } : { text }))
  }

  /** Runs the current pipeline again over the stored originals (all documents, or only outdated ones). */
  function reprocess(all: boolean): Promise<string | null> {
    return run(() => call('archive.reprocess', { all }), 'reprocess')
  }

  /**
   * Settles a near-duplicate reported with an imported document: 'merge' trashes the other as its
   * duplicate (undoable in the document view), 'keep' keeps both. The entry then leaves the result.
   */
  async function resolveSimilar(item: ImportItemEvent, other: string, action: 'merge' | 'keep'): Promise<void> {
    if (!item.id) return
    await call('documents.resolveSimilar', { id: item.id, other, action })
    item.similar = item.similar?.filter((s) => s.id !== other)
  }

  /** Stop a running import or re-processing; files already stored stay (main commits file by file). */
  async function cancel(jobId: string): Promise<void> {
    const j = jobs.value.find((x) => x.jobId === jobId)
    if (!j || j.done || j.cancelled) return
    error.value = null
    j.cancelled = true
    try {
      // False: the job had just finished on its own.
      j.cancelled = (await call('jobs.cancel', { jobId })).cancelled
    } catch (e) {
      j.cancelled = false
      error.value = (e as Error).message
    }
  }

  function clearFinished(): void {
    jobs.value = jobs.value.filter((j) => !j.done)
    skipped.value = []
  }

  return { jobs, reading, skipped, error, running, isDesktop, onProgress, onItem, onDone, choose, importFiles, importText, reprocess, resolveSimilar, cancel, clearFinished }
})
