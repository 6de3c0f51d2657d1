// One import run: read → pipeline → store, file by file. A failing file becomes an `error` item and
// the batch goes on; an `imported` item is emitted only after its document is durable.
import type { Archive } from '../archive/archive'
import { storeSources, type StoreItem } from '../archive/documents-write'
import { processInput, readInputs, ImportError } from '../pipeline/pipeline'
import { isReadError, type ReadItem } from '../pipeline/read'
import type { RawInput } from '../pipeline/types'
import type { ImportDoneEvent, ImportItemEvent, ImportProgressEvent } from '../../common/api/contract'
import { countFiles } from './count-files'

/** A batch is committed when it holds this many files or is this old, whichever comes first. */
const BATCH_FILES = 64
const BATCH_MS = 200

export type ImportSource =
  | { kind: 'paths'; paths: string[]; /** How a path is shown to the user (uploads are staged under another name). */ displayPath?: (p: string) => string }
  | { kind: 'inputs'; inputs: RawInput[] }

export interface ImportHooks {
  item?: (e: ImportItemEvent) => void
  progress?: (e: ImportProgressEvent) => void
  /** Abort between files (quit mid-import): everything already reported stays stored. */
  signal?: AbortSignal
  progressEveryMs?: number
}

async function* itemsOf(source: ImportSource): AsyncGenerator<ReadItem> {
  if (source.kind === 'inputs') yield* source.inputs
  else yield* readInputs(source.paths)
}

function describe(err: unknown): string {
  if (err instanceof ImportError) return err.message
  const msg = err instanceof Error ? err.message : String(err)
  return `unexpected problem while importing (${msg})`
}

export async function runImport(archive: Archive, jobId: string, source: ImportSource, tags: string[], hooks: ImportHooks = {}): Promise<ImportDoneEvent> {
  const t0 = Date.now()
  const stats = { done: 0, imported: 0, duplicates: 0, errors: 0 }
  let total = source.kind === 'inputs' ? source.inputs.length : await countFiles(source.paths)
  let lastProgress = 0
  let current: string | null = null
  const progress = (force = false): void => {
    const now = Date.now()
    if (!hooks.progress || (!force && now - lastProgress < (hooks.progressEveryMs ?? 250))) return
    lastProgress = now
    const elapsed = (now - t0) / 1000
    const perSecond = elapsed > 0 ? stats.done / elapsed : 0
    total = Math.max(total, stats.done)
    hooks.progress({
      jobId,
      ...stats,
      total,
      perSecond: Math.round(perSecond * 10) / 10,
      etaMs: stats.done > 0 && perSecond > 0 ? Math.round(((total - stats.done) / perSecond) * 1000) : null,
      current
    })
  }
  const emit = (e: Omit<ImportItemEvent, 'jobId'>): void => hooks.item?.({ jobId, ...e })

  const shown = source.kind === 'paths' && source.displayPath ? source.displayPath : (p: string) => p
  // Group commit: processed files wait in `batch` until it is full or old enough, then one durable
  // write stores them all and only then are their `imported` events sent.
  const batch: StoreItem[] = []
  let batchStarted = 0
  const flush = (): void => {
    if (!batch.length) return
    const results = storeSources(archive, batch, { tags })
    results.forEach((r, i) => {
      const file = batch[i].file.path
      if (!r.ok) {
        stats.errors++
        emit({ outcome: 'error', file, reason: r.reason })
        return
      }
      for (const o of r.outcomes) {
        if (o.kind === 'imported') {
          stats.imported++
          emit({ outcome: 'imported', file, id: o.id, part: o.part, parts: o.parts, title: o.title, similar: o.similar })
        } else {
          stats.duplicates++
          const where = o.trashed ? 'the same text is already in the archive, in the trash' : 'the same text is already in the archive'
          emit({ outcome: 'duplicate', file, of: o.id, part: o.part, parts: o.parts, title: o.title, reason: where })
        }
      }
    })
    batch.length = 0
  }

  for await (const read of itemsOf(source)) {
    if (hooks.signal?.aborted) break
    const item = { ...read, path: shown(read.path) }
    current = item.path
    if (isReadError(item)) {
      stats.errors++
      emit({ outcome: 'error', file: item.path, reason: item.error })
    } else {
      try {
        const docs = await processInput(item)
        if (!docs.length) throw new ImportError('the file holds no text to import')
        if (!batch.length) batchStarted = Date.now()
        const d = docs[0]
        // The reader's format (not 'zip-member'), so re-processing can read the original again.
        batch.push({ file: { path: item.path, bytes: item.bytes, format: item.format, encoding: d.source.encoding, rawText: d.rawText }, docs })
      } catch (err) {
        stats.errors++
        emit({ outcome: 'error', file: item.path, reason: describe(err) })
      }
    }
    stats.done++
    if (batch.length >= BATCH_FILES || Date.now() - batchStarted >= BATCH_MS) flush()
    progress()
  }
  flush()
  current = null
  progress(true)
  return { jobId, imported: stats.imported, duplicates: stats.duplicates, errors: stats.errors, ms: Date.now() - t0 }
}
