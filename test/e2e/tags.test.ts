import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ROOT, newPage, screenshot, useSession } from './harness'

const SEEDS = path.join(ROOT, 'seeds')
// Written for this test: a notice whose title holds 疫情 inside a longer run.
const PASTED = '关于进一步做好新冠疫情防控工作的通知\n各乡镇：\n为巩固防控成果，所有返乡人员须提前三天向村（社区）报备。\n某县应对疫情工作领导小组办公室\n2022年7月8日'

async function typeInSelect(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

describe('tags, rules and trash in Chromium (serve mode)', () => {
  const session = useSession(SEEDS)

  it('bulk-tags three documents, tags a pasted document by a rule, undoes a tag deletion and restores from the trash', async () => {
    const problems: string[] = []
    const page = await newPage(session().browser, problems)
    await page.goto(session().served.url)
    const rows = page.getByTestId('library-row')
    await rows.first().waitFor({ timeout: 30_000 })
    await expect.poll(async () => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(5)

    // 1. Select three documents, press T, add a hierarchical tag to all three.
    for (const i of [0, 1, 2]) await rows.nth(i).getByTestId('row-check').click()
    await page.getByTestId('bulk-actions').waitFor()
    await page.locator('body').press('t')
    await page.getByTestId('tag-add').waitFor()
    await typeInSelect(page, 'tag-add', '专项/重点')
    await page.getByTestId('tag-apply').click()
    await expect.poll(async () => (await rows.allTextContents()).filter((r) => r.includes('专项/重点')).length, { timeout: 15_000 }).toBe(3)
    await screenshot(page, 'tags-bulk')

    // 2. A rule in the Tags view: documents containing 疫情 get the tag 疫情.
    await page.getByTestId('nav-tags').click()
    await page.locator('[data-testid="tag-node"][data-name="专项/重点"]').waitFor({ timeout: 15_000 })
    await page.getByTestId('rule-add').click()
    await page.getByTestId('rule-name').fill('疫情相关')
    await typeInSelect(page, 'rule-tag', '疫情')
    await typeInSelect(page, 'rule-words', '疫情')
    await page.getByTestId('rule-save').click()
    await page.getByTestId('rule-item').filter({ hasText: '疫情相关' }).waitFor({ timeout: 15_000 })
    await screenshot(page, 'tags-view')

    // 3. Paste a new document: the rule tags it on import, and the document says which rule did.
    await page.getByTestId('nav-import').click()
    await page.getByTestId('paste-button').click()
    await page.getByTestId('paste-text').fill(PASTED)
    await page.getByTestId('paste-submit').click()
    const imported = page.locator('[data-testid="import-result"][data-outcome="imported"]')
    await imported.first().waitFor({ timeout: 60_000 })
    await imported.first().getByRole('link').first().click()
    const ruleTag = page.locator('[data-testid="doc-tag"][data-origin="rule"]')
    await ruleTag.first().waitFor({ timeout: 15_000 })
    expect(await ruleTag.first().textContent()).toContain('疫情')
    expect(await ruleTag.first().getAttribute('title')).toContain('疫情相关')
    await screenshot(page, 'tags-rule-applied')

    // 4. Delete a tag in the Tags view, then Ctrl+Z brings it back with its documents.
    await page.getByTestId('nav-tags').click()
    const node = page.locator('[data-testid="tag-node"][data-name="专项/重点"]')
    await node.waitFor({ timeout: 15_000 })
    await node.hover()
    await node.getByTestId('tag-action-delete').click()
    await node.waitFor({ state: 'detached', timeout: 15_000 })
    await page.getByTestId('undo-tag-delete').waitFor()
    await screenshot(page, 'tags-deleted')
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    await page.keyboard.press('Control+z')
    await node.waitFor({ timeout: 15_000 })
    expect(await node.textContent()).toContain('3 篇')

    // 5. Trash a document from the library, restore it from the Trash view.
    await page.getByTestId('nav-library').click()
    await rows.first().waitFor()
    const total = await page.getByTestId('library-total').textContent()
    const title = ((await rows.nth(1).getByRole('link').textContent()) ?? '').trim()
    // The selection of step 1 is kept across views; start from none.
    if (await page.getByTestId('bulk-clear').isVisible()) await page.getByTestId('bulk-clear').click()
    await rows.nth(1).getByTestId('row-check').click()
    await page.getByTestId('bulk-trash').click()
    await expect.poll(async () => page.getByTestId('library-total').textContent(), { timeout: 15_000 }).not.toBe(total)
    await page.getByTestId('nav-trash').click()
    const trashed = page.getByTestId('trash-row')
    await trashed.first().waitFor({ timeout: 15_000 })
    expect(await trashed.allTextContents()).toEqual([title])
    await screenshot(page, 'trash')
    await page.getByTestId('trash-restore').first().click()
    await page.getByTestId('trash-empty-state').waitFor({ timeout: 15_000 })
    await page.getByTestId('nav-library').click()
    await expect.poll(async () => page.getByTestId('library-total').textContent(), { timeout: 15_000 }).toBe(total)

    expect(problems).toEqual([])
    await page.context().close()
  })
})
