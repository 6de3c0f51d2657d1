// Export domain handlers: preview (the HTML layout), exports as jobs with progress and cancel, the
// download of a finished export in serve mode, and cancel for every kind of job.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ExportOperation } from '../../../common/api/operations'
import { EXPORT_MIME, type ExportFormat, type ExportRequest } from '../../../common/export'
import { AppError } from '../../../common/errors'
import { buildModel, exportToFile, suggestedName } from '../../export/run'
import { compareEngine } from '../../export/engine'
import { idsForFilter } from '../../export/model-documents'
import { renderHtmlParts } from '../../export/html'
import { KIND_TITLE_ZH } from '../../export/labels'
import type { DomainHandlers, HandlerDeps } from './types'

/** Rows the preview shows of a long export (the file holds them all). */
const PREVIEW_ROWS = 200
/** A finished serve-mode export not downloaded within this time is deleted. */
const KEEP_MS = 60 * 60 * 1000

interface Ready {
  file: string
  name: string
  mime: string
  timer: NodeJS.Timeout
}

export function exportHandlers(deps: HandlerDeps): DomainHandlers<ExportOperation> {
  const { archive, ctx, jobs } = deps
  const ready = new Map<string, Ready>()

  const forget = (jobId: string): void => {
    const r = ready.get(jobId)
    if (!r) return
    clearTimeout(r.timer)
    ready.delete(jobId)
    fs.rmSync(path.dirname(r.file), { recursive: true, force: true })
  }

  const start = (request: ExportRequest, format: ExportFormat, target: { file: string; force: boolean; download: boolean }): { jobId: string } =>
    jobs.start('export', async (job) => {
      const stages = { collect: 0, render: 1, write: 2 } as const
      let result
      try {
        result = await exportToFile(archive, request, format, target.file, target.force, {
          engine: compareEngine,
          printPdf: ctx.printPdf,
          signal: job.signal,
          // Three stages of equal weight on one 0–300 scale, so the bar only moves forward.
          progress: (done, total, stage) => job.progress(stages[stage] * 100 + Math.round((done / Math.max(1, total)) * 100), 300, stage)
        })
      } catch (e) {
        if (target.download) fs.rmSync(path.dirname(target.file), { recursive: true, force: true })
        throw e
      }
      const name = suggestedName(result.model, format)
      if (target.download) {
        const timer = setTimeout(() => forget(job.jobId), KEEP_MS)
        timer.unref()
        ready.set(job.jobId, { file: target.file, name, mime: EXPORT_MIME[format], timer })
      }
      return { name, bytes: result.bytes, path: target.download ? null : target.file, download: target.download, measures: result.model.measures.length, documents: result.model.documents.length }
    })

  return {
    'export.preview': async (a) => {
      let request = a.request
      let truncated = 0
      if (request.kind === 'documents') {
        const ids = request.ids ?? idsForFilter(archive, request.filter)
        truncated = Math.max(0, ids.length - PREVIEW_ROWS)
        if (!ids.length) throw new AppError('errors.export.empty', {}, 'no documents match: there is nothing to export')
        request = { ...request, ids: ids.slice(0, PREVIEW_ROWS) }
      }
      const model = await buildModel(archive, request, compareEngine)
      const regionNames: Record<string, string> = {}
      if (request.kind !== 'documents') {
        const names = new Map((model.summary ?? model.compare?.regions ?? []).map((r) => [r.key, r.name]))
        for (const q of request.regions) regionNames[q] = names.get(compareEngine.regionKey(archive, q)) ?? q
      }
      return {
        regionNames,
        title: model.title,
        ...renderHtmlParts(model, PREVIEW_ROWS),
        documents: model.documents.length + truncated,
        measures: model.measures.length,
        sources: model.documents.length + truncated,
        truncated
      }
    },
    'export.start': async (a) => {
      const name = `${KIND_TITLE_ZH[a.request.kind]}_${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.${a.format}`
      if (ctx.mode === 'desktop') {
        if (!ctx.chooseSavePath) throw new AppError('errors.export.noSaveDialog', {}, 'this app cannot show a save dialog')
        const file = await ctx.chooseSavePath(name, a.format)
        // The save dialog has already asked before replacing a file.
        return file ? start(a.request, a.format, { file, force: true, download: false }) : null
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-export-'))
      return start(a.request, a.format, { file: path.join(dir, `export.${a.format}`), force: false, download: true })
    },
    'export.download': (a) => {
      const r = ready.get(a.jobId)
      if (!r) throw new AppError('errors.export.notReady', {}, 'this export is not ready or was already downloaded')
      const base64 = fs.readFileSync(r.file).toString('base64')
      forget(a.jobId)
      return { name: r.name, mime: r.mime, base64 }
    },
    'jobs.cancel': (a) => ({ cancelled: jobs.cancel(a.jobId) })
  }
}
