// What a domain's handler file gets and gives: the API service composes one handler map per domain
// (core, compare, export, search) instead of growing one class.
import type { ParsedArgsOf, ResultOf } from '../../../common/api/contract'
import type { Operation } from '../../../common/api/operations'
import type { Archive } from '../../archive/archive'
import type { EventBus } from '../event-bus'

export type DomainHandlers<O extends Operation> = { [K in O]: (args: ParsedArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K> }

export interface ApiContext {
  mode: 'desktop' | 'serve'
  version: string
  /** The system file chooser (desktop only); resolves to the chosen paths, empty when cancelled. */
  choosePaths?: (folders: boolean) => Promise<string[]>
}

/** What every domain's handlers may use. */
export interface HandlerDeps {
  archive: Archive
  bus: EventBus
  ctx: ApiContext
  /** Track a background job so shutdown waits for it. */
  track(jobId: string, job: Promise<unknown>): void
  /** Aborted when the service shuts down. */
  signal: AbortSignal
}
