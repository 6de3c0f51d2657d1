// Implements the API contract over the archive. Transports (Electron IPC, serve's HTTP) hand every
// call to dispatch(), which rejects unknown operations and validates arguments before running anything.
import { randomUUID } from 'node:crypto'
import { contract, type ApiResponse, type ParsedArgsOf, type ResultOf } from '../../common/api/contract'
import { OPERATIONS, type Operation } from '../../common/api/operations'
import type { Archive } from '../archive/archive'
import { getRecord, listSummaries, listTags, partsOf, summariesOf } from '../archive/documents-read'
import { filterWords } from '../search/search'
import { changeTags, setTrashed } from '../archive/documents-write'
import { rawInputFromText } from '../pipeline/pipeline'
import { removeStaged, stageUploads } from './stage-uploads'
import { unfinishedJobs } from '../archive/import-queue'
import { readSettings, writeSettings } from '../archive/settings'
import { InboxWatcher } from './inbox-watcher'
import { PipelinePool } from './pipeline-pool'
import fs from 'node:fs'
import type { EventBus } from './event-bus'
import { addMeasure, CorrectionError, deleteMeasure, setRegions, undoLast, updateFields, updateMeasure } from '../archive/corrections'
import { reprocessArchive } from './reprocess'
import { resolveSimilar } from '../archive/document-edits'
import { mergeDocuments, redecode, restoreRemovedPassage, splitAt } from './document-edits'
import { regionFromKey, searchRegions } from './regions'
import { runImport, type ImportSource } from './import-job'
import type { ApiContext, DomainHandlers, HandlerDeps } from './handlers/types'
import { compareHandlers } from './handlers/compare'
import { searchHandlers } from './handlers/search'
import { enableSearchWarmup } from '../search/warm'
import { tagsHandlers } from './handlers/tags'
import { exportHandlers } from './handlers/export'
import type { CoreOperation } from '../../common/api/operations'
import { AppError, noDocument, noMeasure } from '../../common/errors'
import { JobRegistry } from './jobs'
import { finishJob } from '../archive/import-queue'
import { stoppedBy } from '../pipeline/reasons'
import { mayCall, type Caller } from '../../common/api/access'

export type { ApiContext } from './handlers/types'

export { NotFoundError } from '../../common/errors'

type Handlers = { [O in Operation]: (args: ParsedArgsOf<O>) => Promise<ResultOf<O>> | ResultOf<O> }

export class ApiService {
  private jobs = new Map<string, Promise<unknown>>()
  private abort = new AbortController()
  /** Import, export and re-processing jobs: generic job.* events and per-job cancel. */
  private readonly registry: JobRegistry
  private changedTimer: NodeJS.Timeout | null = null
  private readonly unsubscribe: () => void
  private readonly inbox: InboxWatcher
  /** Pipeline workers, started with the first import. */
  private pool: PipelinePool | null = null

  constructor(
    private readonly archive: Archive,
    private readonly bus: EventBus,
    private readonly ctx: ApiContext
  ) {
    this.registry = new JobRegistry(bus, this.abort.signal)
    // A long-running process: the first search of a session should not run in V8's interpreter (warm.ts).
    enableSearchWarmup()
    const deps: HandlerDeps = {
      archive,
      bus,
      ctx,
      jobs: this.registry,
      track: (jobId, job) => {
        this.jobs.set(jobId, job)
        void job.finally(() => this.jobs.delete(jobId))
      },
      signal: this.abort.signal
    }
    this.handlers = {
      ...this.core,
      ...compareHandlers(deps),
      ...searchHandlers(deps),
      ...tagsHandlers(deps),
      ...exportHandlers(deps),
    }
    this.inbox = new InboxWatcher(archive, {
      importFiles: async (paths) => {
        const { jobId } = this.startImport({ kind: 'paths', paths }, readSettings(this.archive).inboxTags)
        await this.registry.wait(jobId)
      }
    })
    // Coalesce change notices: an import writes hundreds of times a second.
    this.unsubscribe = archive.onChange(() => {
      if (this.changedTimer) return
      this.changedTimer = setTimeout(() => {
        this.changedTimer = null
        this.bus.emit('archive.changed', { sequence: this.archive.sequence })
      }, 200)
    })
  }

  private readonly core: DomainHandlers<CoreOperation> = {
    'app.info': () => ({
      version: this.ctx.version,
      mode: this.ctx.mode,
      archivePath: this.archive.layout.dir,
      documents: Number(this.archive.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents WHERE trashed_at IS NULL')?.n ?? 0),
      sequence: this.archive.sequence,
      notices: this.archive.notices
    }),
    'documents.list': (a) => listSummaries(this.archive, a.filter, { offset: a.offset, limit: a.limit, sort: a.sort, only: filterWords(this.archive, a.filter) }),
    'documents.get': (a) => this.record(a.id),
    'documents.summaries': (a) => summariesOf(this.archive, a.ids),
    'documents.parts': (a) => {
      this.record(a.id)
      return partsOf(this.archive, a.id)
    },
    'documents.trash': (a) => ({ count: setTrashed(this.archive, a.ids, true) }),
    'documents.restore': (a) => ({ count: setTrashed(this.archive, a.ids, false) }),
    'documents.tag': (a) => ({ count: changeTags(this.archive, a.ids, a.add, a.remove) }),
    'tags.list': () => listTags(this.archive),
    'import.paths': (a) => this.startImport({ kind: 'paths', paths: a.paths }, a.tags),
    'import.files': (a) => {
      const staged = stageUploads(this.archive.layout.dir, a.files)
      return this.startImport({ kind: 'paths', paths: staged.paths, display: staged.display }, a.tags, staged.cleanup)
    },
    'import.text': (a) => this.startImport({ kind: 'inputs', inputs: [rawInputFromText(a.text, a.name)] }, a.tags),
    'documents.update': (a) => {
      updateFields(this.archive, a.id, a.patch)
      return this.record(a.id)
    },
    'documents.setRegions': (a) => {
      setRegions(this.archive, a.id, a.codes.map(regionFromKey))
      return this.record(a.id)
    },
    'measures.add': (a) => {
      addMeasure(this.archive, a.documentId, a.measure)
      return this.record(a.documentId)
    },
    'measures.update': (a) => {
      updateMeasure(this.archive, a.id, a.patch)
      return this.record(this.measureDocument(a.id))
    },
    'measures.delete': (a) => {
      const doc = this.measureDocument(a.id)
      deleteMeasure(this.archive, a.id)
      return this.record(doc)
    },
    'history.undo': (a) => undoLast(this.archive, a.documentId) ?? { action: null, documentId: null },
    'regions.search': (a) => searchRegions(a.query, a.limit),
    'archive.reprocess': (a) =>
      this.registry.start('reprocess', async (job) => {
        const { jobId } = job
        const t0 = Date.now()
        try {
          const r = await reprocessArchive(this.archive, {
            all: a.all,
            pool: this.workers(),
            signal: job.signal,
            onProgress: (done, total, current) => {
              const secs = (Date.now() - t0) / 1000
              const perSecond = secs > 0 ? Math.round((done / secs) * 10) / 10 : 0
              const etaMs = done > 0 && perSecond > 0 ? Math.round(((total - done) / perSecond) * 1000) : null
              this.bus.emit('import.progress', { jobId, done, total, imported: done, duplicates: 0, errors: 0, perSecond, etaMs, current })
              job.progress(done, total, current)
            }
          })
          for (const e of r.errors) this.bus.emit('import.item', { jobId, outcome: 'error', file: e.path, reason: e.reason, reasonKey: e.reasonKey, reasonParams: e.reasonParams })
          this.bus.emit('import.done', { jobId, imported: r.updated + r.added, duplicates: 0, errors: r.errors.length, ms: Date.now() - t0 })
          return { updated: r.updated, added: r.added, removed: r.removed, errors: r.errors.length }
        } catch (err) {
          this.bus.emit('import.item', { jobId, outcome: 'error', file: '', ...stoppedBy('reprocessStopped', err) })
          this.bus.emit('import.done', { jobId, imported: 0, duplicates: 0, errors: 1, ms: Date.now() - t0 })
          throw err
        }
      }),
    'documents.redecode': async (a) => {
      await redecode(this.archive, a.id, a.encoding, this.workers())
      return this.record(a.id)
    },
    'documents.restoreRemoved': (a) => {
      restoreRemovedPassage(this.archive, a.id, a.index)
      return this.record(a.id)
    },
    'documents.merge': (a) => this.record(mergeDocuments(this.archive, a.ids)),
    'documents.split': (a) => ({ ids: splitAt(this.archive, a.id, a.offsets) }),
    'documents.resolveSimilar': (a) => {
      resolveSimilar(this.archive, a.id, a.other, a.action)
      return this.record(a.id)
    },
    'settings.get': () => readSettings(this.archive),
    'settings.update': (a) => {
      if (a.patch.inboxFolder) {
        const st = fs.statSync(a.patch.inboxFolder, { throwIfNoEntry: false })
        if (!st?.isDirectory()) throw new CorrectionError('errors.core.inboxMissing', { folder: a.patch.inboxFolder }, `the inbox folder ${a.patch.inboxFolder} does not exist or is not a folder`)
      }
      const next = writeSettings(this.archive, a.patch)
      if ('inboxFolder' in a.patch) this.inbox.watch(next.inboxFolder)
      return next
    },
    'settings.chooseInbox': async () => {
      if (!this.ctx.choosePaths) throw new AppError('errors.api.desktopOnly', {}, 'the folder chooser is only available in the desktop app')
      const [folder] = await this.ctx.choosePaths(true)
      if (!folder) return null
      const next = writeSettings(this.archive, { inboxFolder: folder })
      this.inbox.watch(next.inboxFolder)
      return next
    },
    'import.choose': async (a) => {
      if (!this.ctx.choosePaths) throw new AppError('errors.api.desktopOnly', {}, 'the file chooser is only available in the desktop app')
      const paths = await this.ctx.choosePaths(a.folders)
      return paths.length ? this.startImport({ kind: 'paths', paths }, a.tags) : null
    }
  }

  /** Built in the constructor: the domains need the constructor's parameters. */
  private readonly handlers: Handlers

  private record(id: string) {
    const rec = getRecord(this.archive, id)
    if (!rec) throw noDocument(id)
    return rec
  }

  private measureDocument(measureId: string): string {
    const row = this.archive.get<{ document_id: string }>('SELECT document_id FROM measures WHERE id = ?', [measureId])
    if (!row) throw noMeasure(measureId)
    return row.document_id
  }

  private workers(): PipelinePool {
    this.pool ??= new PipelinePool()
    return this.pool
  }

  /** Staged uploads are removed once their job has finished (an interrupted job still needs them). */
  private startImport(source: ImportSource, tags: string[], cleanup?: () => void, jobId: string = randomUUID()): { jobId: string } {
    const pool = this.workers()
    return this.registry.start(
      'import',
      async (job) => {
        try {
          const done = await runImport(this.archive, jobId, source, tags, {
            signal: job.signal,
            pool,
            item: (e) => this.bus.emit('import.item', e),
            progress: (e) => {
              this.bus.emit('import.progress', e)
              job.progress(e.done, e.total, e.current)
            }
          })
          this.bus.emit('import.done', { jobId, imported: done.imported, duplicates: done.duplicates, errors: done.errors, ms: done.ms })
          // Cancelled by the user (not by quitting): the job is over and must not resume on the next start.
          const cancelled = !done.finished && !this.abort.signal.aborted
          if (cancelled && source.kind === 'paths') finishJob(this.archive, jobId, 'cancelled')
          if (done.finished || cancelled) cleanup?.()
          return { imported: done.imported, duplicates: done.duplicates, errors: done.errors }
        } catch (err) {
          this.bus.emit('import.item', { jobId, outcome: 'error', file: '', ...stoppedBy('importStopped', err) })
          this.bus.emit('import.done', { jobId, imported: 0, duplicates: 0, errors: 1, ms: 0 })
          throw err
        }
      },
      jobId
    )
  }

  /** Background work of a running app: resume interrupted imports, watch the inbox folder. */
  startBackgroundWork(): void {
    this.resumeInterrupted()
    this.inbox.watch(readSettings(this.archive).inboxFolder)
  }

  /** Continue imports that were interrupted (the app quit or crashed mid-import). */
  resumeInterrupted(): string[] {
    return unfinishedJobs(this.archive).map((j) => {
      const staged = Object.keys(j.display)
      const cleanup = staged.length ? () => removeStaged(staged) : undefined
      return this.startImport({ kind: 'paths', paths: j.paths, display: j.display, resume: true }, j.tags, cleanup, j.id).jobId
    })
  }

  /**
   * Run one operation. `caller` is the transport: 'ipc' (the desktop window) and 'http' (serve) may not
   * send file-system paths (access.ts); 'local' is main itself, the CLI and the tests.
   */
  async dispatch(op: string, rawArgs: unknown, caller: Caller = 'local'): Promise<ApiResponse<unknown>> {
    if (!(OPERATIONS as readonly string[]).includes(op)) {
      return { ok: false, error: { code: 'unknown-operation', message: `unknown operation "${op}"`, key: 'errors.api.unknownOperation', params: { op } } }
    }
    const operation = op as Operation
    if (!mayCall(caller, operation, rawArgs)) {
      const message = `${op} with file-system paths or a system dialog is not available here: choose files with the dialog or drop them on the window`
      return { ok: false, error: { code: 'forbidden', message, key: caller === 'http' ? 'errors.api.pathsRefusedServe' : 'errors.api.pathsRefused', params: { op } } }
    }
    const parsed = contract[operation].args.safeParse(rawArgs ?? {})
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ')
      return { ok: false, error: { code: 'invalid-arguments', message: `invalid arguments for ${op}: ${detail}` } }
    }
    try {
      const handler = this.handlers[operation] as (args: unknown) => unknown
      return { ok: true, result: await handler(parsed.data) }
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.kind, message: err.message, key: err.key, params: err.params } }
      // Anything else is a fault of the program, not of the request: reported as such, with its English detail.
      const message = (err as Error)?.message ?? String(err)
      return { ok: false, error: { code: 'failed', message, key: 'errors.api.internal', params: { detail: message } } }
    }
  }

  /** Stop accepting new files in running imports and wait for them (quit mid-import). */
  async shutdown(): Promise<void> {
    this.inbox.stop()
    this.abort.abort()
    await Promise.allSettled([...this.jobs.values(), ...this.registry.all()])
    await this.pool?.close()
    if (this.changedTimer) clearTimeout(this.changedTimer)
    this.unsubscribe()
  }
}
