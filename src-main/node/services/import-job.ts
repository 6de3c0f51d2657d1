// One import run: read → pipeline → store, file by file. A failing file becomes an `error` item and
// the batch goes on; an `imported` item is emitted only after its document is durable. Runs over paths
// are queued in the archive, so an interrupted run resumes and skips what it already handled.
import type { Archive } from '../archive/archive'
import { storeSources, type StoreItem } from '../archive/documents-write'
import { createJob, doneFiles, finishJob, recordFiles } from '../archive/import-queue'
import { processInput, readInputs, ImportError } from '../pipeline/pipeline'
import { reasonOf, type Reason } from '../pipeline/reasons'
import { isReadError, type ReadItem } from '../pipeline/read'
import type { PipelineDocument, RawInput } from '../pipeline/types'
import type { PipelinePool } from './pipeline-pool'
import type { ImportDoneEvent, ImportItemEvent, ImportProgressEvent } from '../../common/api/contract'
import { countFiles } from './count-files'

/** A batch is committed when it holds this many files or is this old, whichever comes first. */
const BATCH_FILES = 64
const BATCH_MS = 200
/**
 * With workers, up to a batch of inputs may wait in their queues: while the main thread commits a
 * batch (tens of milliseconds per file) they keep working instead of idling. Bounded in bytes too,
 * so a folder of large PDFs is not held in memory at once.
 */
const WINDOW_BYTES = 64 * 1024 * 1024

export type ImportSource =
  | {
      kind: 'paths'
      paths: string[]
      /** Names to show for staged uploads: staged path → the name the user dropped. */
      display?: Record<string, string>
      /** Continue the queued job with this id instead of creating it. */
      resume?: boolean
    }
  | { kind: 'inputs'; inputs: RawInput[] }

export interface ImportHooks {
  item?: (e: ImportItemEvent) => void
  progress?: (e: ImportProgressEvent) => void
  /** Abort between files (quit mid-import): everything already reported stays stored, the job resumes later. */
  signal?: AbortSignal
  /** Run the pipeline in worker threads (else in-process). */
  pool?: Pick<PipelinePool, 'capacity' | 'process'>
  progressEveryMs?: number
  /** Bytes of input allowed in flight with a pool (default WINDOW_BYTES). */
  windowBytes?: number
}

export interface ImportRunResult extends ImportDoneEvent {
  /** False when aborted: the queued job stays unfinished and can be resumed. */
  finished: boolean
  /** Files skipped because an earlier, interrupted run of the same job handled them. */
  resumedPast: number
}

async function* itemsOf(source: ImportSource): AsyncGenerator<ReadItem> {
  if (source.kind === 'inputs') yield* source.inputs
  else yield* readInputs(source.paths)
}

function describe(err: unknown): Reason {
  if (err instanceof ImportError) return reasonOf(err.reasonCode, err.params)
  return reasonOf('unexpected', { detail: err instanceof Error ? err.message : String(err) })
}

/** Map a staged path (or a member inside it, "x.zip!/a.txt") to what the user called it. */
export function displayName(display: Record<string, string>, p: string): string {
  for (const [staged, name] of Object.entries(display)) {
    if (p === staged || p.startsWith(`${staged}!/`)) return name + p.slice(staged.length)
  }
  return p
}

export async function runImport(archive: Archive, jobId: string, source: ImportSource, tags: string[], hooks: ImportHooks = {}): Promise<ImportRunResult> {
  const t0 = Date.now()
  const stats = { done: 0, imported: 0, duplicates: 0, errors: 0 }
  const queued = source.kind === 'paths'
  const display = source.kind === 'paths' ? (source.display ?? {}) : {}
  let skip = new Set<string>()
  if (source.kind === 'paths') {
    if (source.resume) skip = doneFiles(archive, jobId)
    else createJob(archive, { id: jobId, paths: source.paths, tags, display })
  }
  let total = source.kind === 'inputs' ? source.inputs.length : await countFiles(source.paths)
  let lastProgress = 0
  let current: string | null = null
  let resumedPast = 0
  const progress = (force = false): void => {
    const now = Date.now()
    if (!hooks.progress || (!force && now - lastProgress < (hooks.progressEveryMs ?? 250))) return
    lastProgress = now
    const elapsed = (now - t0) / 1000
    const handled = stats.done - resumedPast
    const perSecond = elapsed > 0 ? handled / elapsed : 0
    total = Math.max(total, stats.done)
    hooks.progress({
      jobId,
      ...stats,
      total,
      perSecond: Math.round(perSecond * 10) / 10,
      etaMs: handled > 0 && perSecond > 0 ? Math.round(((total - stats.done) / perSecond) * 1000) : null,
      current
    })
  }
  const emit = (e: Omit<ImportItemEvent, 'jobId'>): void => hooks.item?.({ jobId, ...e })

  // Group commit: processed files wait in `batch` until it is full or old enough; then one durable
  // write stores them (with the queue's bookkeeping) and only then are their events sent.
  const batch: { raw: string; item: StoreItem }[] = []
  const failed: ({ raw: string; shown: string } & Reason)[] = []
  let batchStarted = 0
  const flush = (): void => {
    if (!batch.length && !failed.length) return
    const results = storeSources(
      archive,
      batch.map((b) => b.item),
      {
        tags,
        also: (tx, res) => {
          if (!queued) return
          recordFiles(tx, jobId, [
            ...batch.map((b, i) => ({ path: b.raw, outcome: res[i].ok ? 'stored' : 'error' })),
            ...failed.map((f) => ({ path: f.raw, outcome: 'error', reason: f.reason }))
          ])
        }
      }
    )
    for (const f of failed) {
      stats.errors++
      emit({ outcome: 'error', file: f.shown, reason: f.reason, reasonKey: f.reasonKey, reasonParams: f.reasonParams })
    }
    results.forEach((r, i) => {
      const file = batch[i].item.file.path
      if (!r.ok) {
        stats.errors++
        emit({ outcome: 'error', file, ...reasonOf('storeFailed', { detail: r.detail }) })
        return
      }
      for (const o of r.outcomes) {
        if (o.kind === 'imported') {
          stats.imported++
          emit({ outcome: 'imported', file, id: o.id, part: o.part, parts: o.parts, title: o.title, similar: o.similar })
        } else {
          stats.duplicates++
          emit({ outcome: 'duplicate', file, of: o.id, part: o.part, parts: o.parts, title: o.title, ...reasonOf(o.restored ? 'duplicateRestored' : 'duplicate'), ...(o.restored ? { restored: true } : {}) })
        }
      }
    })
    batch.length = 0
    failed.length = 0
  }

  // A window of inputs in the pipeline at once (in workers when there is a pool); results are taken
  // in input order, so events come in the order files were read.
  type Outcome = { ok: true; docs: PipelineDocument[] } | { ok: false; reason: Reason }
  const window: { raw: string; shown: string; read: RawInput; outcome: Promise<Outcome> }[] = []
  const capacity = hooks.pool ? Math.max(hooks.pool.capacity, BATCH_FILES) : 1
  let windowBytes = 0
  const takeOne = async (): Promise<void> => {
    const head = window.shift()!
    windowBytes -= head.read.bytes.byteLength
    current = head.shown
    const r = await head.outcome
    if (!batch.length && !failed.length) batchStarted = Date.now()
    if (!r.ok) failed.push({ raw: head.raw, shown: head.shown, ...r.reason })
    else {
      const d = r.docs[0]
      for (const doc of r.docs) doc.source.path = head.shown
      // The reader's format (not 'zip-member'), so re-processing can read the original again.
      batch.push({ raw: head.raw, item: { file: { path: head.shown, bytes: head.read.bytes, format: head.read.format, encoding: d.source.encoding }, docs: r.docs } })
    }
    if (batch.length + failed.length >= BATCH_FILES || Date.now() - batchStarted >= BATCH_MS) flush()
    progress()
  }

  let aborted = false
  for await (const read of itemsOf(source)) {
    if (hooks.signal?.aborted) {
      aborted = true
      break
    }
    const raw = read.path
    stats.done++
    if (skip.has(raw)) {
      resumedPast++
      continue
    }
    const shown = displayName(display, raw)
    if (isReadError(read)) {
      if (!batch.length && !failed.length) batchStarted = Date.now()
      // Keep order: wait for what is in flight before reporting this file.
      while (window.length) await takeOne()
      failed.push({ raw, shown, reason: read.reason, reasonKey: read.reasonKey, reasonParams: read.reasonParams })
      continue
    }
    const work = hooks.pool ? hooks.pool.process(read) : processInput(read).then((docs) => ({ docs }))
    const outcome = work.then(
      ({ docs }): Outcome => (docs.length ? { ok: true, docs } : { ok: false, reason: reasonOf('noText') }),
      (err: unknown): Outcome => ({ ok: false, reason: describe(err) })
    )
    window.push({ raw, shown, read, outcome })
    windowBytes += read.bytes.byteLength
    while (!hooks.signal?.aborted && (window.length >= capacity || (window.length > 1 && windowBytes > (hooks.windowBytes ?? WINDOW_BYTES)))) await takeOne()
  }
  // Cancelled or quitting: results still in the window are not stored (a resumed job reads those files
  // again); what is already in the batch is finished work and is committed.
  while (window.length && !hooks.signal?.aborted) await takeOne()
  if (hooks.signal?.aborted) aborted = true
  flush()
  current = null
  progress(true)
  if (queued && !aborted) finishJob(archive, jobId, 'done')
  return { jobId, imported: stats.imported, duplicates: stats.duplicates, errors: stats.errors, ms: Date.now() - t0, finished: !aborted, resumedPast }
}
