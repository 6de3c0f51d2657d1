// The table columns every tabular writer (.xlsx, .csv, .md) shares, so they never disagree.
import type { DocumentRow, ExportModel, MeasureRow } from './model'

export type Cell = string | number | null

export interface Column<R> {
  header: string
  value: (row: R, model: ExportModel) => Cell
}

function status(m: MeasureRow): string {
  if (m.lifted) return '已解除'
  if (m.inheritedFrom) return `沿用${m.inheritedFrom}`
  return ''
}

export const MEASURE_COLUMNS: Column<MeasureRow>[] = [
  { header: '地区', value: (m) => m.region },
  { header: '类别', value: (m) => m.categoryLabel },
  { header: '强度', value: (m) => m.level },
  { header: '参数', value: (m) => m.paramsText },
  { header: '对象', value: (m) => m.target },
  { header: '状态', value: (m) => status(m) },
  { header: '依据原文', value: (m) => m.text },
  { header: '来源序号', value: (m) => m.source },
  { header: '来源文件', value: (m, model) => model.documents[m.source - 1]?.title ?? null },
  { header: '文号', value: (m, model) => model.documents[m.source - 1]?.docNumber ?? null },
  { header: '发文机关', value: (m, model) => model.documents[m.source - 1]?.issuer ?? null },
  { header: '日期', value: (m) => m.date },
  { header: '文档ID', value: (m) => m.documentId }
]

export function documentColumns(model: ExportModel): Column<DocumentRow>[] {
  const cols: Column<DocumentRow>[] = [
    { header: '序号', value: (d) => d.n },
    { header: '标题', value: (d) => d.title },
    { header: '发文机关', value: (d) => d.issuer },
    { header: '文号', value: (d) => d.docNumber },
    { header: '日期', value: (d) => d.date },
    { header: '类型', value: (d) => d.docTypeLabel },
    { header: '地区', value: (d) => d.regions.join('、') },
    { header: '标签', value: (d) => d.tags.join('、') },
    { header: '文档ID', value: (d) => d.id }
  ]
  if (model.includeText) cols.push({ header: '正文', value: (d) => d.text ?? '' })
  return cols
}

/** Header and rows of a table. */
export function table<R>(columns: Column<R>[], rows: R[], model: ExportModel): { headers: string[]; rows: Cell[][] } {
  return { headers: columns.map((c) => c.header), rows: rows.map((r) => columns.map((c) => c.value(r, model))) }
}

/** "2022-11-20" → "2022年11月20日"; null → 今日. */
export function asOfText(asOf: string | null, generatedAt: string): string {
  const d = asOf ?? generatedAt.slice(0, 10)
  const [y, m, day] = d.split('-').map(Number)
  return `${y}年${m}月${day}日`
}

/** One line per source: 1. 标题（发文机关，文号，日期） */
export function sourceLine(d: DocumentRow): string {
  const meta = [d.issuer, d.docNumber, d.date].filter(Boolean).join('，')
  return `${d.title}${meta ? `（${meta}）` : ''}`
}

/** What a measure says, in one line: 强度4级；14天；对象：入境人员 */
export function measureLine(m: MeasureRow): string {
  const bits = [`强度${m.level}级`, m.paramsText, m.target ? `对象：${m.target}` : '', m.inheritedFrom ? `沿用${m.inheritedFrom}` : ''].filter(Boolean)
  return bits.join('；')
}
