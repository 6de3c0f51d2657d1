// An in-memory stand-in for the preload's window.api: the only thing the renderer tests replace.
// Every call is validated with the real zod schemas of the contract, so a store that sends wrong
// arguments fails here just as it would against main.
import { contract, type ApiResponse, type EventPayloads } from '@common/api/contract'
import { OPERATIONS, type EventName, type Operation } from '@common/api/operations'
import type { DocumentRecord, DocumentSummary } from '@common/record'

export interface Call {
  op: Operation
  args: unknown
}

export function summary(i: number): DocumentSummary {
  return {
    id: `doc${i.toString(36).padStart(6, '0')}`,
    title: `关于做好疫情防控工作的通知 ${i}`,
    docType: 'notice',
    docTypeDetail: '通知',
    date: '2022-03-01',
    regions: ['吉林省'],
    tags: i % 2 ? ['重点'] : [],
    format: 'txt',
    importedAt: '2026-01-01T00:00:00Z',
    warnings: 0
  }
}

export class FakeApi {
  calls: Call[] = []
  total: number
  trashed = new Set<string>()
  records = new Map<string, DocumentRecord>()
  private listeners = new Map<string, Set<(p: unknown) => void>>()
  /** Override an operation's behaviour for one test. */
  handlers: Partial<Record<Operation, (args: never) => unknown>> = {}

  constructor(total = 0) {
    this.total = total
  }

  callsOf(op: Operation): Record<string, unknown>[] {
    return this.calls.filter((c) => c.op === op).map((c) => c.args as Record<string, unknown>)
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    this.listeners.get(event)?.forEach((fn) => fn(payload))
  }

  private run(op: Operation, args: Record<string, unknown>): unknown {
    const custom = this.handlers[op]
    if (custom) return (custom as (a: unknown) => unknown)(args)
    switch (op) {
      case 'app.info':
        return { version: '0.1.0', mode: 'desktop', archivePath: '/tmp/a', documents: this.total, sequence: 1, notices: [] }
      case 'documents.list': {
        const offset = args.offset as number
        const limit = args.limit as number
        const rows: DocumentSummary[] = []
        for (let i = offset; i < Math.min(this.total, offset + limit); i++) rows.push(summary(i))
        return { total: this.total, rows: rows.filter((r) => !this.trashed.has(r.id)) }
      }
      case 'documents.get': {
        const rec = this.records.get(args.id as string)
        if (!rec) throw Object.assign(new Error(`no document with id ${String(args.id)}`), { code: 'not-found' })
        return rec
      }
      case 'documents.trash':
        ;(args.ids as string[]).forEach((id) => this.trashed.add(id))
        return { count: (args.ids as string[]).length }
      case 'documents.restore':
        ;(args.ids as string[]).forEach((id) => this.trashed.delete(id))
        return { count: (args.ids as string[]).length }
      case 'documents.tag':
        return { count: (args.ids as string[]).length }
      case 'tags.list':
        return [{ name: '重点', count: 3 }]
      default:
        return { jobId: 'job-1' }
    }
  }

  /** The object to put on window.api. */
  bridge(): NonNullable<Window['api']> {
    const api: Record<string, unknown> = {}
    for (const op of OPERATIONS) {
      api[op] = async (raw: unknown): Promise<ApiResponse<unknown>> => {
        const parsed = contract[op].args.safeParse(raw)
        if (!parsed.success) return { ok: false, error: { code: 'invalid-arguments', message: parsed.error.message } }
        this.calls.push({ op, args: parsed.data })
        try {
          return { ok: true, result: this.run(op, parsed.data as Record<string, unknown>) }
        } catch (e) {
          const code = (e as { code?: string }).code === 'not-found' ? 'not-found' : 'failed'
          return { ok: false, error: { code, message: (e as Error).message } }
        }
      }
    }
    api.on = (event: string, fn: (p: unknown) => void) => {
      const set = this.listeners.get(event) ?? new Set()
      set.add(fn)
      this.listeners.set(event, set)
      return () => set.delete(fn)
    }
    return api as NonNullable<Window['api']>
  }

  install(): this {
    window.api = this.bridge()
    return this
  }
}

export function uninstall(): void {
  delete window.api
}
