// region_categories (migration 3) is derived from measures, document_regions and documents by
// triggers: after every kind of write it must equal what those tables say.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { addMeasure, deleteMeasure, setRegions, undoLast, updateFields, updateMeasure } from '../../../src-main/node/archive/corrections'
import { getRecord } from '../../../src-main/node/archive/documents-read'
import { regionByCode } from '../../../src-main/node/extract/regions/gazetteer'
import { MIGRATIONS } from '../../../src-main/node/archive/migrations'
import { addDoc } from './helpers'
import { compareRegions } from '../../../src-main/node/compare'
import { checkArchive } from '../../../src-main/node/archive/check'
import { OWN, SHARED, tierOf } from '../../../src-main/node/compare/tier'
import { tmpDir } from '../helpers/tmp'

/** What the index must hold, the tier judged here from the document's issuer and regions (compare/tier.ts). */
function derived(a: Archive): string[] {
  const regions = new Map<string, { code: string; name: string }[]>()
  for (const r of a.all<{ id: string; code: string; name: string }>('SELECT document_id AS id, region_code AS code, region_name AS name FROM document_regions')) {
    regions.set(r.id, [...(regions.get(r.id) ?? []), r])
  }
  return a
    .all<{ code: string; name: string; category: string; date: string; id: string; issuer: string | null }>(
      `SELECT DISTINCT dr.region_code AS code, dr.region_name AS name, m.category, COALESCE(d.date, '') AS date, d.id, d.issuer
       FROM measures m JOIN documents d ON d.id = m.document_id JOIN document_regions dr ON dr.document_id = d.id
       WHERE m.deleted = 0`
    )
    .map((r) => [r.code, r.name, r.category, tierOf({ issuer: r.issuer, regions: regions.get(r.id) ?? [] }, r), r.date, r.id].join('|'))
    .sort()
}

function stored(a: Archive): string[] {
  return a
    .all<{ k: string }>("SELECT region_code || '|' || region_name || '|' || category || '|' || tier || '|' || date || '|' || document_id AS k FROM region_categories")
    .map((r) => r.k)
    .sort()
}

const tiers = (a: Archive, id: string): string[] => stored(a).filter((k) => k.endsWith(`|${id}`)).map((k) => k.split('|').slice(0, 4).join('|'))

describe('the comparison index kept by triggers', () => {
  let archive: Archive
  afterEach(async () => archive?.close())

  it('follows imports, corrections, undo, region changes, date changes, deletions and journal replay', async () => {
    const dir = path.join(tmpDir(), 'a')
    archive = await Archive.open(dir)
    const a = addDoc(archive, { regions: ['371500', '371502'], date: '2022-01-01', measures: [{ category: 'testing', level: 3 }, { category: 'testing', level: 1 }, { category: 'masks', level: 2 }] })
    const b = addDoc(archive, { regions: ['140100'], date: null, measures: [{ category: 'quarantine', level: 4 }] })
    expect(stored(archive)).toEqual(derived(archive))
    expect(stored(archive)).toHaveLength(5)
    const [t1, t2] = getRecord(archive, a)!.measures.filter((m) => m.category === 'testing').map((m) => m.id!)
    deleteMeasure(archive, t1)
    expect(stored(archive)).toEqual(derived(archive))
    deleteMeasure(archive, t2)
    expect(stored(archive)).toEqual(derived(archive))
    expect(stored(archive).some((k) => k.includes('|testing|'))).toBe(false)
    undoLast(archive)
    expect(stored(archive)).toEqual(derived(archive))
    const mask = getRecord(archive, a)!.measures.find((m) => m.category === 'masks')!.id!
    updateMeasure(archive, mask, { category: 'venues' })
    expect(stored(archive)).toEqual(derived(archive))
    addMeasure(archive, b, { category: 'schools', level: 3, params: {}, target: null, lifted: false, start: 0, end: 2 })
    setRegions(archive, b, [regionByCode('140000')!, regionByCode('140100')!])
    updateFields(archive, b, { date: '2022-05-05' })
    expect(stored(archive)).toEqual(derived(archive))
    undoLast(archive)
    expect(stored(archive)).toEqual(derived(archive))
    // Tiers follow the issuer: the province's notice is its own and shares the city it names; issued by a
    // district, it only shares both.
    const c = addDoc(archive, { regions: ['370000', '370100'], issuer: '山东省卫生健康委员会', date: '2022-03-01', measures: [{ category: 'masks', level: 2 }] })
    expect(tiers(archive, c)).toEqual([`370000|山东省|masks|${OWN}`, `370100|济南市|masks|${SHARED}`])
    updateFields(archive, c, { issuer: '济南市历下区卫生健康局' })
    expect(tiers(archive, c)).toEqual([`370000|山东省|masks|${SHARED}`, `370100|济南市|masks|${SHARED}`])
    expect(stored(archive)).toEqual(derived(archive))
    setRegions(archive, c, [regionByCode('370100')!])
    expect(stored(archive)).toEqual(derived(archive))
    undoLast(archive)
    expect(stored(archive)).toEqual(derived(archive))
    undoLast(archive)
    expect(tiers(archive, c)).toEqual([`370000|山东省|masks|${OWN}`, `370100|济南市|masks|${SHARED}`])
    expect(stored(archive)).toEqual(derived(archive))
    // Deleting a document (as merging and re-processing do) cascades to its measures and regions.
    archive.write((tx) => tx.run('DELETE FROM documents WHERE id = ?', [a]))
    expect(stored(archive).some((k) => k.endsWith(`|${a}`))).toBe(false)
    expect(stored(archive)).toEqual(derived(archive))
    // A killed process leaves the journal: replaying it rebuilds the same index.
    const copy = path.join(tmpDir(), 'copy')
    fs.cpSync(dir, copy, { recursive: true })
    fs.rmSync(path.join(copy, 'archive.lock'), { force: true })
    const before = stored(archive)
    await archive.close()
    archive = await Archive.open(copy)
    expect(stored(archive)).toEqual(before)
    expect(stored(archive)).toEqual(derived(archive))
  })

  it('the migrations fill the index, tiers included, from measures already stored', async () => {
    archive = await Archive.open(path.join(tmpDir(), 'a'))
    addDoc(archive, { regions: ['371500'], date: '2022-01-01', measures: [{ category: 'testing', level: 3 }, { category: 'masks', level: 2 }] })
    addDoc(archive, { regions: ['220000', '220100'], date: null, measures: [{ category: 'quarantine', level: 4 }] })
    addDoc(archive, { regions: ['370000', '370100'], issuer: '济南市卫生健康委员会', date: '2022-02-01', measures: [{ category: 'masks', level: 1 }] })
    const expected = derived(archive)
    expect(new Set(expected.map((k) => k.split('|')[3]))).toEqual(new Set(['0', '1']))
    const m3 = MIGRATIONS.find((m) => m.version === 3)!.sql
    const m10 = MIGRATIONS.find((m) => m.version === 10)!
    archive.write((tx) => {
      // Back to schema 2 (and document_regions without tiers), then migrations 3 and 10 again.
      const triggers = tx.column<string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%_categories%'")
      expect(triggers.length).toBeGreaterThanOrEqual(7)
      for (const name of triggers) tx.run(`DROP TRIGGER ${name}`)
      for (const name of ['doc_categories', 'region_categories']) tx.run(`DROP TABLE ${name}`)
      tx.run('DROP INDEX documents_compare')
      tx.run('ALTER TABLE document_regions DROP COLUMN tier')
      tx.run(m3)
      tx.run(m10.sql)
      m10.then!(tx)
    })
    expect(stored(archive)).toEqual(expected)
  })
})

describe('an archive from before tiers, opened read-only (the app holds it)', () => {
  it('compares as the upgraded archive does, without writing anything', async () => {
    const dir = path.join(tmpDir(), 'old')
    let a = await Archive.open(dir)
    addDoc(a, { regions: ['370000', '370100'], issuer: '山东省卫生健康委员会', date: '2022-03-01', measures: [{ category: 'masks', level: 2 }] })
    addDoc(a, { regions: ['370100'], issuer: '济南市卫生健康委员会', date: '2022-02-01', measures: [{ category: 'masks', level: 1 }] })
    addDoc(a, { regions: ['370100', '370102'], issuer: '青岛市卫生健康委员会', date: '2022-04-01', measures: [{ category: 'testing', level: 3 }] })
    const keys = ['370000', '370100', '370102']
    const expected = compareRegions(a, keys, null)
    expect(expected.cells.length).toBeGreaterThan(0)
    // Back to schema 9: region_categories without tiers.
    a.write((tx) => {
      for (const name of tx.column<string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%region_categories%'")) tx.run(`DROP TRIGGER ${name}`)
      tx.run('DROP TABLE region_categories')
      tx.run(`CREATE TABLE region_categories (region_code TEXT NOT NULL, region_name TEXT NOT NULL, category TEXT NOT NULL, date TEXT NOT NULL,
        document_id TEXT NOT NULL, PRIMARY KEY (region_code, region_name, category, date, document_id)) WITHOUT ROWID`)
      tx.run(`INSERT INTO region_categories SELECT dr.region_code, dr.region_name, dc.category, COALESCE(d.date, ''), d.id
        FROM doc_categories dc JOIN document_regions dr ON dr.document_id = dc.document_id JOIN documents d ON d.id = dc.document_id`)
      tx.run('ALTER TABLE document_regions DROP COLUMN tier')
      tx.run('PRAGMA user_version = 9')
    })
    await a.snapshot(true)
    await a.close()
    const before = fs.readFileSync(path.join(dir, 'archive.sqlite'))
    a = await Archive.open(dir, { readOnly: true })
    try {
      expect(compareRegions(a, keys, null)).toEqual(expected)
    } finally {
      await a.close()
    }
    expect(fs.readFileSync(path.join(dir, 'archive.sqlite')).equals(before)).toBe(true)
  })
})

describe('check', () => {
  it('reports a tier or an index row that disagrees with the documents', async () => {
    const dir = path.join(tmpDir(), 'c')
    const a = await Archive.open(dir)
    const id = addDoc(a, { regions: ['370000', '370100'], issuer: '山东省卫生健康委员会', date: '2022-03-01', measures: [{ category: 'masks', level: 2 }] })
    await a.close()
    expect((await checkArchive(dir)).problems).toEqual([])
    const b = await Archive.open(dir)
    // Written behind the triggers' and the program's backs, as a bug would.
    b.write((tx) => tx.run("UPDATE document_regions SET tier = 2 WHERE document_id = ? AND region_code = '370000'", [id]))
    b.write((tx) => tx.run("DELETE FROM region_categories WHERE document_id = ? AND region_code = '370100'", [id]))
    await b.close()
    const problems = (await checkArchive(dir)).problems.join('\n')
    expect(problems).toMatch(/^1 document regions have a comparison tier/m)
    expect(problems).toMatch(/^1 rows of the comparison index/m)
  })
})
