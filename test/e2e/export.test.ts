// Export in Chromium against `serve`: from Compare (the /export?kind=compare… route it links to)
// and from a library selection; the files arrive as browser downloads and read back.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { parse } from 'csv-parse/sync'
import { ROOT, newPage, screenshot, useSession } from './harness'

const SEEDS = path.join(ROOT, 'seeds')

describe('export in Chromium (serve mode)', () => {
  const session = useSession(SEEDS)
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-e2e-downloads-'))

  it('from Compare: the matrix of two regions downloads as .xlsx and as .docx', async () => {
    const problems: string[] = []
    const page = await newPage(session().browser, problems)
    await page.goto(session().served.url)
    await page.goto(`${session().served.origin}/#/export?kind=compare&regions=371500,140100&asOf=2022-12-31`)
    const preview = page.getByTestId('export-preview')
    await expect.poll(async () => preview.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 30_000 }).toContain('太原市')
    await screenshot(page, 'export-compare')

    await page.getByTestId('export-format-xlsx').click()
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()])
    expect(xlsx.suggestedFilename()).toMatch(/^聊城市、太原市防控措施对比_\d{8}\.xlsx$/)
    const xlsxPath = path.join(downloads, 'compare.xlsx')
    await xlsx.saveAs(xlsxPath)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(xlsxPath)
    const sheet = wb.getWorksheet('对比')!
    expect([sheet.getCell(1, 2).value, sheet.getCell(1, 3).value]).toEqual(['聊城市', '太原市'])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(wb.getWorksheet('来源')!.rowCount).toBeGreaterThan(1)
    await page.getByTestId('export-done').waitFor()

    await page.getByTestId('export-format-docx').click()
    const [docx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()])
    const docxPath = path.join(downloads, 'compare.docx')
    await docx.saveAs(docxPath)
    const html = (await mammoth.convertToHtml({ path: docxPath })).value
    expect(html).toContain('一、对比矩阵')
    expect(html).toContain('<th><p>聊城市</p></th>')
    expect(html).toContain('来源文件')
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('from a library selection: two documents download as .csv', async () => {
    const problems: string[] = []
    const page = await newPage(session().browser, problems)
    await page.goto(session().served.url)
    const rows = page.getByTestId('library-row')
    await rows.first().waitFor({ timeout: 30_000 })
    const titles = [await rows.nth(0).getByRole('link').textContent(), await rows.nth(1).getByRole('link').textContent()]
    await rows.nth(0).getByTestId('row-check').click()
    await rows.nth(1).getByTestId('row-check').click()
    await page.getByTestId('bulk-export').click()
    await page.getByTestId('export-view').waitFor()
    await expect.poll(async () => page.getByTestId('export-counts').textContent(), { timeout: 30_000 }).toContain('2 篇')
    await page.getByTestId('export-format-csv').click()
    await screenshot(page, 'export-selection')
    const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()])
    const csvPath = path.join(downloads, 'docs.csv')
    await csv.saveAs(csvPath)
    const bytes = fs.readFileSync(csvPath)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[]
    expect(records.map((r) => r['标题']).sort()).toEqual(titles.map((t) => (t ?? '').trim()).sort())
    expect(problems).toEqual([])
    await page.context().close()
    fs.rmSync(downloads, { recursive: true, force: true })
  })
})
