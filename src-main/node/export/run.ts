// An export from request to file: resolve regions, build the model (with progress and cancel
// between steps), render one format, write atomically. Shared by the API job and the command line.
import type { CompareResult } from '../../common/compare'
import type { ExportFormat, ExportRequest } from '../../common/export'
import type { Archive } from '../archive/archive'
import { buildDocumentsModel } from './model-documents'
import { compareModel, summaryModel, summaryRegions } from './model-compare'
import { checkpoint, SourceBook, type BuildHooks, type ExportModel, type SummaryRegion } from './model'
import { checkTarget, renderExport, writeAtomic } from './write'
import type { PdfPrinter } from './pdf'

/** The compare engine's entry points the summary and comparison exports need. */
export interface CompareEngine {
  compareRegions(archive: Archive, regionKeys: string[], asOf: string | null): CompareResult
  /** A key ("code" or "code:name") for a region name, code or key; throws an AppError when unknown. */
  regionKey(archive: Archive, query: string): string
}

const SUMMARY_GROUP = 12

export async function buildModel(archive: Archive, req: ExportRequest, engine: CompareEngine, hooks: BuildHooks = {}): Promise<ExportModel> {
  if (req.kind === 'documents') return buildDocumentsModel(archive, req, hooks)
  const keys = [...new Set(req.regions.map((q) => engine.regionKey(archive, q)))]
  const book = new SourceBook(archive)
  if (req.kind === 'compare') {
    hooks.progress?.(0, 1)
    const model = compareModel(book, engine.compareRegions(archive, keys, req.asOf))
    hooks.progress?.(1, 1)
    return model
  }
  // A summary takes its regions in groups: one engine pass per group (the engine reads each
  // document once per pass), progress and a chance to cancel between groups.
  const regions: SummaryRegion[] = []
  for (let i = 0; i < keys.length; i += SUMMARY_GROUP) {
    hooks.progress?.(i, keys.length)
    await checkpoint(hooks.signal)
    regions.push(...summaryRegions(archive, book, engine.compareRegions(archive, keys.slice(i, i + SUMMARY_GROUP), req.asOf)))
  }
  hooks.progress?.(keys.length, keys.length)
  return summaryModel(book, regions, req.asOf)
}

/** A file name for the export: its title and date, without characters file systems refuse. */
export function suggestedName(model: ExportModel, format: ExportFormat): string {
  const date = (model.asOf ?? model.generatedAt.slice(0, 10)).replace(/-/g, '')
  const title = model.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)
  return `${title}_${date}.${format}`
}

export interface ExportRun {
  engine: CompareEngine
  printPdf?: PdfPrinter
  signal?: AbortSignal
  /** Steps: 'collect' while the model is gathered, then 'render' and 'write'. */
  progress?: (done: number, total: number, stage: 'collect' | 'render' | 'write') => void
}

export async function renderRequest(archive: Archive, req: ExportRequest, format: ExportFormat, run: ExportRun): Promise<{ model: ExportModel; bytes: Buffer }> {
  const model = await buildModel(archive, req, run.engine, { signal: run.signal, progress: (d, t) => run.progress?.(d, t, 'collect') })
  await checkpoint(run.signal)
  run.progress?.(0, 1, 'render')
  const bytes = await renderExport(model, format, run.printPdf)
  await checkpoint(run.signal)
  return { model, bytes }
}

/** Export to `file`; refuses an existing file without `force` before doing any work. */
export async function exportToFile(archive: Archive, req: ExportRequest, format: ExportFormat, file: string, force: boolean, run: ExportRun): Promise<{ model: ExportModel; bytes: number }> {
  checkTarget(file, force)
  const { model, bytes } = await renderRequest(archive, req, format, run)
  run.progress?.(0, 1, 'write')
  writeAtomic(file, bytes, force)
  run.progress?.(1, 1, 'write')
  return { model, bytes: bytes.length }
}
