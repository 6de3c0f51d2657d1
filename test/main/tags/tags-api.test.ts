import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { ApiHarness } from '../helpers/api'
import type { ImportItemEvent } from '../../../src-main/common/api/contract'
import type { RuleRunProgress, TagInfo } from '../../../src-main/common/tags'
import { tmpDir } from '../helpers/tmp'
import { runCli } from '../helpers/cli'
import { getRecord } from '../../../src-main/node/archive/documents-read'

const NOTICE = '某镇新冠疫情防控工作领导小组通告\n全镇公共场所须佩戴口罩，暂停聚集性活动。\n某镇人民政府\n2022年3月3日'

describe('tags through the API', () => {
  let h: ApiHarness
  const call = <T>(op: string, args: unknown): Promise<T> => h.call<T>(op, args)
  const importText = (text: string): Promise<ImportItemEvent> => h.importText(text)

  beforeEach(async () => {
    h = await ApiHarness.open()
  })
  afterEach(() => h.close())

  it('a rule tags a pasted document; a rule run reports progress; history.undo takes back a tag deletion', async () => {
    const rule = await call<{ id: string }>('tags.rules.save', { name: '口罩', tag: '防控/口罩', match: { kind: 'words', mode: 'any', words: ['口罩'] } })
    const item = await importText(NOTICE)
    expect(item.outcome).toBe('imported')
    const tags = await call<{ name: string; origin: string; rule: { id: string } | null }[]>('tags.ofDocument', { id: item.id })
    expect(tags).toEqual([{ name: '防控/口罩', color: null, origin: 'rule', rule: { id: rule.id, name: '口罩' } }])

    const { jobId } = await call<{ jobId: string }>('tags.rules.run', {})
    await expect.poll(() => h.events.some((e) => e.name === 'tags.progress' && (e.payload as unknown as RuleRunProgress).jobId === jobId && (e.payload as unknown as RuleRunProgress).finished)).toBe(true)
    const last = h.events.filter((e) => e.name === 'tags.progress').at(-1)!.payload as unknown as RuleRunProgress
    expect(last).toMatchObject({ done: 1, total: 1, added: 0, finished: true })

    await call('tags.delete', { names: ['防控'] })
    expect(await call<TagInfo[]>('tags.all', {})).toEqual([])
    expect(await call('history.undo', {})).toMatchObject({ action: 'tag-delete' })
    expect((await call<TagInfo[]>('tags.all', {})).map((t) => t.name)).toEqual(['防控/口罩'])
  })

  it('refuses a bad rule with an i18n key and parameters', async () => {
    const r = await h.api.dispatch('tags.rules.save', { name: 'x', tag: 'x', match: { kind: 'regex', pattern: '口罩(' } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ key: 'errors.tags.badRegex', params: { pattern: '口罩(' } })
    const unknown = await h.api.dispatch('tags.rules.run', { id: 'nosuchrule' })
    expect(!unknown.ok && unknown.error.key).toBe('errors.tags.ruleNotFound')
  })

  it('re-importing the text of a trashed document restores it with a clear event', async () => {
    const first = await importText(NOTICE)
    await call('documents.trash', { ids: [first.id] })
    expect((await call<{ total: number }>('trash.list', {})).total).toBe(1)
    h.events.length = 0
    const again = await importText(NOTICE)
    expect(again).toMatchObject({ outcome: 'duplicate', of: first.id, restored: true })
    expect(again.reason).toMatch(/restored from the trash/)
    expect((await call<{ total: number }>('trash.list', {})).total).toBe(0)
    await call('documents.trash', { ids: [first.id] })
    expect(await call('trash.empty', {})).toEqual({ count: 1 })
    expect((await call<{ total: number }>('documents.list', { filter: { trashed: true } })).total).toBe(0)
  })
})

describe('tag command with hierarchy names', () => {
  it('adds and removes "/" names, normalised, and refuses an empty segment', async () => {
    const dir = tmpDir()
    const file = path.join(dir, '通告.txt')
    fs.writeFileSync(file, NOTICE)
    const archiveDir = path.join(dir, 'a')
    const imported = await runCli(['--archive', archiveDir, 'import', file, '--json'])
    const id = (JSON.parse(imported.stdout.split('\n')[0]) as { id: string }).id
    expect((await runCli(['--archive', archiveDir, 'tag', id, '--add', '防控 / 隔离', '--add', '防控/口罩'])).code).toBe(0)
    expect((await runCli(['--archive', archiveDir, 'tag', id, '--remove', '防控/口罩'])).code).toBe(0)
    const bad = await runCli(['--archive', archiveDir, 'tag', id, '--add', '防控//隔离'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/防控\/\/隔离/)
    const reopened = await Archive.open(archiveDir)
    expect(getRecord(reopened, id)!.tags).toEqual(['防控/隔离'])
    await reopened.close()
  }, 240_000)
})
