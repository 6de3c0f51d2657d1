// Re-processing: the current pipeline again over the stored originals (after an extractor upgrade),
// in the worker pool like an import, so the thread that answers the interface only reads originals
// and commits. Each original is committed on its own: cancelling or quitting mid-way leaves every
// original either fully re-processed or untouched (still marked with the older extractor version,
// so "re-process outdated documents" picks up where it stopped).
import type { Archive } from '../archive/archive'
import { replaceSourceDocuments, sourcesToReprocess, type ReplaceCounts, type SourceToReprocess } from '../archive/reprocess'
import { processInput } from '../pipeline/pipeline'
import { asImportError } from '../pipeline/import-error'
import { reasonOf, type Reason } from '../pipeline/reasons'
import type { PipelineDocument } from '../pipeline/types'
import { EXTRACTOR_VERSION } from '../extract/extract'
import type { SourceFormat } from '../../common/record'
import type { PipelinePool } from './pipeline-pool'

export interface ReprocessReport extends ReplaceCounts {
  sources: number
  /** Originals handled (stored or failed); less than `sources` when cancelled. */
  done: number
  errors: ({ path: string } & Reason)[]
  /** False when cancelled (or the app quit) before every original was handled. */
  finished: boolean
}

export interface ReprocessOptions {
  /** Every document, not only those of an older extractor. */
  all?: boolean
  pool?: Pick<PipelinePool, 'process' | 'capacity'>
  signal?: AbortSignal
  onProgress?: (done: number, total: number, current: string | null) => void
}

type Outcome = { src: SourceToReprocess; docs: PipelineDocument[] } | { src: SourceToReprocess; error: Reason }

async function processSource(archive: Archive, src: SourceToReprocess, pool: ReprocessOptions['pool']): Promise<Outcome> {
  try {
    const input = { path: src.path, bytes: await archive.originals.read(src.sha256), format: src.format as SourceFormat }
    const encoding = src.forced_encoding ?? undefined
    const docs = pool ? (await pool.process(input, encoding)).docs : await processInput(input, encoding ? { encoding } : undefined)
    return { src, docs }
  } catch (e) {
    const err = asImportError(e, 'unexpected', { detail: e instanceof Error ? e.message : String(e) })
    return { src, error: reasonOf(err.reasonCode, err.params) }
  }
}

export async function reprocessArchive(archive: Archive, opts: ReprocessOptions = {}): Promise<ReprocessReport> {
  const sources = sourcesToReprocess(archive, Boolean(opts.all), EXTRACTOR_VERSION)
  const report: ReprocessReport = { sources: sources.length, done: 0, updated: 0, added: 0, removed: 0, errors: [], finished: false }
  // A window of originals in the workers at once; results are stored in order, one commit each.
  const capacity = opts.pool ? Math.max(1, opts.pool.capacity) : 1
  const window: Promise<Outcome>[] = []
  let next = 0
  opts.onProgress?.(0, sources.length, null)
  while (next < sources.length || window.length) {
    while (!opts.signal?.aborted && window.length < capacity && next < sources.length) window.push(processSource(archive, sources[next++], opts.pool))
    if (!window.length) break
    const r = await window.shift()!
    // What was already worked on is still stored when cancelled: nothing is lost by waiting for it.
    if ('docs' in r) {
      const now = new Date().toISOString()
      archive.write((tx) => replaceSourceDocuments(tx, r.src.sha256, r.docs, now, report))
    } else report.errors.push({ path: r.src.path, ...r.error })
    report.done++
    opts.onProgress?.(report.done, sources.length, r.src.path)
  }
  report.finished = report.done === sources.length
  return report
}
