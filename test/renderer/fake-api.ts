// An in-memory stand-in for the preload's window.api: the only thing the renderer tests replace.
// Every call is validated with the real zod schemas of the contract, so a store that sends wrong
// arguments fails here just as it would against main.
import { contract, type ApiResponse, type EventPayloads } from '@common/api/contract'
import { OPERATIONS, type EventName, type Operation } from '@common/api/operations'
import { exposedTo } from '@common/api/access'
import type { Settings } from '@common/api/contract'
import type { DocumentRecord, DocumentSummary, Measure, RegionRef } from '@common/record'
import { FakeCompare } from './fake-compare'
import type { SavedView } from '@common/search'
import { runTagsOp } from './fake-tags'

/** Places regions.search knows about (a zone shares its parent's code, hence the key). */
export const REGIONS: (RegionRef & { key: string })[] = [
  { name: '长春市', code: '220100', level: 'city', province: '吉林省', key: '220100:长春市' },
  { name: '长春新区', code: '220100', level: 'district', province: '吉林省', key: '220100:长春新区' },
  { name: '吉林市', code: '220200', level: 'city', province: '吉林省', key: '220200:吉林市' }
]

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
    warnings: 0,
    // Even and odd documents come from two different files (only parts of one file can be merged).
    source: `file-${i % 2}`
  }
}

export class FakeApi {
  calls: Call[] = []
  total: number
  trashed = new Set<string>()
  records = new Map<string, DocumentRecord>()
  private listeners = new Map<string, Set<(p: unknown) => void>>()
  settings: Settings = { inboxFolder: null, inboxTags: [] }
  /** Folders that "exist" for settings.chooseInbox. */
  folders = new Set<string>(['/data/inbox'])
  /** What the system folder dialog answers next (null: the user cancels). */
  chosenFolder: string | null = null
  /** Undoable changes, newest last: the document and its state before the change. */
  history: { action: string; id: string; before: DocumentRecord; trashed?: string }[] = []
  private measureSeq = 0
  views: SavedView[] = []
  /** Override an operation's behaviour for one test. */
  handlers: Partial<Record<Operation, (args: never) => unknown>> = {}
  compare = new FakeCompare()

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
    if (op.startsWith('compare.')) return this.compare.handle(op, args)
    const tagsAnswer = runTagsOp(this, op, args)
    if (tagsAnswer !== undefined) return tagsAnswer
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
      case 'search.run': {
        // Every row matches; the snippet marks the query as search would.
        const offset = args.offset as number
        const limit = args.limit as number
        const q = String(args.query ?? '')
        const results = []
        for (let i = offset; i < Math.min(this.total, offset + limit); i++) results.push({ ...summary(i), score: 1, snippet: q ? `…关于[${q}]的规定…` : '' })
        const facets = args.facets
          ? { regions: [{ code: '220000', name: '吉林省', level: 'province', count: this.total }], types: [{ value: 'notice', count: this.total }], tags: [], measures: [], hasSimilar: 0, hasWarnings: 0 }
          : null
        return { total: this.total, results, facets, ms: 1 }
      }
      case 'search.views.list':
        return [...this.views].sort((a, b) => a.position - b.position)
      case 'search.views.save': {
        const existing = this.views.find((v) => v.id === args.id)
        if (existing) Object.assign(existing, { name: args.name, query: args.query, filter: args.filter })
        else this.views.push({ id: `view${this.views.length + 1}`, name: String(args.name), query: String(args.query), filter: args.filter as SavedView['filter'], position: this.views.length, createdAt: '2026-01-01T00:00:00Z' })
        return this.views.find((v) => v.id === (args.id ?? `view${this.views.length}`))
      }
      case 'search.views.reorder':
        ;(args.ids as string[]).forEach((id, i) => {
          const v = this.views.find((x) => x.id === id)
          if (v) v.position = i
        })
        return [...this.views].sort((a, b) => a.position - b.position)
      case 'search.views.delete': {
        const before = this.views.length
        this.views = this.views.filter((v) => v.id !== args.id)
        return { count: before - this.views.length }
      }
      case 'documents.summaries':
        return (args.ids as string[]).flatMap((id) => {
          const r = this.records.get(id)
          return r ? [{ ...summary(0), id, title: r.title }] : []
        })
      default:
        return this.runEdit(op, args)
    }
  }

  private doc(id: string): DocumentRecord {
    const rec = this.records.get(id)
    if (!rec) throw Object.assign(new Error(`no document with id ${id}`), { code: 'not-found' })
    return rec
  }

  private measureOwner(measureId: string): DocumentRecord {
    for (const r of this.records.values()) if (r.measures.some((m) => m.id === measureId)) return r
    throw Object.assign(new Error(`no measure with id ${measureId}`), { code: 'not-found' })
  }

  // Records are replaced, never mutated, so a test's earlier reference stays as it was.
  private change(action: string, rec: DocumentRecord, next: Partial<DocumentRecord>, trashed?: string): DocumentRecord {
    this.history.push({ action, id: rec.id!, before: rec, trashed })
    const updated = { ...rec, ...next }
    this.records.set(rec.id!, updated)
    return updated
  }

  private checkSpan(rec: DocumentRecord, m: { start: number; end: number }): void {
    if (m.end <= m.start || m.end > rec.text.length) throw new Error(`the evidence span ${m.start}–${m.end} is not inside the document text (0–${rec.text.length})`)
  }

  private runEdit(op: Operation, args: Record<string, unknown>): unknown {
    switch (op) {
      case 'documents.update': {
        const rec = this.doc(args.id as string)
        const patch = args.patch as Partial<DocumentRecord>
        // As the archive does: a title a person wrote is no longer a derived one.
        return this.change('update', rec, 'title' in patch ? { ...patch, titleDerived: false } : patch)
      }
      case 'documents.setRegions': {
        const rec = this.doc(args.id as string)
        const regions = (args.codes as string[]).map((key) => {
          const r = REGIONS.find((x) => x.key === key) ?? rec.regions.find((x) => `${x.code}:${x.name}` === key)
          if (!r) throw new Error(`unknown region ${key}`)
          return { name: r.name, code: r.code, level: r.level, province: r.province }
        })
        return this.change('regions', rec, { regions })
      }
      case 'regions.search':
        return REGIONS.filter((r) => r.name.includes(args.query as string)).slice(0, args.limit as number)
      case 'measures.add': {
        const rec = this.doc(args.documentId as string)
        const input = args.measure as Omit<Measure, 'text'>
        this.checkSpan(rec, input)
        const m: Measure = { ...input, text: rec.text.slice(input.start, input.end), manual: true, id: `man${String(++this.measureSeq).padStart(4, '0')}` }
        return this.change('measure.add', rec, { measures: [...rec.measures, m] })
      }
      case 'measures.update': {
        const rec = this.measureOwner(args.id as string)
        const patch = args.patch as Partial<Measure>
        const measures = rec.measures.map((m) => {
          if (m.id !== args.id) return m
          const next = { ...m, ...patch, manual: true }
          this.checkSpan(rec, next)
          return { ...next, text: rec.text.slice(next.start, next.end) }
        })
        return this.change('measure.update', rec, { measures })
      }
      case 'measures.delete': {
        const rec = this.measureOwner(args.id as string)
        return this.change('measure.delete', rec, { measures: rec.measures.filter((m) => m.id !== args.id) })
      }
      case 'history.undo': {
        const wanted = args.documentId as string | undefined
        const at = this.history.findLastIndex((h) => !wanted || h.id === wanted)
        if (at < 0) return { action: null, documentId: null }
        const [h] = this.history.splice(at, 1)
        this.records.set(h.id, h.before)
        if (h.trashed) this.trashed.delete(h.trashed)
        return { action: h.action, documentId: h.id }
      }
      case 'documents.redecode': {
        const rec = this.doc(args.id as string)
        return this.change('redecode', rec, {
          source: { ...rec.source, encoding: args.encoding as string },
          warnings: rec.warnings.filter((w) => !/low confidence/.test(w))
        })
      }
      case 'documents.restoreRemoved': {
        const rec = this.doc(args.id as string)
        const index = args.index as number
        const piece = rec.removed[index]
        if (!piece) throw new Error(`there is no removed passage ${index}`)
        return this.change('restoreRemoved', rec, { text: `${rec.text}\n${piece.text}`, removed: rec.removed.filter((_, i) => i !== index) })
      }
      case 'documents.resolveSimilar': {
        const rec = this.doc(args.id as string)
        const other = this.doc(args.other as string)
        const merge = args.action === 'merge'
        if (merge) {
          this.trashed.add(other.id!)
          this.records.set(other.id!, { ...other, trashed: true, duplicateOf: rec.id! })
        }
        return this.change('similar.' + String(args.action), rec, { similar: rec.similar.filter((s) => s.id !== other.id) }, merge ? other.id : undefined)
      }
      case 'documents.split': {
        const rec = this.doc(args.id as string)
        const at = (args.offsets as number[])[0]
        if (at >= rec.text.length) throw new Error(`offset ${at} is outside the text`)
        const second: DocumentRecord = { ...rec, id: `${rec.id}b`, text: rec.text.slice(at), measures: [], source: { ...rec.source, part: rec.source.part + 1 } }
        this.records.set(second.id!, second)
        this.records.set(rec.id!, { ...rec, text: rec.text.slice(0, at), measures: rec.measures.filter((m) => m.end <= at) })
        return { ids: [rec.id, second.id] }
      }
      case 'documents.merge': {
        const ids = args.ids as string[]
        const first = this.doc(ids[0])
        return { ...first, text: ids.map((id) => this.doc(id).text).join('\n') }
      }
      case 'settings.get':
        return this.settings
      case 'settings.update': {
        const patch = args.patch as Partial<Settings>
        if (patch.inboxFolder) throw Object.assign(new Error('settings.update with a path is refused over IPC'), { key: 'errors.api.pathsRefused', params: {} })
        this.settings = { ...this.settings, ...patch }
        return this.settings
      }
      case 'settings.chooseInbox': {
        // The folder the user picks in the system dialog; null when cancelled.
        const folder = this.chosenFolder
        if (!folder) return null
        if (!this.folders.has(folder)) {
          throw Object.assign(new Error(`the inbox folder ${folder} does not exist or is not a folder`), { key: 'errors.core.inboxMissing', params: { folder } })
        }
        this.settings = { ...this.settings, inboxFolder: folder }
        return this.settings
      }
      default:
        return { jobId: 'job-1' }
    }
  }

  /** The object to put on window.api. */
  bridge(): NonNullable<Window['api']> {
    const api: Record<string, unknown> = {}
    // Exactly what the preload exposes: operations that take paths are not there.
    for (const op of exposedTo('ipc', OPERATIONS)) {
      api[op] = async (raw: unknown): Promise<ApiResponse<unknown>> => {
        const parsed = contract[op].args.safeParse(raw)
        if (!parsed.success) return { ok: false, error: { code: 'invalid-arguments', message: parsed.error.message } }
        this.calls.push({ op, args: parsed.data })
        try {
          return { ok: true, result: this.run(op, parsed.data as Record<string, unknown>) }
        } catch (e) {
          const code = (e as { code?: string }).code === 'not-found' ? 'not-found' : 'failed'
          const { key, params } = e as { key?: string; params?: Record<string, string | number> }
          return { ok: false, error: { code, message: (e as Error).message, ...(key ? { key, params } : {}) } }
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
