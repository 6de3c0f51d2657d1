// A filter's words mean what they mean in the library's search box (either script, several words, NOT)
// wherever a filter is applied: the library list, the command line's list and the export of a filter.
// They used to be one literal substring there: "隔離 核酸" exported nothing while the library showed hundreds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiHarness } from '../helpers/api'
import { idsForFilter } from '../../../src-main/node/export/model-documents'
import { filterSql } from '../../../src-main/node/archive/documents-read'
import type { DocumentSummary } from '../../../src-main/common/record'

let h: ApiHarness
const ids: Record<string, string> = {}

beforeAll(async () => {
  h = await ApiHarness.open()
})
afterAll(() => h.close())

// (The import waits with expect.poll, which runs inside a test only.)
let imported: Promise<void> | null = null
const setUp = (): Promise<void> => (imported ??= importAll())

async function importAll(): Promise<void> {
  const docs = {
    simplified: '某县疫情防控指挥部通告\n一、所有入境人员实行集中隔离，并开展核酸检测。\n2022年5月6日',
    traditional: '某市衛生局公告\n一、入境人員須居家隔離並接受核酸檢測。\n2022年5月7日',
    dining: '某区疫情防控通告\n一、全区餐饮单位暂停堂食，实行集中隔离的人员除外。\n2022年5月8日'
  }
  for (const [key, text] of Object.entries(docs)) ids[key] = (await h.importText(text, `${key}.txt`)).id!
}

const listed = async (text: string): Promise<string[]> =>
  (await h.call<{ rows: DocumentSummary[] }>('documents.list', { filter: { text }, limit: 50 })).rows.map((r) => r.id).sort()
const of = (...keys: string[]): string[] => keys.map((k) => ids[k]).sort()

describe('a filter by words', () => {
  it('finds both scripts and every word, as the search box does', async () => {
    await setUp()
    expect(await listed('隔離 核酸')).toEqual(of('simplified', 'traditional'))
    expect(await listed('隔离')).toEqual(of('simplified', 'traditional', 'dining'))
    expect(await listed('隔离 -堂食')).toEqual(of('simplified', 'traditional'))
    expect(await listed('"居家隔离"')).toEqual(of('traditional'))
  })

  it('exports what the library lists', async () => {
    await setUp()
    expect(idsForFilter(h.archive, { text: '隔離 核酸' }).sort()).toEqual(of('simplified', 'traditional'))
    expect(idsForFilter(h.archive, { text: '檢測', from: '2022-05-07' })).toEqual([ids.traditional])
  })

  it('a tag covers the tags below it, with or without words (as in search)', async () => {
    await setUp()
    await h.call('documents.tag', { ids: [ids.dining], add: ['防控/隔离'] })
    expect((await h.call<{ rows: DocumentSummary[] }>('documents.list', { filter: { tag: '防控' } })).rows.map((r) => r.id)).toEqual([ids.dining])
    expect(idsForFilter(h.archive, { tag: '防控', text: '堂食' })).toEqual([ids.dining])
    expect(idsForFilter(h.archive, { tag: '防', text: '堂食' })).toEqual([])
  })

  it('is never guessed at by SQL alone', () => {
    expect(() => filterSql(h.archive, { text: '隔离' })).toThrow(/search index/)
  })
})
