// What a domain's handler file gets and gives: the API service composes one handler map per domain
// (core, compare, export, search) instead of growing one class.
import type { ParsedArgsOf, ResultOf } from '../../../common/api/contract'
import type { Operation } from '../../../common/api/operations'
import type { Archive } from '../../archive/archive'
import type { EventBus } from '../event-bus'
import type { JobRegistry } from '../jobs'
import type { ExportFormat } from '../../../common/export'

export type DomainHandlers<O extends Operation> = { [K in O]: (args: ParsedArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K> }

export interface ApiContext {
  mode: 'desktop' | 'serve'
  version: string
  /** The system file chooser (desktop only); resolves to the chosen paths, empty when cancelled. */
  choosePaths?: (folders: boolean) => Promise<string[]>
  /** Desktop: the save dialog for an export (opens in the last folder used); null when cancelled. */
  chooseSavePath?: (suggestedName: string, format: ExportFormat) => Promise<string | null>
  /** Desktop: Electron's printToPDF of a self-contained HTML page (else a local Chromium prints). */
  printPdf?: (html: string) => Promise<Buffer>
}

/** What every domain's handlers may use. */
export interface HandlerDeps {
  archive: Archive
  bus: EventBus
  ctx: ApiContext
  /** Long jobs with generic job.* events and cancel (import, export, re-processing). */
  jobs: JobRegistry
  /** Track a background job so shutdown waits for it. */
  track(jobId: string, job: Promise<unknown>): void
  /** Aborted when the service shuts down. */
  signal: AbortSignal
}
