// The one API contract: operation → argument schema (zod, checked at runtime in main and serve)
// → result type. The preload allow-list, main's validation and the typed renderer client all derive from it.
import { z } from 'zod'
import type { Operation, EventName, CoreOperation } from './operations'
import { DocumentFilterSchema } from '../filters'
import { DOC_TYPES, type DocumentRecord, type DocumentSummary, type RegionRef } from '../record'
import { MEASURE_CATEGORIES } from '../taxonomy'
import { DateString, Id, Ids, TagName, op } from './contract-base'
import { compareContract } from './contract-compare'
import { searchContract } from './contract-search'
import { tagsContract } from './contract-tags'
import type { RuleRunProgress } from '../tags'
import { exportContract } from './contract-export'
import type { JobDoneEvent, JobErrorEvent, JobProgressEvent, JobStartedEvent } from './jobs'

export interface AppInfo {
  version: string
  mode: 'desktop' | 'serve'
  archivePath: string
  documents: number
  sequence: number
  /** Recovery notices from opening the archive, shown once to the user. */
  notices: string[]
}

export interface ListResult {
  total: number
  rows: DocumentSummary[]
}

export interface JobStarted {
  jobId: string
}

const MeasureParamsSchema = z
  .object({
    days: z.number(), hours: z.number(), people: z.number(), times: z.number(), per_days: z.number(), rounds: z.number(),
    meters: z.number(), percent: z.number(), min_age: z.number(), max_age: z.number(), months: z.number(), formula: z.string()
  })
  .partial()
  .strict()
const MeasureInputSchema = z
  .object({
    category: z.enum(MEASURE_CATEGORIES),
    level: z.number().int().min(0).max(4),
    params: MeasureParamsSchema.default({}),
    target: z.string().max(100).nullable().default(null),
    lifted: z.boolean().default(false),
    start: z.number().int().min(0),
    end: z.number().int().min(1)
  })
  .strict()

export const SettingsSchema = z
  .object({
    /** A folder whose new files are imported once they stop growing; null: off. */
    inboxFolder: z.string().min(1).max(4096).nullable(),
    /** Tags given to documents that come in through the inbox. */
    inboxTags: z.array(z.string().trim().min(1).max(64)).max(20)
  })
  .strict()

export type Settings = z.infer<typeof SettingsSchema>

export const DEFAULT_SETTINGS: Settings = { inboxFolder: null, inboxTags: [] }

export interface UndoResult {
  /** What was undone (audit action), or null when there was nothing to undo. */
  action: string | null
  documentId: string | null
}

const coreContract = {
  'app.info': op<AppInfo>()(z.object({}).strict()),
  'documents.list': op<ListResult>()(
    z
      .object({
        filter: DocumentFilterSchema.default({}),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
        sort: z.enum(['newest', 'date', 'title']).default('newest')
      })
      .strict()
  ),
  'documents.get': op<DocumentRecord>()(z.object({ id: Id }).strict()),
  /** Light rows for the given ids (e.g. titles of similar documents); unknown ids are left out. */
  'documents.summaries': op<DocumentSummary[]>()(z.object({ ids: z.array(Id).max(1000) }).strict()),
  /** The documents split from the same original file as `id` (itself included), in part order. */
  'documents.parts': op<(DocumentSummary & { part: number; parts: number })[]>()(z.object({ id: Id }).strict()),
  'documents.trash': op<{ count: number }>()(z.object({ ids: Ids }).strict()),
  'documents.restore': op<{ count: number }>()(z.object({ ids: Ids }).strict()),
  'documents.tag': op<{ count: number }>()(
    z.object({ ids: Ids, add: z.array(TagName).max(50).default([]), remove: z.array(TagName).max(50).default([]) }).strict()
  ),
  'tags.list': op<{ name: string; count: number }[]>()(z.object({}).strict()),
  'import.paths': op<JobStarted>()(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000), tags: z.array(TagName).max(20).default([]) }).strict()
  ),
  'import.files': op<JobStarted>()(
    z
      .object({
        files: z
          .array(z.object({ name: z.string().min(1).max(1024), base64: z.string().max(140_000_000) }).strict())
          .min(1)
          .max(1000),
        tags: z.array(TagName).max(20).default([])
      })
      .strict()
  ),
  'import.text': op<JobStarted>()(
    z.object({ text: z.string().min(1).max(20_000_000), name: z.string().max(200).optional(), tags: z.array(TagName).max(20).default([]) }).strict()
  ),
  'documents.update': op<DocumentRecord>()(
    z
      .object({
        id: Id,
        patch: z
          .object({
            title: z.string().trim().min(1).max(500),
            docType: z.enum(DOC_TYPES),
            docTypeDetail: z.string().max(20).nullable(),
            issuer: z.string().max(200).nullable(),
            docNumber: z.string().max(100).nullable(),
            date: DateString.nullable()
          })
          .partial()
          .strict()
      })
      .strict()
  ),
  'documents.setRegions': op<DocumentRecord>()(z.object({ id: Id, codes: z.array(z.string().regex(/^\d{6}(:.+)?$/)).max(200) }).strict()),
  'measures.add': op<DocumentRecord>()(z.object({ documentId: Id, measure: MeasureInputSchema }).strict()),
  'measures.update': op<DocumentRecord>()(z.object({ id: Id, patch: MeasureInputSchema.partial() }).strict()),
  'measures.delete': op<DocumentRecord>()(z.object({ id: Id }).strict()),
  /** Reverse the latest user change (of one document, when given). */
  'history.undo': op<UndoResult>()(z.object({ documentId: Id.optional() }).strict()),
  /** Places for a region picker; `key` is "code:name" (zones may share a parent's code). */
  'regions.search': op<(RegionRef & { key: string })[]>()(z.object({ query: z.string().trim().min(1).max(40), limit: z.number().int().min(1).max(100).default(20) }).strict()),
  /** Re-run the pipeline on stored originals; progress comes as import.progress events of the returned job. */
  'archive.reprocess': op<JobStarted>()(z.object({ all: z.boolean().default(false) }).strict()),
  /** Decode the original again with this encoding (after a doubtful guess). */
  'documents.redecode': op<DocumentRecord>()(
    z.object({ id: Id, encoding: z.enum(['utf-8', 'gb18030', 'gbk', 'big5', 'big5-hkscs', 'utf-16le', 'utf-16be', 'shift_jis', 'euc-kr']) }).strict()
  ),
  /** Put the index-th removed passage back into the text. */
  'documents.restoreRemoved': op<DocumentRecord>()(z.object({ id: Id, index: z.number().int().min(0) }).strict()),
  /** Merge parts of one file into one document; the result is the merged document. */
  'documents.merge': op<DocumentRecord>()(z.object({ ids: z.array(Id).min(2).max(200) }).strict()),
  /** Split a document at offsets of its text; the result lists the ids of all pieces, first = the original. */
  'documents.split': op<{ ids: string[] }>()(z.object({ id: Id, offsets: z.array(z.number().int().min(1)).min(1).max(100) }).strict()),
  /** Near-duplicates: 'merge' trashes `other` as a duplicate of `id`; 'keep' keeps both and drops the link. */
  'documents.resolveSimilar': op<DocumentRecord>()(z.object({ id: Id, other: Id, action: z.enum(['merge', 'keep']) }).strict()),
  'settings.get': op<Settings>()(z.object({}).strict()),
  /** Setting a folder here is refused from a page (paths come from dialogs): see access.ts. */
  'settings.update': op<Settings>()(z.object({ patch: SettingsSchema.partial() }).strict()),
  /** Desktop only: choose the inbox folder with the system dialog. Null when the user cancels. */
  'settings.chooseInbox': op<Settings | null>()(z.object({}).strict()),
  /** Desktop only: the system file chooser, then import. Null when the user cancels. */
  'import.choose': op<JobStarted | null>()(z.object({ folders: z.boolean().default(false), tags: z.array(TagName).max(20).default([]) }).strict())
} satisfies Record<CoreOperation, { args: z.ZodType; result: unknown }>

/** Every domain's operations; each domain keeps its schemas in contract-<domain>.ts. */
export const contract = {
  ...coreContract,
  ...compareContract,
  ...searchContract,
  ...tagsContract,
  ...exportContract
} satisfies Record<Operation, { args: z.ZodType; result: unknown }>

// Both directions: every listed operation has a schema, and every schema is listed.
type _Exact = keyof typeof contract extends Operation ? (Operation extends keyof typeof contract ? true : never) : never
export const CONTRACT_IS_EXACT: _Exact = true

export type ArgsOf<O extends Operation> = z.input<(typeof contract)[O]['args']>
export type ParsedArgsOf<O extends Operation> = z.output<(typeof contract)[O]['args']>
export type ResultOf<O extends Operation> = (typeof contract)[O]['result']

export type ImportOutcome = 'imported' | 'duplicate' | 'error'

export interface ImportItemEvent {
  jobId: string
  outcome: ImportOutcome
  file: string
  id?: string
  of?: string
  part?: number
  parts?: number
  title?: string
  /** English, as the command line prints it. */
  reason?: string
  /** The same reason for the interface: an i18n key (errors.import.*) and its parameters. */
  reasonKey?: string
  reasonParams?: Record<string, string | number>
  similar?: { id: string; score: number }[]
  /** A duplicate of a trashed document, which this import took out of the trash. */
  restored?: boolean
}

export interface ImportProgressEvent {
  jobId: string
  /** Inputs handled so far (files, zip members), and those known so far. */
  done: number
  total: number
  imported: number
  duplicates: number
  errors: number
  perSecond: number
  /** Estimated time left; null until it can be estimated. */
  etaMs: number | null
  current: string | null
}

export interface ImportDoneEvent {
  jobId: string
  imported: number
  duplicates: number
  errors: number
  ms: number
}

export interface EventPayloads {
  'import.progress': ImportProgressEvent
  'import.item': ImportItemEvent
  'import.done': ImportDoneEvent
  'archive.changed': { sequence: number }
  /** The desktop menu asks the interface to show a view. */
  'app.navigate': { route: string }
  /** A tag-rule run over the archive (tags.rules.run). */
  'tags.progress': RuleRunProgress,
  /** Generic events of every long job (import, export, re-processing). */
  'job.started': JobStartedEvent
  'job.progress': JobProgressEvent
  'job.done': JobDoneEvent
  'job.error': JobErrorEvent
}

type _EventsExact = keyof EventPayloads extends EventName ? (EventName extends keyof EventPayloads ? true : never) : never
export const EVENTS_ARE_EXACT: _EventsExact = true

/** The error shape every transport returns for a failed call. */
export interface ApiErrorBody {
  code: 'invalid-arguments' | 'unknown-operation' | 'not-found' | 'forbidden' | 'failed'
  message: string
  /** For an AppError: the i18n message key and its parameters, worded by the renderer. */
  key?: string
  params?: Record<string, string | number>
}

export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody }
