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
import { tmpDir } from '../helpers/tmp'

function derived(a: Archive): string[] {
  return a
    .all<{ k: string }>(
      `SELECT DISTINCT dr.region_code || '|' || dr.region_name || '|' || m.category || '|' || COALESCE(d.date, '') || '|' || d.id AS k
       FROM measures m JOIN documents d ON d.id = m.document_id JOIN document_regions dr ON dr.document_id = d.id
       WHERE m.deleted = 0 ORDER BY k`
    )
    .map((r) => r.k)
}

function stored(a: Archive): string[] {
  return a
    .all<{ k: string }>("SELECT region_code || '|' || region_name || '|' || category || '|' || date || '|' || document_id AS k FROM region_categories ORDER BY k")
    .map((r) => r.k)
}

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

  it('the migration fills the index from measures already stored', async () => {
    archive = await Archive.open(path.join(tmpDir(), 'a'))
    addDoc(archive, { regions: ['371500'], date: '2022-01-01', measures: [{ category: 'testing', level: 3 }, { category: 'masks', level: 2 }] })
    addDoc(archive, { regions: ['220000', '220100'], date: null, measures: [{ category: 'quarantine', level: 4 }] })
    const expected = derived(archive)
    const m3 = MIGRATIONS.find((m) => m.version === 3)!.sql
    archive.write((tx) => {
      // Back to schema 2, then migration 3 again.
      const triggers = tx.column<string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%_categories%'")
      expect(triggers.length).toBeGreaterThanOrEqual(7)
      for (const name of triggers) tx.run(`DROP TRIGGER ${name}`)
      for (const name of ['doc_categories', 'region_categories']) tx.run(`DROP TABLE ${name}`)
      tx.run('DROP INDEX documents_compare')
      tx.run(m3)
    })
    expect(stored(archive)).toEqual(expected)
  })
})
