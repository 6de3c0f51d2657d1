// Queries whose cost must not grow with the archive read through an index: the library's first page
// (documents.list, unfiltered) in its date orders, and a document's near-duplicate links either way.
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { LIST_ORDER, listSummaries } from '../../../src-main/node/archive/documents-read'
import { addDoc } from '../compare/helpers'
import { tmpDir } from '../helpers/tmp'

describe('the library list in date order', () => {
  let archive: Archive
  afterEach(async () => archive?.close())

  it('pages through an index, newest and by date, and still sorts as before', async () => {
    archive = await Archive.open(path.join(tmpDir(), 'a'))
    const ids = [
      addDoc(archive, { regions: ['370100'], date: '2022-03-01', measures: [] }),
      addDoc(archive, { regions: ['370100'], date: null, measures: [] }),
      addDoc(archive, { regions: ['370100'], date: '2022-05-01', measures: [] })
    ]
    for (const sort of ['newest', 'date'] as const) {
      const plan = archive.db
        .exec(`EXPLAIN QUERY PLAN SELECT d.id FROM documents d WHERE d.trashed_at IS NULL ORDER BY ${LIST_ORDER[sort]} LIMIT 50`)[0]
        .values.map((v) => String(v[3]))
      expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/)
    }
    expect(listSummaries(archive, {}, { sort: 'newest' }).rows.map((r) => r.id)).toEqual([...ids].reverse())
    expect(listSummaries(archive, {}, { sort: 'date' }).rows.map((r) => r.id)).toEqual([ids[2], ids[0], ids[1]])
  })

  it('finds near-duplicate links by either document, as deleting a document does', async () => {
    archive = await Archive.open(path.join(tmpDir(), 'b'))
    for (const sql of ['DELETE FROM similar WHERE b = ?', 'SELECT a FROM similar WHERE b = ?', 'DELETE FROM similar WHERE a = ?']) {
      const plan = archive.db.exec(`EXPLAIN QUERY PLAN ${sql}`, ['x'])[0].values.map((v) => String(v[3]))
      expect(plan.join(' | ')).toMatch(/^SEARCH similar USING (COVERING INDEX|INDEX|PRIMARY KEY)/)
    }
  })
})
