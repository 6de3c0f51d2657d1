// .md: the same sections as the Word file, as GitHub-flavoured Markdown tables and lists.
import { asOfText, documentColumns, measureLine, MEASURE_COLUMNS, sourceLine, table, type Cell } from './columns'
import type { ExportModel, MatrixCell } from './model'

function esc(v: Cell): string {
  return (v === null ? '' : String(v)).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

function mdTable(headers: string[], rows: Cell[][]): string[] {
  return [`| ${headers.map(esc).join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)]
}

export function matrixCellText(c: MatrixCell | null): string {
  if (!c) return '—'
  const mark = c.mark === 'strictest' ? '（最严）' : c.mark === 'loosest' ? '（最宽）' : ''
  const state = c.lifted ? '已解除' : `${c.level}级${c.paramsText ? ` ${c.paramsText}` : ''}`
  return `${state}${mark} [${c.source}]`
}

export function renderMarkdown(model: ExportModel): Buffer {
  const out: string[] = [`# ${model.title}`, '']
  out.push(model.kind === 'documents' ? `导出日期：${asOfText(null, model.generatedAt)}，共 ${model.documents.length} 篇文档。` : `截至 ${asOfText(model.asOf, model.generatedAt)}。`, '')
  if (model.kind === 'documents') {
    const cols = documentColumns({ ...model, includeText: false })
    out.push('## 文档清单', '', ...mdTable(table(cols, model.documents, model).headers, table(cols, model.documents, model).rows), '')
    if (model.measures.length) {
      const t = table(MEASURE_COLUMNS, model.measures, model)
      out.push('## 措施', '', ...mdTable(t.headers, t.rows), '')
    }
    if (model.includeText) {
      out.push('## 正文', '')
      for (const d of model.documents) out.push(`### ${d.n}. ${d.title}`, '', (d.text ?? '').trim(), '')
    }
  }
  for (const region of model.summary ?? []) {
    out.push(`## ${region.name}${region.index !== null ? `（综合指数 ${region.index}）` : ''}`, '')
    if (!region.categories.length) out.push('截至该日期，档案中没有该地区在施的措施。', '')
    for (const c of region.categories) {
      out.push(`### ${c.label}`, '')
      for (const m of c.measures) {
        out.push(`- ${measureLine(m)}`, `  > ${esc(m.text)} [${m.source}]`)
      }
      out.push('')
    }
    if (region.undated.length) {
      out.push('### 日期不详的文件中的措施', '')
      for (const m of region.undated) out.push(`- ${m.categoryLabel}：${esc(m.text)} [${m.source}]`)
      out.push('')
    }
  }
  if (model.compare) {
    const { regions, rows } = model.compare
    out.push('## 对比', '')
    out.push(...mdTable(['类别', ...regions.map((r) => r.name)], [...rows.map((r) => [r.label, ...r.cells.map(matrixCellText)]), ['综合指数', ...regions.map((r) => r.index ?? '—')]]), '')
    const diffs = rows.filter((r) => r.differs && r.difference)
    if (diffs.length) {
      out.push('## 差异', '')
      for (const r of diffs) out.push(`- ${r.label}：${r.difference}`)
      out.push('')
    }
  }
  out.push('## 来源', '')
  for (const d of model.documents) out.push(`${d.n}. ${esc(sourceLine(d))}`)
  out.push('')
  return Buffer.from(out.join('\n'), 'utf8')
}
