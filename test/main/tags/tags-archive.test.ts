import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { changeTags, setTrashed, storeSource } from '../../../src-main/node/archive/documents-write'
import { getRecord, listSummaries } from '../../../src-main/node/archive/documents-read'
import { undoLast } from '../../../src-main/node/archive/corrections'
import { processInput, rawInputFromText } from '../../../src-main/node/pipeline/pipeline'
import { createTag, deleteTags, listTagInfo, mergeTags, recolorTag, renameTag, tagsOfDocument } from '../../../src-main/node/tags/tag-edits'
import { deleteRule, listRules, runRules, saveRule } from '../../../src-main/node/tags/rule-store'
import { emptyTrash, listTrash } from '../../../src-main/node/tags/trash'
import { AppError } from '../../../src-main/common/errors'
import { tmpDir } from '../helpers/tmp'

// Written for these tests: two short notices and a work report.
const TEXTS = {
  a: '某市新冠疫情防控指挥部关于加强入境人员管理的通告\n对入境人员实行集中隔离医学观察，期满后进行核酸检测。\n某市新冠疫情防控指挥部\n2022年4月2日',
  b: '某县关于暂停大型聚集活动的通知\n全县暂停举办大型聚集活动，室内场所须佩戴口罩。\n某县人民政府\n2022年5月6日',
  c: '某区卫生健康局二〇二二年工作总结\n今年以来全区完成疫苗接种工作，储备防护物资。\n某区卫生健康局\n2022年12月1日'
}

async function store(archive: Archive, text: string, name: string): Promise<string> {
  const input = rawInputFromText(text, name)
  const docs = await processInput(input)
  const [o] = storeSource(archive, { path: input.path, bytes: input.bytes, format: input.format, encoding: 'utf-8' }, docs)
  return o.id
}

async function archiveWithDocs(): Promise<{ archive: Archive; dir: string; a: string; b: string; c: string }> {
  const dir = path.join(tmpDir(), 'arch')
  const archive = await Archive.open(dir)
  return { archive, dir, a: await store(archive, TEXTS.a, 'a.txt'), b: await store(archive, TEXTS.b, 'b.txt'), c: await store(archive, TEXTS.c, 'c.txt') }
}

const names = (archive: Archive): string[] => listTagInfo(archive).map((t) => t.name)

describe('tag management', () => {
  it('renames a tag with its subtree, refuses a taken name, and undoes', async () => {
    const { archive, a, b } = await archiveWithDocs()
    changeTags(archive, [a], ['防控/隔离', '防控'], [])
    changeTags(archive, [b], ['防控/聚集', '重点'], [])
    expect(renameTag(archive, '防控', '疫情防控')).toBe(3)
    expect(names(archive)).toEqual(['疫情防控', '疫情防控/聚集', '疫情防控/隔离', '重点'])
    expect(getRecord(archive, a)!.tags).toEqual(['疫情防控', '疫情防控/隔离'])
    expect(() => renameTag(archive, '重点', '疫情防控/隔离')).toThrow(AppError)
    // A move into its own subtree passes through temporary names instead of colliding.
    renameTag(archive, '疫情防控', '疫情防控/旧')
    expect(names(archive)).toContain('疫情防控/旧/隔离')
    expect(undoLast(archive)).toMatchObject({ action: 'tag-rename' })
    expect(undoLast(archive)).toMatchObject({ action: 'tag-rename' })
    expect(names(archive)).toEqual(['重点', '防控', '防控/聚集', '防控/隔离'].sort())
    await archive.close()
  })

  it('merges tags (documents, rules, subtrees) and undoes the merge', async () => {
    const { archive, a, b, c } = await archiveWithDocs()
    changeTags(archive, [a, b], ['隔离'], [])
    changeTags(archive, [b, c], ['集中隔离', '集中隔离/入境'], [])
    const rule = saveRule(archive, { name: '隔离词', tag: '集中隔离', match: { kind: 'words', mode: 'any', words: ['隔离'] }, enabled: true })
    expect(mergeTags(archive, ['集中隔离'], '隔离')).toBe(2)
    expect(names(archive)).toEqual(['隔离', '隔离/入境'])
    expect(listTagInfo(archive).find((t) => t.name === '隔离')).toMatchObject({ count: 3, rules: 1 })
    expect(listRules(archive)[0]).toMatchObject({ id: rule.id, tag: '隔离' })
    expect(() => mergeTags(archive, ['隔离'], '隔离/入境')).toThrow(/below it/)
    expect(undoLast(archive)).toMatchObject({ action: 'tag-merge' })
    expect(names(archive)).toEqual(['隔离', '集中隔离', '集中隔离/入境'])
    expect(getRecord(archive, a)!.tags).toEqual(['隔离'])
    expect(getRecord(archive, c)!.tags).toEqual(['集中隔离', '集中隔离/入境'])
    expect(listRules(archive)[0].tag).toBe('集中隔离')
    await archive.close()
  })

  it('deletes a tag with its subtree and rules; undo brings all of it back, after a reopen too', async () => {
    const { archive, dir, a, b } = await archiveWithDocs()
    createTag(archive, '防控', '#67c23a')
    changeTags(archive, [a, b], ['防控/隔离'], [])
    saveRule(archive, { name: '口罩', tag: '防控', match: { kind: 'words', mode: 'any', words: ['口罩'] }, enabled: true })
    await runRules(archive)
    expect(getRecord(archive, b)!.tags).toEqual(['防控', '防控/隔离'])
    expect(deleteTags(archive, ['防控'])).toBe(2)
    expect(names(archive)).toEqual([])
    expect(listRules(archive)).toEqual([])
    await archive.close()
    const again = await Archive.open(dir)
    expect(undoLast(again)).toMatchObject({ action: 'tag-delete' })
    expect(listTagInfo(again)).toEqual([
      { name: '防控', color: '#67c23a', count: 1, rules: 1 },
      { name: '防控/隔离', color: null, count: 2, rules: 0 }
    ])
    expect(tagsOfDocument(again, b).find((t) => t.name === '防控')).toMatchObject({ origin: 'rule', rule: { name: '口罩' } })
    await again.close()
  })

  it('creates and recolours tags, refuses bad names and colours, and normalises hierarchy names', async () => {
    const { archive, a } = await archiveWithDocs()
    createTag(archive, ' 防控 / 隔离 ')
    expect(names(archive)).toEqual(['防控/隔离'])
    expect(() => createTag(archive, '防控/隔离')).toThrow(/already exists/)
    expect(() => createTag(archive, '防控//隔离')).toThrow(AppError)
    recolorTag(archive, '防控/隔离', '#f56c6c')
    expect(() => recolorTag(archive, '防控/隔离', 'red')).toThrow(/not a colour/)
    expect(listTagInfo(archive)[0].color).toBe('#f56c6c')
    undoLast(archive)
    expect(listTagInfo(archive)[0].color).toBeNull()
    changeTags(archive, [a], ['防控 /隔离'], [])
    expect(getRecord(archive, a)!.tags).toEqual(['防控/隔离'])
    await archive.close()
  })
})

describe('tag rules in the archive', () => {
  it('tag a newly imported document, and name the rule that applied the tag', async () => {
    const { archive, a } = await archiveWithDocs()
    const rule = saveRule(archive, { name: '疫情通告', tag: '疫情', match: { kind: 'words', mode: 'any', words: ['疫情'] }, enabled: true })
    // The rule does not touch what was stored before it until it runs.
    expect(getRecord(archive, a)!.tags).toEqual([])
    const d = await store(archive, '关于新冠疫情防控工作的补充通知\n各单位继续做好防控。\n2022年6月1日', 'd.txt')
    expect(getRecord(archive, d)!.tags).toEqual(['疫情'])
    expect(tagsOfDocument(archive, d)).toEqual([{ name: '疫情', color: null, origin: 'rule', rule: { id: rule.id, name: '疫情通告' } }])
    await archive.close()
  })

  it('runs on demand with progress; a tag removed by hand stays removed when the rule re-runs', async () => {
    const { archive, a, b, c } = await archiveWithDocs()
    saveRule(archive, { name: '防控类', tag: '防控', match: { kind: 'words', mode: 'any', words: ['隔离', '口罩'] }, enabled: true })
    const seen: number[] = []
    const r = await runRules(archive, { chunk: 2, onProgress: (p) => seen.push(p.done) })
    expect(r).toMatchObject({ total: 3, added: 2, removed: 0 })
    expect(seen).toEqual([0, 2, 3])
    expect(getRecord(archive, a)!.tags).toEqual(['防控'])
    expect(getRecord(archive, c)!.tags).toEqual([])
    changeTags(archive, [b], [], ['防控'])
    await runRules(archive)
    expect(getRecord(archive, b)!.tags).toEqual([])
    expect(getRecord(archive, a)!.tags).toEqual(['防控'])
    // Given back by hand, it is a manual tag again.
    changeTags(archive, [b], ['防控'], [])
    expect(tagsOfDocument(archive, b)[0].origin).toBe('manual')
    await archive.close()
  })

  it('a changed rule takes its tag off documents it no longer matches; manual tags stay', async () => {
    const { archive, a, b } = await archiveWithDocs()
    const rule = saveRule(archive, { name: '类型', tag: '通知类', match: { kind: 'docType', docType: 'notice' }, enabled: true })
    await runRules(archive, { ruleId: rule.id })
    expect(getRecord(archive, a)!.tags).toEqual(['通知类'])
    expect(tagsOfDocument(archive, b)[0].origin).toBe('rule')
    changeTags(archive, [b], ['通知类'], [])
    saveRule(archive, { ...rule, match: { kind: 'issuer', contains: '指挥部' } })
    const r = await runRules(archive, { ruleId: rule.id })
    expect(getRecord(archive, a)!.tags).toEqual(['通知类'])
    expect(getRecord(archive, b)!.tags).toEqual(['通知类'])
    expect(tagsOfDocument(archive, b)[0].origin).toBe('manual')
    expect(r.removed).toBe(0)
    expect(deleteRule(archive, rule.id)).toBe(1)
    expect(tagsOfDocument(archive, a)[0]).toMatchObject({ origin: 'rule', rule: { id: rule.id, name: null } })
    await archive.close()
  })

  it('refuses an invalid regular expression with its reason, storing nothing', async () => {
    const { archive } = await archiveWithDocs()
    expect(() => saveRule(archive, { name: 'x', tag: 'x', match: { kind: 'regex', pattern: '隔离(', ignoreCase: false }, enabled: true })).toThrow(/not valid/)
    expect(listRules(archive)).toEqual([])
    expect(names(archive)).toEqual([])
    await archive.close()
  })
})

describe('trash', () => {
  it('lists, restores and empties the trash (permanently, sources too)', async () => {
    const { archive, a, b, c } = await archiveWithDocs()
    changeTags(archive, [a], ['防控'], [])
    setTrashed(archive, [a, b], true)
    const t = listTrash(archive, 0, 10)
    expect(t.total).toBe(2)
    expect(t.rows.map((r) => r.id).sort()).toEqual([a, b].sort())
    expect(t.rows[0].trashedAt).toMatch(/^\d{4}-/)
    setTrashed(archive, [b], false)
    expect(listTrash(archive, 0, 10).rows.map((r) => r.id)).toEqual([a])
    expect(emptyTrash(archive, [c])).toBe(0)
    expect(emptyTrash(archive)).toBe(1)
    expect(getRecord(archive, a)).toBeNull()
    expect(listTrash(archive, 0, 10).total).toBe(0)
    expect(listSummaries(archive, {}).total).toBe(2)
    expect(Number(archive.get<{ n: number }>('SELECT COUNT(*) AS n FROM sources')!.n)).toBe(2)
    expect(listTagInfo(archive)).toEqual([{ name: '防控', color: null, count: 0, rules: 0 }])
    await archive.close()
  })

  it('undo of a tag deletion skips documents deleted for good since', async () => {
    const { archive, a, b } = await archiveWithDocs()
    changeTags(archive, [a, b], ['防控'], [])
    deleteTags(archive, ['防控'])
    setTrashed(archive, [a], true)
    emptyTrash(archive)
    expect(undoLast(archive)).toMatchObject({ action: 'tag-delete' })
    expect(getRecord(archive, b)!.tags).toEqual(['防控'])
    await archive.close()
  })

  it('importing the file of a trashed document again restores it (undoably)', async () => {
    const { archive, a } = await archiveWithDocs()
    setTrashed(archive, [a], true)
    const input = rawInputFromText(TEXTS.a, 'a-again.txt')
    const [o] = storeSource(archive, { path: input.path, bytes: input.bytes, format: input.format, encoding: 'utf-8' }, await processInput(input))
    expect(o).toMatchObject({ kind: 'duplicate', id: a, restored: true })
    expect(getRecord(archive, a)!.trashed).toBe(false)
    expect(undoLast(archive)).toMatchObject({ action: 'restore', documentId: a })
    expect(getRecord(archive, a)!.trashed).toBe(true)
    await archive.close()
  })
})

describe('durability', () => {
  it('every acknowledged tag, rule and trash change is in the journal (a copy taken without closing reopens the same)', async () => {
    const { archive, dir, a, b, c } = await archiveWithDocs()
    changeTags(archive, [a, b], ['防控/隔离'], [])
    saveRule(archive, { name: '口罩', tag: '口罩', match: { kind: 'words', mode: 'any', words: ['口罩'] }, enabled: true })
    await runRules(archive)
    mergeTags(archive, ['防控/隔离'], '隔离')
    changeTags(archive, [b], [], ['口罩'])
    setTrashed(archive, [c], true)
    emptyTrash(archive)
    const state = (x: Archive): unknown => ({ tags: listTagInfo(x), rules: listRules(x), a: tagsOfDocument(x, a), b: tagsOfDocument(x, b), docs: listSummaries(x, {}).total })
    const before = state(archive)
    // As if the process were killed now: no snapshot, only what the journal holds.
    const copy = path.join(tmpDir(), 'crashed')
    fs.cpSync(dir, copy, { recursive: true })
    fs.rmSync(path.join(copy, 'archive.lock'), { force: true })
    const reopened = await Archive.open(copy)
    expect(state(reopened)).toEqual(before)
    expect(getRecord(reopened, c)).toBeNull()
    await runRules(reopened)
    expect(tagsOfDocument(reopened, b).map((t) => t.name)).toEqual(['隔离'])
    await reopened.close()
    await archive.close()
  })
})
