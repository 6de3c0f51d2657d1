// The one model every export builds before any writer runs, so .docx, .xlsx, .csv, .md, .json and
// .pdf all say the same thing. Every statement cites a document by its number in `documents`,
// which doubles as the numbered source list (title, issuer, document number, date).
import type { MeasureParams } from '../../common/record'
import type { ExportKind } from '../../common/export'
import type { Archive } from '../archive/archive'
import { documentRegions } from '../archive/documents-read'
import { AppError } from '../../common/errors'
import { DOC_TYPE_ZH } from './labels'

export interface DocumentRow {
  /** Its number in the source list (1-based). */
  n: number
  id: string
  title: string
  issuer: string | null
  docNumber: string | null
  date: string | null
  docType: string
  docTypeLabel: string
  regions: string[]
  tags: string[]
  /** The cleaned text, when the export asked for texts. */
  text?: string
}

export interface MeasureRow {
  /** The region the row is about (summary, comparison) or the document's regions (documents). */
  region: string
  category: string
  categoryLabel: string
  level: number
  params: MeasureParams
  paramsText: string
  target: string | null
  lifted: boolean
  /** The evidence sentence as it stands in the source document. */
  text: string
  documentId: string
  /** Number of the source document in the source list. */
  source: number
  date: string | null
  /** The parent region the measure was taken from, when the region has none of its own. */
  inheritedFrom: string | null
}

export interface SummaryCategory {
  category: string
  label: string
  measures: MeasureRow[]
}

export interface SummaryRegion {
  key: string
  name: string
  code: string
  province: string
  index: number | null
  categories: SummaryCategory[]
  /** Measures of undated documents: listed apart, never taken as in force. */
  undated: MeasureRow[]
}

export type CellMark = 'strictest' | 'loosest' | null

export interface MatrixCell {
  level: number
  paramsText: string
  target: string | null
  lifted: boolean
  text: string
  source: number
  date: string | null
  mark: CellMark
  inheritedFrom: string | null
}

export interface MatrixRow {
  category: string
  label: string
  /** One per region column, null where the archive holds nothing. */
  cells: (MatrixCell | null)[]
  differs: boolean
  difference: string | null
}

export interface CompareMatrix {
  regions: { key: string; name: string; code: string; index: number | null }[]
  rows: MatrixRow[]
}

export interface ExportModel {
  kind: ExportKind
  title: string
  /** Measures in force on this date (summary, comparison); null: as of today. */
  asOf: string | null
  generatedAt: string
  includeText: boolean
  /** The numbered source list; for a documents export, the documents themselves. */
  documents: DocumentRow[]
  /** One row per measure, each citing its source. */
  measures: MeasureRow[]
  summary?: SummaryRegion[]
  compare?: CompareMatrix
}

interface DocMetaRow {
  id: string
  title: string
  issuer: string | null
  doc_number: string | null
  date: string | null
  doc_type: string
  text?: string
}

/** Numbers source documents in the order they are first cited. */
export class SourceBook {
  readonly rows: DocumentRow[] = []
  private readonly byId = new Map<string, DocumentRow>()

  constructor(
    private readonly archive: Archive,
    private readonly withText = false
  ) {}

  cite(id: string): number {
    const known = this.byId.get(id)
    if (known) return known.n
    const d = this.archive.get<DocMetaRow>(
      `SELECT id, title, issuer, doc_number, date, doc_type${this.withText ? ', unpack_text(text) AS text' : ''} FROM documents WHERE id = ?`,
      [id]
    )
    if (!d) throw new AppError('errors.export.unknownDocument', { id }, `no document with id ${id} in the archive`)
    const tags = this.archive.all<{ name: string }>(
      'SELECT t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = ? ORDER BY t.name',
      [id]
    )
    const row: DocumentRow = {
      n: this.rows.length + 1,
      id: d.id,
      title: d.title,
      issuer: d.issuer,
      docNumber: d.doc_number,
      date: d.date,
      docType: d.doc_type,
      docTypeLabel: DOC_TYPE_ZH[d.doc_type] ?? d.doc_type,
      regions: documentRegions(this.archive, id).map((r) => r.name),
      tags: tags.map((t) => t.name)
    }
    if (this.withText) row.text = d.text ?? ''
    this.rows.push(row)
    this.byId.set(id, row)
    return row.n
  }

  row(n: number): DocumentRow {
    return this.rows[n - 1]
  }
}

/** Yield to the event loop now and then, so a long export can report progress and be cancelled. */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((r) => setImmediate(r))
  if (signal?.aborted) throw new AppError('errors.export.cancelled', {}, 'the export was cancelled')
}

export interface BuildHooks {
  signal?: AbortSignal
  /** Steps done of the total, as the model is gathered. */
  progress?: (done: number, total: number) => void
}
