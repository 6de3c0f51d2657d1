// The HTML layout: the in-app preview and the page the PDF is printed from (Electron's printToPDF
// or a local Chromium), so what the user previews is what the PDF shows. Self-contained: inline CSS,
// no scripts, no external resources.
import { asOfText, documentColumns, measureLine, MEASURE_COLUMNS, sourceLine, table, type Cell } from './columns'
import type { ExportModel, MatrixCell } from './model'
import { cssFonts, levelFill, MARK_COLOR, MARK_TEXT } from './style'
import { matrixCellText } from './md'
import { cn } from './labels'

function esc(v: Cell | undefined): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function htmlTable(headers: string[], rows: Cell[][], cls = ''): string {
  const head = `<thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`).join('')
  return `<table class="${cls}">${head}<tbody>${body}</tbody></table>`
}

function css(landscape: boolean): string {
  return `@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: ${cssFonts('latin')}; font-size: 14pt; } }
.page { font-family: ${cssFonts('body')}; font-size: 16pt; line-height: 28.95pt; color: #000; margin: 0 auto; max-width: ${landscape ? 245 : 156}mm; }
h1 { font-family: ${cssFonts('title')}; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.4; margin: 0 0 8pt; }
.asof { font-family: ${cssFonts('subheading')}; text-align: center; margin-bottom: 20pt; }
h2 { font-family: ${cssFonts('heading')}; font-size: 16pt; font-weight: normal; margin: 14pt 0 0; text-indent: 2em; break-after: avoid; }
h3 { font-family: ${cssFonts('subheading')}; font-size: 16pt; font-weight: normal; margin: 6pt 0 0; text-indent: 2em; break-after: avoid; }
p, li { text-indent: 2em; margin: 0; text-align: justify; }
ol.sources, ol.measures { list-style: none; padding: 0; margin: 0; }
.evidence { font-size: 14pt; }
.src { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.45; margin: 8pt 0; table-layout: auto; }
th, td { border: 1px solid #555; padding: 3pt 5pt; vertical-align: top; overflow-wrap: anywhere; text-indent: 0; }
th { font-family: ${cssFonts('heading')}; font-weight: normal; background: #e5e7eb; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.mark-strictest { outline: 2px solid #${MARK_COLOR.strictest}; outline-offset: -2px; }
td.mark-loosest { outline: 2px solid #${MARK_COLOR.loosest}; outline-offset: -2px; }
.note { font-size: 10.5pt; line-height: 1.5; text-indent: 0; }
.more { font-size: 12pt; color: #555; }
.doc-text { white-space: pre-wrap; font-size: 14pt; text-indent: 0; }`
}

function matrixTd(c: MatrixCell | null): string {
  if (!c) return '<td>—</td>'
  const lines = [esc(matrixCellText(c))]
  if (c.target) lines.push(`对象：${esc(c.target)}`)
  if (c.inheritedFrom) lines.push(`沿用${esc(c.inheritedFrom)}`)
  const style = c.lifted ? '' : ` style="background:#${levelFill(c.level)}"`
  return `<td class="${c.mark ? `mark-${c.mark}` : ''}"${style} title="${esc(c.text)}">${lines.join('<br>')}</td>`
}

/** The page's style sheet and its content (a `.page` element), apart: the preview puts them in a shadow root. */
export function renderHtmlParts(model: ExportModel, limit = Infinity): { css: string; body: string } {
  const parts: string[] = [`<h1>${esc(model.title)}</h1>`]
  parts.push(
    `<div class="asof">${model.kind === 'documents' ? `（导出日期：${asOfText(null, model.generatedAt)}，共${model.documents.length}篇）` : `（截至${asOfText(model.asOf, model.generatedAt)}）`}</div>`
  )
  const more = (n: number): string => (n > limit ? `<p class="more">……另有 ${n - limit} 行，见导出文件。</p>` : '')
  if (model.kind === 'documents') {
    const t = table(documentColumns({ ...model, includeText: false }), model.documents.slice(0, limit), model)
    parts.push('<h2>一、文档清单</h2>', htmlTable(t.headers, t.rows), more(model.documents.length))
    if (model.measures.length) {
      const mt = table(MEASURE_COLUMNS, model.measures.slice(0, limit), model)
      parts.push('<h2>二、措施</h2>', htmlTable(mt.headers, mt.rows), more(model.measures.length))
    }
    if (model.includeText) {
      parts.push(`<h2>${model.measures.length ? '三' : '二'}、正文</h2>`)
      for (const d of model.documents.slice(0, limit)) parts.push(`<h3>${d.n}. ${esc(d.title)}</h3><div class="doc-text">${esc(d.text)}</div>`)
    }
  }
  ;(model.summary ?? []).forEach((region, i) => {
    parts.push(`<h2>${cn(i + 1)}、${esc(region.name)}${region.index !== null ? `（综合指数 ${region.index}）` : ''}</h2>`)
    if (!region.categories.length) parts.push('<p>截至该日期，档案中没有该地区在施的措施。</p>')
    region.categories.forEach((c, j) => {
      parts.push(`<h3>（${cn(j + 1)}）${esc(c.label)}</h3><ol class="measures">`)
      c.measures.forEach((m, k) => {
        parts.push(`<li>${k + 1}. ${esc(measureLine(m))}。<span class="evidence">依据：“${esc(m.text)}”</span><span class="src">〔来源${m.source}〕</span></li>`)
      })
      parts.push('</ol>')
    })
    if (region.undated.length) {
      parts.push(`<h3>（${cn(region.categories.length + 1)}）日期不详的文件中的措施</h3><ol class="measures">`)
      for (const m of region.undated) parts.push(`<li>${esc(m.categoryLabel)}：“${esc(m.text)}”<span class="src">〔来源${m.source}〕</span></li>`)
      parts.push('</ol>')
    }
  })
  if (model.compare) {
    const m = model.compare
    const head = `<thead><tr><th>类别</th>${m.regions.map((r) => `<th>${esc(r.name)}</th>`).join('')}</tr></thead>`
    const rows = m.rows.map((r) => `<tr><th>${esc(r.label)}</th>${r.cells.map(matrixTd).join('')}</tr>`).join('')
    const index = `<tr><th>综合指数</th>${m.regions.map((r) => `<td>${esc(r.index ?? '—')}</td>`).join('')}</tr>`
    parts.push('<h2>一、对比矩阵</h2>', `<table class="matrix">${head}<tbody>${rows}${index}</tbody></table>`)
    parts.push(`<p class="note">注：底色表示措施强度（0—4级，越深越严）；红框为该类别${MARK_TEXT.strictest}，绿框为${MARK_TEXT.loosest}；方括号内为来源序号。</p>`)
    const diffs = m.rows.filter((r) => r.differs && r.difference)
    if (diffs.length) {
      parts.push('<h2>二、主要差异</h2><ol class="measures">')
      diffs.forEach((r, i) => parts.push(`<li>${i + 1}. ${esc(r.label)}：${esc(r.difference)}</li>`))
      parts.push('</ol>')
    }
    parts.push(`<h2>${diffs.length ? '三' : '二'}、措施依据</h2><ol class="measures">`)
    for (const row of m.rows) {
      row.cells.forEach((c, i) => {
        if (c) parts.push(`<li>${esc(m.regions[i].name)}·${esc(row.label)}：<span class="evidence">“${esc(c.text)}”</span><span class="src">〔来源${c.source}〕</span></li>`)
      })
    }
    parts.push('</ol>')
  }
  parts.push('<h2>来源文件</h2><ol class="sources">')
  for (const d of model.documents.slice(0, limit)) parts.push(`<li>${d.n}. ${esc(sourceLine(d))}</li>`)
  parts.push('</ol>', more(model.documents.length))
  const landscape = model.kind === 'compare' || (model.kind === 'documents' && !model.includeText)
  return { css: css(landscape), body: `<div class="page">${parts.join('\n')}</div>` }
}

/** The whole page; `limit` caps long lists (the preview); the file itself is always rendered whole. */
export function renderHtml(model: ExportModel, limit = Infinity): string {
  const { css: style, body } = renderHtmlParts(model, limit)
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(model.title)}</title><style>${style}</style></head><body>${body}</body></html>`
}
