import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, screenshot, useSession } from './harness'

const UTF8_TITLE = '关于进一步做好核酸检测工作的通知'
const GB_TITLE = '关于加强入境人员集中隔离管理的通告'

// Two short notices (one in UTF-8, one in GB18030) and an empty file, as a user would pick them.
function makeFiles(dir: string): string[] {
  const utf8 = path.join(dir, 'notice-utf8.txt')
  fs.writeFileSync(
    utf8,
    `${UTF8_TITLE}\n\n各区县疫情防控指挥部：\n为切实做好疫情防控工作，现将有关事项通知如下：\n一、全体居民每三天开展一次核酸检测，重点人员每天一检。\n二、进入公共场所须查验健康码和48小时核酸阴性证明。\n三、本通知自发布之日起施行。\n\n某市新冠肺炎疫情防控指挥部\n2022年4月2日\n`
  )
  const gb = path.join(dir, 'notice-gb18030.txt')
  fs.writeFileSync(
    gb,
    iconv.encode(
      `${GB_TITLE}\n\n一、所有入境人员实行14天集中隔离医学观察，隔离期间开展多轮核酸检测。\n二、解除隔离后继续居家健康监测7天，每日两次测量体温。\n三、暂停举办大型聚集性活动，确需举办的须报批。\n四、公共场所工作人员须全程规范佩戴口罩。\n\n某市疫情防控工作领导小组办公室\n2022年3月15日\n`,
      'gb18030'
    )
  )
  const empty = path.join(dir, 'empty.txt')
  fs.writeFileSync(empty, '')
  return [utf8, gb, empty]
}

describe('importing files in Chromium (serve mode)', () => {
  const session = useSession()
  let dir: string

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-e2e-files-'))
  })

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('imports the chosen files, shows progress and results, and names the empty file as an error', async () => {
    const problems: string[] = []
    const page = await newPage(session().browser, problems)
    await page.goto(session().served.url)
    await page.getByTestId('library-empty').waitFor({ timeout: 30_000 })

    await page.getByTestId('import-file-input').setInputFiles(makeFiles(dir))
    // Choosing files opens the Import view, with one job that finishes.
    const panel = page.getByTestId('import-progress')
    await panel.first().waitFor({ timeout: 30_000 })
    await expect.poll(async () => panel.first().getAttribute('data-state'), { timeout: 60_000 }).toBe('done')
    expect(page.url()).toContain('#/import')

    const results = page.getByTestId('import-result')
    await expect.poll(async () => results.count(), { timeout: 10_000 }).toBe(3)
    const imported = page.locator('[data-testid="import-result"][data-outcome="imported"]')
    expect(await imported.count()).toBe(2)
    const importedText = (await imported.allTextContents()).join('\n')
    // The GB18030 file was decoded: its Chinese title is readable.
    expect(importedText).toContain(GB_TITLE)
    expect(importedText).toContain(UTF8_TITLE)

    const errors = page.locator('[data-testid="import-result"][data-outcome="error"]')
    expect(await errors.count()).toBe(1)
    const errorText = (await errors.first().textContent()) ?? ''
    expect(errorText).toContain('empty.txt')
    expect(errorText).toContain('失败')
    expect(await panel.first().textContent()).toMatch(/导入 2.*失败 1/)
    await page.waitForTimeout(800) // let the progress bar finish its animation
    await screenshot(page, 'import-results')

    // The imported documents open, in readable Chinese.
    await imported.filter({ hasText: GB_TITLE }).getByRole('link').first().click()
    await page.getByTestId('doc-title').waitFor()
    expect(await page.getByTestId('doc-title').textContent()).toContain(GB_TITLE)
    expect(await page.getByTestId('doc-text').textContent()).toContain('集中隔离医学观察')
    await screenshot(page, 'import-document')
    expect(problems).toEqual([])
    await page.context().close()
  })
})
