// .csv: UTF-8 with a BOM (so Excel reads Chinese), RFC 4180 quoting, CRLF line ends. One row per
// document for a documents export, one row per measure (with its source) otherwise.
import { documentColumns, MEASURE_COLUMNS, table, type Cell } from './columns'
import type { ExportModel } from './model'

function field(v: Cell): string {
  const s = v === null ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function renderCsv(model: ExportModel): Buffer {
  const t = model.kind === 'documents' ? table(documentColumns(model), model.documents, model) : table(MEASURE_COLUMNS, model.measures, model)
  const lines = [t.headers, ...t.rows].map((r) => r.map(field).join(','))
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}
