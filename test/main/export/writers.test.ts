// Every format read back with a real reader: mammoth (.docx), exceljs (.xlsx), csv-parse (.csv),
// JSON.parse, and the Markdown's tables line by line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import mammoth from 'mammoth'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { buildDocumentsModel } from '../../../src-main/node/export/model-documents'
import { compareModel, summaryModel, summaryRegions } from '../../../src-main/node/export/model-compare'
import { SourceBook, type ExportModel } from '../../../src-main/node/export/model'
import { renderDocx } from '../../../src-main/node/export/docx'
import { renderXlsx } from '../../../src-main/node/export/xlsx'
import { renderCsv } from '../../../src-main/node/export/csv'
import { renderMarkdown } from '../../../src-main/node/export/md'
import { renderJson } from '../../../src-main/node/export/json'
import { renderHtml } from '../../../src-main/node/export/html'
import { displayWidth } from '../../../src-main/node/export/labels'
import { openFixture, type Fixture } from './fixture'
import JSZip from 'jszip'
import { chromiumPrinter, findChromium } from '../../../src-main/node/export/pdf'
import { compareRegions } from '../../../src-main/node/compare'

let f: Fixture
let docs: ExportModel
let summary: ExportModel
let compare: ExportModel

beforeAll(async () => {
  f = await openFixture()
  docs = await buildDocumentsModel(f.archive, { ids: f.ids, filter: {}, includeText: true })
  const result = compareRegions(f.archive, ['371500', '140100'], '2022-11-20')
  const book = new SourceBook(f.archive)
  summary = summaryModel(book, summaryRegions(f.archive, book, result), '2022-11-20')
  compare = compareModel(new SourceBook(f.archive), result)
})
afterAll(async () => {
  await f.archive.close()
})

const TITLE_A = '聊城市关于"入聊返聊",入境人员管理的通告'

describe('models', () => {
  it('cite only documents the archive holds, numbered from 1', () => {
    for (const model of [docs, summary, compare]) {
      expect(model.measures.length).toBeGreaterThan(0)
      for (const m of model.measures) {
        expect(f.archive.get('SELECT 1 AS ok FROM documents WHERE id = ?', [m.documentId])).toBeTruthy()
        expect(model.documents[m.source - 1].id).toBe(m.documentId)
      }
      expect(model.documents.map((d) => d.n)).toEqual(model.documents.map((_, i) => i + 1))
    }
  })

  it('summary groups measures by region and category, with parameters worded in Chinese', () => {
    const lc = summary.summary!.find((r) => r.name === '聊城市')!
    const q = lc.categories.find((c) => c.category === 'quarantine')!
    expect(q.label).toBe('隔离')
    expect(q.measures[0]).toMatchObject({ paramsText: '14天', target: '入境人员', level: 4 })
    expect(q.measures[0].text).toContain('14天集中隔离')
  })

  it('comparison marks the strictest and loosest cells of a differing row', () => {
    const row = compare.compare!.rows.find((r) => r.category === 'quarantine')!
    expect(row.cells.map((c) => c?.mark)).toEqual(['strictest', 'loosest'])
    // 7天集中隔离加3天居家健康监测 is the staged regime "7+3" (TAXONOMY.md's formula).
    expect(row.difference).toBe('聊城市对入境人员要求14天集中隔离，太原市要求“7+3”')
  })
})

describe('.docx', () => {
  it('holds the title, headings, table cells and sources, Chinese intact', async () => {
    const html = (await mammoth.convertToHtml({ buffer: await renderDocx(docs) })).value
    expect(html).toMatch(/<h1>一、文档清单<\/h1>/)
    expect(html).toContain('<td><p>聊疫指发〔2022〕31号</p></td>')
    expect(html).toContain(`<td><p>${TITLE_A}</p></td>`)
    expect(html).toMatch(/<h1>二、措施<\/h1>/)
    expect(html).toContain('一、所有入聊返聊人员须持48小时内核酸检测阴性证明。')
    expect(html).toMatch(/<h1>来源文件<\/h1>/)
    expect(html).toContain('并疫指发〔2022〕12号，2022-11-12')
  })

  it('summary: a section per region and category, each statement with its evidence and source number', async () => {
    const text = (await mammoth.extractRawText({ buffer: await renderDocx(summary) })).value
    expect(text).toContain('（截至2022年11月20日）')
    expect(text).toMatch(/一、聊城市/)
    expect(text).toMatch(/二、太原市/)
    expect(text).toMatch(/（[一二三]）隔离/)
    const n = summary.measures.find((m) => m.text.includes('14天集中隔离'))!.source
    expect(text).toContain(`1. 强度4级；14天；对象：入境人员。依据：“入境人员实行14天集中隔离医学观察”〔来源${n}〕`)
  })

  it('comparison: the matrix as a table with marks, then the differences', async () => {
    const html = (await mammoth.convertToHtml({ buffer: await renderDocx(compare) })).value
    expect(html).toContain('<th><p>聊城市</p></th>')
    expect(html).toMatch(/4级 14天（最严） \[\d\]/)
    expect(html).toMatch(/3级 “7\+3”（最宽） \[\d\]/)
    expect(html).toContain('二、主要差异')
    expect(html).toContain('隔离：聊城市对入境人员要求14天集中隔离，太原市要求“7+3”')
  })
})

describe('.docx fonts and .pdf', () => {
  it('names the GB/T 9704 fonts with their fallbacks in the font table, runs marked Chinese', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(summary))
    const fonts = await zip.file('word/fontTable.xml')!.async('string')
    expect(fonts).toContain('<w:font w:name="仿宋"><w:altName w:val="FangSong,STFangsong,仿宋_GB2312,Noto Serif CJK SC"/>')
    expect(fonts).toContain('<w:font w:name="方正小标宋简体">')
    expect(fonts).toContain('<w:font w:name="黑体">')
    const body = await zip.file('word/document.xml')!.async('string')
    expect(body).toContain('w:eastAsia="仿宋"')
    expect(body).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>')
  })

  it.skipIf(!findChromium())('prints the HTML layout to a PDF with a local Chromium', async () => {
    const pdf = await chromiumPrinter()(renderHtml(compare))
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(10_000)
  }, 120_000)
})

describe('.xlsx', () => {
  async function load(model: ExportModel): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await renderXlsx(model)) as unknown as ArrayBuffer)
    return wb
  }

  it('comparison sheet: level fills, marks, frozen headers, autofilter', async () => {
    const wb = await load(compare)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['对比', '措施', '来源'])
    const ws = wb.getWorksheet('对比')!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 })
    expect(ws.autoFilter).toBeTruthy()
    expect(ws.getCell(1, 2).value).toBe('聊城市')
    const row = compare.compare!.rows.findIndex((r) => r.category === 'quarantine') + 2
    const strict = ws.getCell(row, 2)
    expect(String(strict.value)).toContain('最严')
    expect((strict.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFECACA')
    expect(strict.border.top?.color?.argb).toBe('FFB91C1C')
  })

  it('measures sheet: one row per measure with its source; widths fit Chinese text', async () => {
    const wb = await load(docs)
    const ws = wb.getWorksheet('措施')!
    expect(ws.rowCount).toBe(docs.measures.length + 1)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.autoFilter).toBe(`A1:M${docs.measures.length + 1}`)
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    const col = (name: string): number => header.indexOf(name) + 1
    const ids = new Set(f.ids)
    for (let r = 2; r <= ws.rowCount; r++) expect(ids.has(String(ws.getCell(r, col('文档ID')).value))).toBe(true)
    const docsSheet = wb.getWorksheet('文档')!
    const titleCol = docsSheet.getColumn(2)
    expect(titleCol.width).toBeGreaterThanOrEqual(displayWidth(TITLE_A))
    expect(docsSheet.getCell(2, 2).value === TITLE_A || docsSheet.getCell(3, 2).value === TITLE_A).toBe(true)
  })
})

describe('.csv', () => {
  it('UTF-8 with BOM; commas, quotes and line breaks in Chinese text survive a CSV parser', () => {
    const bytes = renderCsv(docs)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(2)
    const a = rows.find((r) => r['标题'] === TITLE_A)!
    expect(a['标签']).toBe('重点,复核')
    expect(a['正文']).toContain('\n二、入境人员实行14天集中隔离医学观察。\n')
    expect(bytes.toString('utf8')).toContain('"聊城市关于""入聊返聊"",入境人员管理的通告"')
  })

  it('one row per measure for a summary, each naming its source document', () => {
    const rows = parse(renderCsv(summary), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(summary.measures.length)
    for (const r of rows) expect(f.ids).toContain(r['文档ID'])
    expect(rows.find((r) => r['参数'] === '14天')!['来源文件']).toBe(TITLE_A)
  })
})

describe('.md, .json and the HTML layout', () => {
  it('Markdown tables keep their columns, sources are listed', () => {
    const md = renderMarkdown(compare).toString('utf8')
    const tableLines = md.split('\n').filter((l) => l.startsWith('|'))
    expect(tableLines.length).toBeGreaterThan(3)
    const cols = (l: string): number => l.replace(/\\\|/g, '').split('|').length
    expect(new Set(tableLines.map(cols)).size).toBe(1)
    expect(md).toMatch(/^## 来源$/m)
    expect(md).toContain('1. ')
    const docMd = renderMarkdown(docs).toString('utf8')
    expect(docMd).toContain('聊城市关于"入聊返聊",入境人员管理的通告')
  })

  it('JSON parses back to the model', () => {
    const back = JSON.parse(renderJson(summary).toString('utf8')) as ExportModel & { format: string }
    expect(back.format).toBe('policy-archive-export')
    expect(back.measures).toEqual(summary.measures)
    expect(back.summary!.map((r) => r.name)).toEqual(['聊城市', '太原市'])
  })

  it('HTML escapes text and caps a long preview', () => {
    const html = renderHtml(docs, 1)
    expect(html).toContain('&quot;入聊返聊&quot;')
    expect(html).toContain('另有 1 行')
    expect(html).not.toMatch(/<script/i)
  })
})
