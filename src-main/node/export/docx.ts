// .docx laid out with the habits of GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm,
// a 二号 方正小标宋 title, 三号 黑体 and 楷体 headings, 三号 仿宋 body on a fixed 28.95 pt line,
// tables in 五号, and "— N —" page numbers at the foot. A comparison goes on landscape pages.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions
} from 'docx'
import { asOfText, documentColumns, measureLine, MEASURE_COLUMNS, sourceLine, table, type Cell } from './columns'
import type { ExportModel, MatrixCell } from './model'
import { FONT_STACKS, levelFill, MARK_COLOR, MARK_TEXT, type FontRole } from './style'
import { matrixCellText } from './md'
import { cn } from './labels'
import { withFontTable } from './docx-fonts'

const PT = 2 // docx sizes are half-points
const SIZE = { title: 22 * PT, heading: 16 * PT, body: 16 * PT, table: 10.5 * PT, footer: 14 * PT }

function font(role: FontRole): { ascii: string; hAnsi: string; eastAsia: string } {
  return { ascii: FONT_STACKS.latin[0], hAnsi: FONT_STACKS.latin[0], eastAsia: FONT_STACKS[role][0] }
}

// Marking runs as Chinese makes a missing font fall back to a Simplified Chinese one.
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' }

function run(text: string, role: FontRole, size: number, extra: { bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text, font: font(role), size, language: LANGUAGE, ...extra })
}

const LINE = { line: 579, lineRule: LineRuleType.EXACT } // 28.95 pt: 22 lines on a GB/T 9704 page

function para(text: string, role: FontRole = 'body', opts: { center?: boolean; indent?: boolean; size?: number; before?: number } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, role, opts.size ?? SIZE.body)],
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { ...LINE, before: opts.before ?? 0 }
  })
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    children: [run(text, level === 1 ? 'heading' : 'subheading', SIZE.heading)],
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    indent: { firstLine: 640 },
    spacing: LINE,
    keepNext: true
  })
}

function tcell(text: Cell, opts: { header?: boolean; fill?: string; border?: string } = {}): TableCell {
  const s = text === null ? '' : String(text)
  const border = opts.border ? { style: BorderStyle.SINGLE, size: 12, color: opts.border } : undefined
  return new TableCell({
    children: s.split('\n').map((line) => new Paragraph({ children: [run(line, opts.header ? 'heading' : 'body', SIZE.table)] })),
    shading: opts.fill ? { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } : undefined,
    borders: border ? { top: border, bottom: border, left: border, right: border } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 }
  })
}

function grid(headers: string[], rows: Cell[][], widths?: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => tcell(h, { header: true, fill: 'E5E7EB' })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => tcell(c)) }))
    ]
  })
}

function matrixCell(c: MatrixCell | null): TableCell {
  if (!c) return tcell('—')
  const lines = [matrixCellText(c)]
  if (c.target) lines.push(`对象：${c.target}`)
  if (c.inheritedFrom) lines.push(`沿用${c.inheritedFrom}`)
  return tcell(lines.join('\n'), { fill: c.lifted ? undefined : levelFill(c.level), border: c.mark ? MARK_COLOR[c.mark] : undefined })
}

function documentsBody(model: ExportModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  const cols = documentColumns({ ...model, includeText: false }).filter((c) => c.header !== '文档ID')
  const t = table(cols, model.documents, model)
  out.push(heading('一、文档清单', 1), grid(t.headers, t.rows))
  if (model.measures.length) {
    const keep = new Set(['地区', '类别', '强度', '参数', '对象', '依据原文', '来源序号'])
    const mt = table(MEASURE_COLUMNS.filter((c) => keep.has(c.header)), model.measures, model)
    out.push(heading('二、措施', 1), grid(mt.headers, mt.rows))
  }
  if (model.includeText) {
    out.push(heading(`${model.measures.length ? '三' : '二'}、正文`, 1))
    for (const d of model.documents) {
      out.push(para(`${d.n}. ${d.title}`, 'subheading', { before: 200 }))
      for (const line of (d.text ?? '').split(/\n+/)) if (line.trim()) out.push(para(line.trim(), 'body', { indent: true }))
    }
  }
  return out
}

function summaryBody(model: ExportModel): Paragraph[] {
  const out: Paragraph[] = []
  ;(model.summary ?? []).forEach((region, i) => {
    out.push(heading(`${cn(i + 1)}、${region.name}${region.index !== null ? `（综合指数 ${region.index}）` : ''}`, 1))
    if (!region.categories.length) out.push(para('截至该日期，档案中没有该地区在施的措施。', 'body', { indent: true }))
    region.categories.forEach((c, j) => {
      out.push(heading(`（${cn(j + 1)}）${c.label}`, 2))
      c.measures.forEach((m, k) => {
        out.push(para(`${k + 1}. ${measureLine(m)}。依据：“${m.text}”〔来源${m.source}〕`, 'body', { indent: true }))
      })
    })
    if (region.undated.length) {
      out.push(heading(`（${cn(region.categories.length + 1)}）日期不详的文件中的措施`, 2))
      region.undated.forEach((m, k) => out.push(para(`${k + 1}. ${m.categoryLabel}：“${m.text}”〔来源${m.source}〕`, 'body', { indent: true })))
    }
  })
  return out
}

function compareBody(model: ExportModel): (Paragraph | Table)[] {
  const m = model.compare!
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: ['类别', ...m.regions.map((r) => r.name)].map((h) => tcell(h, { header: true, fill: 'E5E7EB' })) })
  const rows = m.rows.map((r) => new TableRow({ cantSplit: true, children: [tcell(r.label, { header: true }), ...r.cells.map(matrixCell)] }))
  const index = new TableRow({ cantSplit: true, children: [tcell('综合指数', { header: true }), ...m.regions.map((r) => tcell(r.index ?? '—'))] })
  const out: (Paragraph | Table)[] = [heading('一、对比矩阵', 1), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows, index] })]
  out.push(para(`注：单元格底色表示措施强度（0—4级，越深越严）；红框为该类别最严，绿框为最宽（${MARK_TEXT.strictest}/${MARK_TEXT.loosest}）；方括号内为来源序号。`, 'body', { size: SIZE.table }))
  const diffs = m.rows.filter((r) => r.differs && r.difference)
  if (diffs.length) {
    out.push(heading('二、主要差异', 1))
    diffs.forEach((r, i) => out.push(para(`${i + 1}. ${r.label}：${r.difference}`, 'body', { indent: true })))
  }
  out.push(heading(`${diffs.length ? '三' : '二'}、措施依据`, 1))
  for (const row of m.rows) {
    row.cells.forEach((c, i) => {
      if (c) out.push(para(`${m.regions[i].name}·${row.label}：“${c.text}”〔来源${c.source}〕`, 'body', { indent: true }))
    })
  }
  return out
}

function footer(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('latin'), size: SIZE.footer })] })]
  })
}

export async function renderDocx(model: ExportModel): Promise<Buffer> {
  const landscape = model.kind === 'compare' || (model.kind === 'documents' && !model.includeText)
  const intro = [
    para(model.title, 'title', { center: true, size: SIZE.title }),
    para(model.kind === 'documents' ? `（导出日期：${asOfText(null, model.generatedAt)}，共${model.documents.length}篇）` : `（截至${asOfText(model.asOf, model.generatedAt)}）`, 'subheading', { center: true }),
    para('')
  ]
  const body = model.kind === 'documents' ? documentsBody(model) : model.kind === 'summary' ? summaryBody(model) : compareBody(model)
  const sources = [heading('来源文件', 1), ...model.documents.map((d) => para(`${d.n}. ${sourceLine(d)}`, 'body', { indent: true }))]
  const margin = { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) }
  const section: ISectionOptions = {
    properties: { page: { size: { orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin } },
    footers: { default: footer() },
    children: [...intro, ...body, ...sources]
  }
  const doc = new Document({
    creator: '防疫政策档案',
    title: model.title,
    // Headings black, as in official documents (the package's defaults are blue).
    styles: {
      default: {
        document: { run: { font: font('body'), size: SIZE.body, language: LANGUAGE } },
        heading1: { run: { font: font('heading'), size: SIZE.heading, color: '000000', bold: false } },
        heading2: { run: { font: font('subheading'), size: SIZE.heading, color: '000000', bold: false } }
      }
    },
    sections: [section]
  })
  return withFontTable(await Packer.toBuffer(doc))
}
