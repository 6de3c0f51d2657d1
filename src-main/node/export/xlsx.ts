// .xlsx (exceljs): the matrix with level colours (comparison, summary overview), a measures sheet
// with one row per measure and its source, and a documents (sources) sheet. Headers are frozen,
// autofilter is on, and column widths follow the text, CJK characters counting double.
import ExcelJS from 'exceljs'
import { documentColumns, MEASURE_COLUMNS, table, type Cell } from './columns'
import type { ExportModel } from './model'
import { displayWidth, CATEGORY_ZH } from './labels'
import { levelFill, MARK_COLOR, MARK_TEXT } from './style'
import { matrixCellText } from './md'
import { MEASURE_CATEGORIES } from '../../common/taxonomy'

const MAX_WIDTH = 60
const HEADER_FILL = 'FFE5E7EB'

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb.length === 6 ? `FF${argb}` : argb } }
}

/** Widths from the longest line of each column (CJK counts double), capped so long texts wrap. */
function fitColumns(ws: ExcelJS.Worksheet, rows: Cell[][]): void {
  const widths: number[] = []
  for (const r of rows) {
    r.forEach((v, i) => {
      const longest = Math.max(0, ...String(v ?? '').split('\n').map(displayWidth))
      widths[i] = Math.max(widths[i] ?? 0, longest)
    })
  }
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1)
    col.width = Math.min(MAX_WIDTH, Math.max(6, w + 2))
    if (w > MAX_WIDTH) col.alignment = { wrapText: true, vertical: 'top' }
  })
}

function headerStyle(row: ExcelJS.Row): void {
  row.font = { bold: true }
  row.eachCell((c) => {
    c.fill = fill(HEADER_FILL)
    c.alignment = { vertical: 'middle', wrapText: true }
  })
}

function listSheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], levelColumn?: number): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.addRow(headers)
  for (const r of rows) ws.addRow(r)
  headerStyle(ws.getRow(1))
  if (levelColumn !== undefined) {
    rows.forEach((r, i) => {
      const v = r[levelColumn]
      if (typeof v === 'number') ws.getCell(i + 2, levelColumn + 1).fill = fill(levelFill(v))
    })
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: headers.length } }
  fitColumns(ws, [headers, ...rows])
}

function compareSheet(wb: ExcelJS.Workbook, model: ExportModel): void {
  const m = model.compare!
  const ws = wb.addWorksheet('对比', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
  const headers = ['类别', ...m.regions.map((r) => r.name), '差异']
  ws.addRow(headers)
  const values: Cell[][] = [headers]
  m.rows.forEach((r, i) => {
    const row = [r.label, ...r.cells.map(matrixCellText), r.difference]
    ws.addRow(row)
    values.push(row)
    r.cells.forEach((c, j) => {
      if (!c) return
      const cell = ws.getCell(i + 2, j + 2)
      if (!c.lifted) cell.fill = fill(levelFill(c.level))
      if (c.mark) {
        const side = { style: 'medium' as const, color: { argb: `FF${MARK_COLOR[c.mark]}` } }
        cell.border = { top: side, bottom: side, left: side, right: side }
        cell.note = `${MARK_TEXT[c.mark]}：${c.text}`
      } else cell.note = c.text
    })
  })
  const index = ['综合指数', ...m.regions.map((r) => r.index), null]
  ws.addRow(index)
  values.push(index)
  headerStyle(ws.getRow(1))
  ws.getColumn(1).font = { bold: true }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: values.length, column: headers.length } }
  fitColumns(ws, values)
}

/** Summary overview: one row per region, one column per category, the level in force. */
function overviewSheet(wb: ExcelJS.Workbook, model: ExportModel): void {
  const regions = model.summary!
  const cats = MEASURE_CATEGORIES.filter((c) => regions.some((r) => r.categories.some((x) => x.category === c)))
  const ws = wb.addWorksheet('概览', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
  const headers = ['地区', '综合指数', ...cats.map((c) => CATEGORY_ZH[c])]
  ws.addRow(headers)
  const values: Cell[][] = [headers]
  regions.forEach((r, i) => {
    const levels = cats.map((c) => {
      const ms = r.categories.find((x) => x.category === c)?.measures ?? []
      return ms.length ? Math.max(...ms.map((m) => m.level)) : null
    })
    const row: Cell[] = [r.name, r.index, ...levels]
    ws.addRow(row)
    values.push(row)
    levels.forEach((l, j) => {
      if (l !== null) ws.getCell(i + 2, j + 3).fill = fill(levelFill(l))
    })
  })
  headerStyle(ws.getRow(1))
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: values.length, column: headers.length } }
  fitColumns(ws, values)
}

export async function renderXlsx(model: ExportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '防疫政策档案'
  wb.title = model.title
  if (model.compare) compareSheet(wb, model)
  if (model.summary) overviewSheet(wb, model)
  const measures = table(MEASURE_COLUMNS, model.measures, model)
  const docs = table(documentColumns(model), model.documents, model)
  if (model.kind === 'documents') listSheet(wb, '文档', docs.headers, docs.rows)
  listSheet(wb, '措施', measures.headers, measures.rows, MEASURE_COLUMNS.findIndex((c) => c.header === '强度'))
  if (model.kind !== 'documents') listSheet(wb, '来源', docs.headers, docs.rows)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
