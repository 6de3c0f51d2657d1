import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, newPage, screenshot, useSession } from './harness'

const SEEDS = path.join(ROOT, 'seeds')

describe('library in Chromium (serve mode)', () => {
  const session = useSession(SEEDS)

  it('refuses the page without the token', async () => {
    const problems: string[] = []
    const page = await newPage(session().browser, problems)
    const res = await page.goto(session().served.origin + '/')
    expect(res?.status()).toBe(403)
    expect(await page.textContent('body')).toMatch(/token/)
    await page.context().close()
  })

  it('lists the seed documents and opens one', async () => {
    const problems: string[] = []
    const page = await newPage(session().browser, problems)
    await page.goto(session().served.url)
    const rows = page.getByTestId('library-row')
    await rows.first().waitFor({ timeout: 30_000 })
    // The seeds yield at least five documents (one file is a compilation split into parts).
    await expect.poll(async () => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(5)
    const texts = await rows.allTextContents()
    expect(texts.join('\n')).toContain('聊城')
    await screenshot(page, 'library')

    // A click on the row selects it; its title is the link that opens the document.
    const target = rows.filter({ hasText: '聊城抗疫新篇章' }).first()
    await target.getByRole('link').click()
    await page.getByTestId('doc-title').waitFor()
    expect(await page.getByTestId('doc-title').textContent()).toContain('聊城抗疫新篇章')
    const body = await page.getByTestId('doc-text').textContent()
    expect(body).toContain('江北水城')
    await screenshot(page, 'document')
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('shows the interface in Chinese by default', async () => {
    const problems: string[] = []
    const page = await newPage(session().browser, problems)
    await page.goto(session().served.url)
    await page.getByTestId('library-row').first().waitFor({ timeout: 30_000 })
    const nav = await page.locator('[data-testid^="nav-"]').allTextContents()
    expect(nav.join(' ')).toMatch(/文档库/)
    expect(nav.join(' ')).toMatch(/对比/)
    await page.context().close()
    expect(fs.existsSync(path.join(ROOT, 'test-results', 'library.png'))).toBe(true)
  })
})
