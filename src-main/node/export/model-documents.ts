// Export (a): the selected documents, or every document a filter matches, as a metadata table with
// their measures (and, when asked, their cleaned texts).
import type { DocumentFilter } from '../../common/filters'
import type { Archive } from '../archive/archive'
import { documentMeasures, filterSql } from '../archive/documents-read'
import { AppError } from '../../common/errors'
import { filterWords } from '../search/search'
import { categoryLabel, KIND_TITLE_ZH, paramsText } from './labels'
import { checkpoint, SourceBook, type BuildHooks, type ExportModel, type MeasureRow } from './model'

const STEP = 200

/** Ids the filter matches, newest document date first (undated last). */
export function idsForFilter(archive: Archive, filter: DocumentFilter): string[] {
  const { where, params } = filterSql(archive, filter, filterWords(archive, filter))
  return archive
    .all<{ id: string }>(`SELECT d.id FROM documents d WHERE ${where} ORDER BY d.date IS NULL, d.date DESC, d.imported_at DESC`, params)
    .map((r) => r.id)
}

export async function buildDocumentsModel(
  archive: Archive,
  req: { ids?: string[]; filter: DocumentFilter; includeText: boolean },
  hooks: BuildHooks = {}
): Promise<ExportModel> {
  const ids = req.ids ? [...new Set(req.ids)] : idsForFilter(archive, req.filter)
  if (!ids.length) throw new AppError('errors.export.empty', {}, 'no documents match: there is nothing to export')
  const book = new SourceBook(archive, req.includeText)
  const measures: MeasureRow[] = []
  for (let i = 0; i < ids.length; i++) {
    if (i % STEP === 0) {
      hooks.progress?.(i, ids.length)
      await checkpoint(hooks.signal)
    }
    const n = book.cite(ids[i])
    const doc = book.row(n)
    for (const m of documentMeasures(archive, doc.id)) {
      measures.push({
        region: doc.regions.join('、'),
        category: m.category,
        categoryLabel: categoryLabel(m.category),
        level: m.level,
        params: m.params,
        paramsText: paramsText(m.params),
        target: m.target,
        lifted: m.lifted,
        text: m.text,
        documentId: doc.id,
        source: n,
        date: doc.date,
        inheritedFrom: null
      })
    }
  }
  hooks.progress?.(ids.length, ids.length)
  return {
    kind: 'documents',
    title: KIND_TITLE_ZH.documents,
    asOf: null,
    generatedAt: new Date().toISOString(),
    includeText: req.includeText,
    documents: book.rows,
    measures
  }
}
