// Exports (b) region summary and (c) comparison, built from the compare engine's CompareResult:
// the engine decides what is in force as of the date; this turns it into sourced statements.
import type { CompareCell, CompareResult } from '../../common/compare'
import type { MeasureParams } from '../../common/record'
import { MEASURE_CATEGORIES } from '../../common/taxonomy'
import type { Archive } from '../archive/archive'
import { categoryLabel, KIND_TITLE_ZH, paramsText, regionsTitle } from './labels'
import type { CellMark, CompareMatrix, ExportModel, MatrixRow, MeasureRow, SourceBook, SummaryCategory, SummaryRegion } from './model'

interface MeasureDbRow {
  id: string
  document_id: string
  category: string
  level: number
  params_json: string
  target: string | null
  evidence_text: string
}

const CATEGORY_ORDER = new Map<string, number>(MEASURE_CATEGORIES.map((c, i) => [c, i]))

function byCategory(a: string, b: string): number {
  return (CATEGORY_ORDER.get(a) ?? 99) - (CATEGORY_ORDER.get(b) ?? 99)
}

function parseParams(s: string): MeasureParams {
  try {
    return JSON.parse(s) as MeasureParams
  } catch {
    return {}
  }
}

/**
 * Every measure of the cell's category in the documents that support the cell (ties of the same
 * date included): one document often states several (入境人员 and 密接 quarantined differently).
 * The engine's own measure comes first.
 */
function measuresOfCell(archive: Archive, cell: CompareCell): MeasureDbRow[] {
  const ids = cell.documentIds.length ? cell.documentIds : [cell.documentId]
  // `+category`: seek by the few documents (measures_document), never scan a whole category's measures.
  const rows = archive.all<MeasureDbRow>(
    `SELECT id, document_id, category, level, params_json, target, evidence_text FROM measures
     WHERE document_id IN (${ids.map(() => '?').join(',')}) AND +category = ? AND deleted = 0 AND lifted = 0
     ORDER BY document_id = ? DESC, evidence_start`,
    [...ids, cell.category, cell.documentId]
  )
  const own = rows.findIndex((r) => r.id === cell.measureId)
  if (own > 0) rows.unshift(...rows.splice(own, 1))
  return rows
}

function cellRow(book: SourceBook, regionName: string, cell: CompareCell): MeasureRow {
  return {
    region: regionName,
    category: cell.category,
    categoryLabel: categoryLabel(cell.category),
    level: cell.level,
    params: cell.params,
    paramsText: paramsText(cell.params),
    target: cell.target,
    lifted: cell.lifted,
    text: cell.text,
    documentId: cell.documentId,
    source: book.cite(cell.documentId),
    date: cell.date,
    inheritedFrom: cell.inherited?.name ?? null
  }
}

/** The part of a summary for one region's CompareResult (a result may hold several regions). */
export function summaryRegions(archive: Archive, book: SourceBook, result: CompareResult): SummaryRegion[] {
  return result.regions.map((region) => {
    const cells = result.cells.filter((c) => c.regionKey === region.key && !c.lifted).sort((a, b) => byCategory(a.category, b.category))
    const categories: SummaryCategory[] = cells.map((cell) => {
      const measures = measuresOfCell(archive, cell).map((m) => {
        const params = parseParams(m.params_json)
        const own = m.id === cell.measureId
        return {
          ...cellRow(book, region.name, cell),
          level: own ? cell.level : m.level,
          params: own ? cell.params : params,
          paramsText: paramsText(own ? cell.params : params),
          target: own ? cell.target : m.target,
          text: own ? cell.text : m.evidence_text,
          documentId: m.document_id,
          source: book.cite(m.document_id)
        }
      })
      // The engine's cell always stands, even if its measure row was since corrected away.
      return { category: cell.category, label: categoryLabel(cell.category), measures: measures.length ? measures : [cellRow(book, region.name, cell)] }
    })
    const undated = result.undated
      .filter((u) => u.regionKey === region.key)
      .sort((a, b) => byCategory(a.category, b.category))
      .map<MeasureRow>((u) => ({
        region: region.name,
        category: u.category,
        categoryLabel: categoryLabel(u.category),
        level: u.level,
        params: u.params,
        paramsText: paramsText(u.params),
        target: u.target,
        lifted: u.lifted,
        text: u.text,
        documentId: u.documentId,
        source: book.cite(u.documentId),
        date: null,
        inheritedFrom: null
      }))
    return { key: region.key, name: region.name, code: region.code, province: region.province, index: region.index, categories, undated }
  })
}

export function summaryModel(book: SourceBook, regions: SummaryRegion[], asOf: string | null): ExportModel {
  return {
    kind: 'summary',
    title: `${regionsTitle(regions.map((r) => r.name))}${KIND_TITLE_ZH.summary}`,
    asOf,
    generatedAt: new Date().toISOString(),
    includeText: false,
    documents: book.rows,
    measures: regions.flatMap((r) => r.categories.flatMap((c) => c.measures)),
    summary: regions
  }
}

export function compareModel(book: SourceBook, result: CompareResult): ExportModel {
  const measures: MeasureRow[] = []
  const regions = result.regions.map((r) => ({ key: r.key, name: r.name, code: r.code, index: r.index }))
  const rows: MatrixRow[] = [...result.categories].sort(byCategory).map((category) => {
    const info = result.rows.find((r) => r.category === category)
    const cells = regions.map((region) => {
      const cell = result.cells.find((c) => c.regionKey === region.key && c.category === category)
      if (!cell) return null
      const row = cellRow(book, region.name, cell)
      measures.push(row)
      const mark: CellMark = info?.strictest.includes(region.key) ? 'strictest' : info?.loosest.includes(region.key) ? 'loosest' : null
      return { level: cell.level, paramsText: row.paramsText, target: cell.target, lifted: cell.lifted, text: cell.text, source: row.source, date: cell.date, mark, inheritedFrom: row.inheritedFrom }
    })
    return { category, label: categoryLabel(category), cells, differs: info?.differs ?? false, difference: info?.difference ?? null }
  })
  const matrix: CompareMatrix = { regions, rows }
  return {
    kind: 'compare',
    title: `${regionsTitle(regions.map((r) => r.name))}防控措施对比`,
    asOf: result.asOf,
    generatedAt: new Date().toISOString(),
    includeText: false,
    documents: book.rows,
    measures,
    compare: matrix
  }
}
