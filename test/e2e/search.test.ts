import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, newPage, screenshot, useSession } from './harness'

const SEEDS = path.join(ROOT, 'seeds')

describe('search, facets and saved views in Chromium (serve mode)', () => {
  const session = useSession(SEEDS)

  it('searches, narrows by a region facet, saves the view and opens it again', async () => {
    const problems: string[] = []
    const page = await newPage(session().browser, problems)
    await page.goto(session().served.url)
    const rows = page.getByTestId('library-row')
    await rows.first().waitFor({ timeout: 30_000 })
    const all = await rows.count()

    // A query lists ranked results with the matches marked in their snippets.
    await page.getByTestId('library-search').fill('疫情防控')
    const snippets = page.getByTestId('row-snippet')
    await snippets.first().waitFor({ timeout: 15_000 })
    expect(await snippets.first().locator('mark').first().textContent()).toBe('疫情防控')
    const searched = await rows.count()
    expect(searched).toBeGreaterThan(0)

    // The region facet counts the results per province; clicking 山东省 narrows to it.
    const shandong = page.locator('[data-testid="facet-region"][data-code="370000"]')
    await shandong.waitFor({ timeout: 15_000 })
    const count = Number(await shandong.locator('.facet-count').textContent())
    expect(count).toBeGreaterThan(0)
    await shandong.click()
    await expect.poll(async () => rows.count(), { timeout: 15_000 }).toBe(count)
    expect(await shandong.getAttribute('aria-pressed')).toBe('true')
    // The region box names the place (the filter itself keeps the code).
    await expect.poll(async () => page.getByTestId('filter-region').inputValue(), { timeout: 10_000 }).toBe('山东省')
    expect((await rows.allTextContents()).join('\n')).toContain('聊城')
    await screenshot(page, 'search-facet')

    // Save the query and the facet as a view.
    await page.getByTestId('view-save').click()
    const prompt = page.locator('.el-message-box')
    await prompt.waitFor()
    await prompt.locator('input').fill('山东疫情防控')
    await prompt.getByRole('button', { name: '保存' }).click()
    const view = page.getByTestId('view-item').filter({ hasText: '山东疫情防控' })
    await view.waitFor({ timeout: 10_000 })

    // Clear everything, then the view brings the query and the region back.
    await page.getByTestId('filter-reset').click()
    await expect.poll(async () => rows.count(), { timeout: 15_000 }).toBe(all)
    await view.getByTestId('view-open').click()
    await expect.poll(async () => page.getByTestId('library-search').inputValue(), { timeout: 10_000 }).toBe('疫情防控')
    await expect.poll(async () => rows.count(), { timeout: 15_000 }).toBe(count)
    expect(await page.locator('[data-testid="facet-region"][data-code="370000"]').getAttribute('aria-pressed')).toBe('true')
    await expect.poll(async () => page.getByTestId('filter-region').inputValue(), { timeout: 10_000 }).toBe('山东省')
    await screenshot(page, 'search-view')

    // The view survives a reload (it is stored in the archive).
    await page.reload()
    await page.getByTestId('view-item').filter({ hasText: '山东疫情防控' }).waitFor({ timeout: 30_000 })
    expect(problems).toEqual([])
    await page.context().close()
  }, 180_000)
})
