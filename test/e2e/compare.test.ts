import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ROOT, newPage, screenshot, useSession } from './harness'

const SEEDS = path.join(ROOT, 'seeds')

/** Types into the region picker and chooses the option whose name is `name`. */
async function pick(page: Page, typed: string, name: string): Promise<void> {
  const input = page.locator('[data-testid="region-picker"] input').first()
  // The chosen regions' tags cover most of the box, so the input is focused rather than clicked.
  await input.focus()
  await input.fill(typed)
  const option = page.locator('.region-picker-popper [data-testid="region-option"]').filter({ hasText: name }).first()
  await option.waitFor({ timeout: 10_000 })
  await option.click()
  await input.fill('')
}

const heads = (page: Page) => page.getByTestId('region-head')

describe('compare in Chromium (serve mode)', () => {
  const session = useSession(SEEDS)

  it('compares three regions: matrix, differences, evidence, date, timeline, map and saved sets', async () => {
    const problems: string[] = []
    const page = await newPage(session().browser, problems)
    await page.goto(session().served.url)
    await page.getByTestId('nav-compare').click()
    await page.getByTestId('compare-empty').waitFor({ timeout: 30_000 })

    // A short name, pinyin initials, and a full name.
    await pick(page, '聊城', '聊城市')
    await pick(page, 'ty', '太原市')
    await pick(page, 'jl', '吉林省')
    await page.keyboard.press('Escape')
    await expect.poll(async () => heads(page).count(), { timeout: 20_000 }).toBe(3)
    expect(await heads(page).locator('.region-name').allTextContents()).toEqual(['聊城市', '太原市', '吉林省'])
    const cells = page.getByTestId('cell-open')
    await expect.poll(async () => cells.count()).toBeGreaterThanOrEqual(6)
    expect(await page.getByTestId('level-legend').isVisible()).toBe(true)

    await page.setViewportSize({ width: 1280, height: 800 })
    await screenshot(page, 'compare-matrix-1280')
    await page.setViewportSize({ width: 1024, height: 700 })
    await screenshot(page, 'compare-matrix-1024')
    await page.setViewportSize({ width: 1280, height: 800 })

    // Differences only: every row left differs between the regions.
    const rows = page.getByTestId('matrix-row')
    const allRows = await rows.count()
    await page.getByTestId('differences-only').click()
    await expect.poll(async () => page.locator('[data-testid="matrix-row"][data-differs="false"]').count()).toBe(0)
    expect(await rows.count()).toBeLessThanOrEqual(allRows)
    await page.getByTestId('differences-only').click()
    await expect.poll(async () => rows.count()).toBe(allRows)

    // Hovering a cell shows its evidence; clicking opens the document with it highlighted.
    const cell = cells.first()
    await cell.hover()
    const evidence = page.getByTestId('cell-evidence').first()
    await evidence.waitFor({ state: 'visible', timeout: 10_000 })
    const sentence = ((await evidence.locator('div').nth(1).textContent()) ?? '').trim()
    expect(sentence.length).toBeGreaterThan(3)
    await screenshot(page, 'compare-evidence')
    await cell.click()
    await page.getByTestId('doc-title').waitFor({ timeout: 20_000 })
    const active = page.locator('[data-testid="measure-mark"].active')
    await active.first().waitFor({ timeout: 10_000 })
    expect((await active.allTextContents()).join('')).toBe(sentence)
    await screenshot(page, 'compare-opened-evidence')
    // The seed documents carry no date, so every cell is "date unknown"; a user dates this one.
    const docId = /\/documents\/([a-z0-9]+)/.exec(page.url())![1]
    const dated = await page.evaluate(async (id) => {
      const res = await fetch('/api/documents.update', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, patch: { date: '2022-03-15' } }) })
      return ((await res.json()) as { ok: boolean }).ok
    }, docId)
    expect(dated).toBe(true)
    await page.goBack()
    await expect.poll(async () => page.locator('[data-testid="matrix-cell"][data-dated="true"]').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect.poll(async () => heads(page).count(), { timeout: 20_000 }).toBe(3)

    // Moving the as-of date to the start of the slider (before every dated document) leaves no dated
    // cell (cells of undated documents stay, marked 日期不详); the end of the slider is today again.
    const asOf = page.locator('input#compare-as-of')
    const thumb = page.locator('[data-testid="date-slider"] .el-slider__button-wrapper')
    await thumb.focus()
    await thumb.press('Home')
    await expect.poll(async () => asOf.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await expect.poll(async () => page.locator('[data-testid="matrix-cell"][data-dated="true"]').count(), { timeout: 20_000 }).toBe(0)
    await thumb.press('End')
    await expect.poll(async () => asOf.inputValue()).toBe('')
    await expect.poll(async () => page.locator('[data-testid="matrix-cell"][data-dated="true"]').count(), { timeout: 20_000 }).toBeGreaterThan(0)

    // The timeline and the map draw.
    await page.getByRole('tab', { name: '时间线' }).click()
    await page.locator('[data-testid="compare-timeline"] canvas').first().waitFor({ timeout: 20_000 })
    await screenshot(page, 'compare-timeline')
    await page.getByRole('tab', { name: '地图' }).click()
    await page.locator('[data-testid="map-chart"] canvas').first().waitFor({ timeout: 20_000 })
    await screenshot(page, 'compare-map')
    await page.getByRole('tab', { name: '对比表' }).click()

    // Save the set, change the regions, re-open the set.
    await page.getByTestId('set-save').click()
    const nameInput = page.locator('.set-name-dialog input')
    await nameInput.fill('三地对比')
    await page.locator('.set-name-dialog .el-button--primary').click()
    await page.getByText('已保存方案“三地对比”').waitFor()
    await page.locator('[data-testid="region-picker"] .el-tag__close').first().click()
    await expect.poll(async () => heads(page).count()).toBe(2)
    await page.getByTestId('sets-open').click()
    await page.getByTestId('set-open').filter({ hasText: '三地对比' }).click()
    await expect.poll(async () => heads(page).count()).toBe(3)

    // The comparison on screen survives a reload.
    await page.reload()
    await expect.poll(async () => heads(page).count(), { timeout: 30_000 }).toBe(3)
    expect(problems).toEqual([])
    await page.context().close()
  })
})
