import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { ApiService } from '../../../src-main/node/services/api-service'
import { EventBus } from '../../../src-main/node/services/event-bus'
import type { ImportItemEvent } from '../../../src-main/common/api/contract'
import type { RuleRunProgress, TagInfo } from '../../../src-main/common/tags'
import { tmpDir } from '../helpers/tmp'
import { runCli } from '../helpers/cli'
import { getRecord } from '../../../src-main/node/archive/documents-read'

const NOTICE = '某镇新冠疫情防控工作领导小组通告\n全镇公共场所须佩戴口罩，暂停聚集性活动。\n某镇人民政府\n2022年3月3日'

describe('tags through the API', () => {
  let archive: Archive
  let api: ApiService
  const bus = new EventBus()
  const events: { name: string; payload: unknown }[] = []
  bus.on((name, payload) => events.push({ name, payload }))

  async function call<T>(op: string, args: unknown): Promise<T> {
    const r = await api.dispatch(op, args)
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { body: r.error })
    return r.result as T
  }

  async function importText(text: string): Promise<ImportItemEvent> {
    const { jobId } = await call<{ jobId: string }>('import.text', { text, name: '通告.txt' })
    await expect.poll(() => events.some((e) => e.name === 'import.done' && (e.payload as { jobId: string }).jobId === jobId), { timeout: 20_000 }).toBe(true)
    return events.find((e) => e.name === 'import.item' && (e.payload as { jobId: string }).jobId === jobId)!.payload as ImportItemEvent
  }

  beforeEach(async () => {
    archive = await Archive.open(path.join(tmpDir(), 'archive'))
    api = new ApiService(archive, bus, { mode: 'serve', version: 'test' })
    events.length = 0
  })
  afterEach(async () => {
    await api.shutdown()
    await archive.close()
  })

  it('a rule tags a pasted document; a rule run reports progress; history.undo takes back a tag deletion', async () => {
    const rule = await call<{ id: string }>('tags.rules.save', { name: '口罩', tag: '防控/口罩', match: { kind: 'words', mode: 'any', words: ['口罩'] } })
    const item = await importText(NOTICE)
    expect(item.outcome).toBe('imported')
    const tags = await call<{ name: string; origin: string; rule: { id: string } | null }[]>('tags.ofDocument', { id: item.id })
    expect(tags).toEqual([{ name: '防控/口罩', color: null, origin: 'rule', rule: { id: rule.id, name: '口罩' } }])

    const { jobId } = await call<{ jobId: string }>('tags.rules.run', {})
    await expect.poll(() => events.some((e) => e.name === 'tags.progress' && (e.payload as RuleRunProgress).jobId === jobId && (e.payload as RuleRunProgress).finished)).toBe(true)
    const last = events.filter((e) => e.name === 'tags.progress').at(-1)!.payload as RuleRunProgress
    expect(last).toMatchObject({ done: 1, total: 1, added: 0, finished: true })

    await call('tags.delete', { names: ['防控'] })
    expect(await call<TagInfo[]>('tags.all', {})).toEqual([])
    expect(await call('history.undo', {})).toMatchObject({ action: 'tag-delete' })
    expect((await call<TagInfo[]>('tags.all', {})).map((t) => t.name)).toEqual(['防控/口罩'])
  })

  it('refuses a bad rule with an i18n key and parameters', async () => {
    const r = await api.dispatch('tags.rules.save', { name: 'x', tag: 'x', match: { kind: 'regex', pattern: '口罩(' } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ key: 'errors.tags.badRegex', params: { pattern: '口罩(' } })
    const unknown = await api.dispatch('tags.rules.run', { id: 'nosuchrule' })
    expect(!unknown.ok && unknown.error.key).toBe('errors.tags.ruleNotFound')
  })

  it('re-importing the text of a trashed document restores it with a clear event', async () => {
    const first = await importText(NOTICE)
    await call('documents.trash', { ids: [first.id] })
    expect((await call<{ total: number }>('trash.list', {})).total).toBe(1)
    events.length = 0
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
