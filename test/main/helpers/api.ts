// The API service as the transports drive it, for tests: an archive, the service on an event bus that
// records every event, call() that throws the error body (key, params) of a refused call, and waits
// for a job's end or an import's first result.
import path from 'node:path'
import { expect } from 'vitest'
import { Archive, type OpenOptions } from '../../../src-main/node/archive/archive'
import { ApiService, type ApiContext } from '../../../src-main/node/services/api-service'
import { EventBus } from '../../../src-main/node/services/event-bus'
import type { ImportItemEvent } from '../../../src-main/common/api/contract'
import { tmpDir } from './tmp'

export interface ApiEvent {
  name: string
  payload: Record<string, unknown>
}

export class ApiHarness {
  readonly bus = new EventBus()
  readonly events: ApiEvent[] = []
  readonly api: ApiService

  constructor(
    readonly archive: Archive,
    ctx: ApiContext = { mode: 'serve', version: 'test' }
  ) {
    this.bus.on((name, payload) => this.events.push({ name, payload: payload as Record<string, unknown> }))
    this.api = new ApiService(archive, this.bus, ctx)
  }

  /** A fresh archive in a temp folder (or `dir`) with the service over it. */
  static async open(dir = path.join(tmpDir(), 'archive'), options: OpenOptions = {}): Promise<ApiHarness> {
    return new ApiHarness(await Archive.open(dir, options))
  }

  /** The result, or a thrown Error carrying the refusal's code, message, key and params. */
  async call<T>(op: string, args: unknown): Promise<T> {
    const r = await this.api.dispatch(op, args)
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { ...r.error, message: `${r.error.code}: ${r.error.message}`, body: r.error })
    return r.result as T
  }

  /** The first event named `name` whose payload has `jobId`, once it has come. */
  async event(name: string | string[], jobId: string, timeout = 30_000): Promise<ApiEvent> {
    const names = Array.isArray(name) ? name : [name]
    const find = (): ApiEvent | undefined => this.events.find((e) => names.includes(e.name) && e.payload.jobId === jobId)
    await expect.poll(find, { timeout }).toBeTruthy()
    return find()!
  }

  /** A job's job.done or job.error event. */
  finished(jobId: string): Promise<ApiEvent> {
    return this.event(['job.done', 'job.error'], jobId)
  }

  /** Import pasted text and wait for the job: its first per-file result. */
  async importText(text: string, name = '通告.txt'): Promise<ImportItemEvent> {
    const { jobId } = await this.call<{ jobId: string }>('import.text', { text, name })
    await this.event('import.done', jobId)
    return (await this.event('import.item', jobId)).payload as unknown as ImportItemEvent
  }

  async close(): Promise<void> {
    await this.api.shutdown()
    await this.archive.close()
  }
}
