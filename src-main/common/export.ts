// What can be exported and in which formats: shared by the API contract, the command line and the
// renderer. The model each export builds lives in src-main/node/export/model.ts.
import { z } from 'zod'
import { DocumentFilterSchema } from './filters'

export const EXPORT_KINDS = ['documents', 'summary', 'compare'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export const EXPORT_FORMATS = ['docx', 'xlsx', 'csv', 'md', 'json', 'pdf'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf'
}

/** A region as given: a key ("code" or "code:name"), a six-digit code or a name (聊城市, 聊城). */
const RegionQuery = z.string().trim().min(1).max(80)
const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
const DocId = z.string().regex(/^[a-z0-9]{4,32}$/, 'not a document id')

export const ExportRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('documents'),
      /** The selected documents; when absent, every document the filter matches. */
      ids: z.array(DocId).min(1).max(100_000).optional(),
      filter: DocumentFilterSchema.default({}),
      /** Add each document's cleaned text. */
      includeText: z.boolean().default(false)
    })
    .strict(),
  z.object({ kind: z.literal('summary'), regions: z.array(RegionQuery).min(1).max(50), asOf: DateString.nullable().default(null) }).strict(),
  z.object({ kind: z.literal('compare'), regions: z.array(RegionQuery).min(1).max(12), asOf: DateString.nullable().default(null) }).strict()
])

export type ExportRequest = z.output<typeof ExportRequestSchema>
export type ExportRequestInput = z.input<typeof ExportRequestSchema>

/** What the export dialog shows before saving: the same HTML layout the PDF is printed from. */
export interface ExportPreview {
  title: string
  /** The layout's style sheet and its content, shown in a shadow root (no scripts, nothing fetched). */
  css: string
  body: string
  documents: number
  measures: number
  sources: number
  /** Rows left out of the preview (the file holds them all). */
  truncated: number
  /** Each requested region (as given: key, code or name) with its name, for the region picker. */
  regionNames: Record<string, string>
}

export interface ExportFileInfo {
  name: string
  bytes: number
  /** Desktop: where the file was saved. Serve: absent; fetch it with export.download. */
  path?: string
}
