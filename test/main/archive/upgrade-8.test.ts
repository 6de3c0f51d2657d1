// An archive of schema 7 (whole simplified shadows, removed passages as plain JSON, region_categories indexed by document, rowid tables
// for regions of documents and similar pairs, 4 KiB pages) opens, migrates to schema 8, shrinks,
// reads back the same shadows and comparison rows, and its triggers keep that index exact afterwards.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { checkArchive } from '../../../src-main/node/archive/check'
import { getRecord } from '../../../src-main/node/archive/documents-read'
import { archiveLayout } from '../../../src-main/node/archive/layout'
import { PAGE_SIZE } from '../../../src-main/node/archive/load-db'
import { MIGRATIONS } from '../../../src-main/node/archive/migrations'
import { refreshTiers } from '../../../src-main/node/archive/region-tiers'
import { Originals } from '../../../src-main/node/archive/originals'
import { writeSnapshot } from '../../../src-main/node/archive/snapshots'
import { loadSqlJs } from '../../../src-main/node/archive/sqljs'
import { packText, registerTextFunctions } from '../../../src-main/node/archive/text-pack'
import { tmpDir } from '../helpers/tmp'

const DOCS = 300
const CATEGORIES = ['testing', 'masks', 'quarantine', 'venues']

function traditional(i: number): string {
  return Array.from({ length: 30 }, (_, k) => `第${k + 1}條 第${i}號通告：各區居民須持${(i + k) % 72}小時內核酸檢測陰性證明進出。`).join('\n')
}
const toSimplified = (t: string): string => t.replace(/條/g, '条').replace(/號/g, '号').replace(/區/g, '区').replace(/須/g, '须').replace(/時/g, '时')
  .replace(/內/g, '内').replace(/檢測/g, '检测').replace(/陰/g, '阴').replace(/證明/g, '证明').replace(/進/g, '进')
const removed = (i: number): { text: string; reason: string }[] => (i % 3 ? [] : [{ text: `责任编辑：第${i}号`, reason: 'other' }])
const date = (i: number): string | null => (i % 3 ? `2022-0${1 + (i % 9)}-1${i % 10}` : null)

async function writeSchema7Archive(dir: string): Promise<void> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  registerTextFunctions(db)
  db.run('PRAGMA foreign_keys = ON')
  for (const m of MIGRATIONS.filter((x) => x.version <= 7)) db.run(m.sql)
  db.run('PRAGMA user_version = 7')
  const now = '2022-05-01T00:00:00.000Z'
  db.run("INSERT INTO regions (code, name, level, province) VALUES ('110101', '东城区', 'district', '北京市'), ('310115', '浦东新区', 'district', '上海市')")
  const originals = new Originals(archiveLayout(dir).originals)
  for (let i = 0; i < DOCS; i++) {
    // Even documents are in traditional script (a whole shadow stored), odd ones already simplified.
    const text = i % 2 ? toSimplified(traditional(i)) : traditional(i)
    const original = Buffer.from(text, 'utf8')
    const sha = createHash('sha256').update(original).digest('hex')
    originals.restore(sha, original)
    db.run('INSERT INTO sources (sha256, path, format, encoding, size, imported_at) VALUES (?, ?, ?, ?, ?, ?)', [sha, `n${i}.txt`, 'txt', 'big5', original.length, now])
    db.run(
      `INSERT INTO documents (id, source_sha256, source_path, format, encoding, text, simplified, title, doc_type, script, date, removed_json, content_hash, extractor_version, imported_at, updated_at)
       VALUES (?, ?, ?, 'txt', 'big5', ?, ?, ?, 'notice', ?, ?, ?, ?, 19, ?, ?)`,
      [`doc-${i}`, sha, `n${i}.txt`, packText(text), i % 2 ? null : packText(toSimplified(text)), `通告${i}`, i % 2 ? 'simplified' : 'traditional', date(i), JSON.stringify(removed(i)), `h${i}`, now, now]
    )
    db.run("INSERT INTO document_regions (document_id, region_code, region_name) VALUES (?, '110101', '东城区')", [`doc-${i}`])
    if (i % 5 === 0) db.run("INSERT INTO document_regions (document_id, region_code, region_name) VALUES (?, '310115', '浦东新区')", [`doc-${i}`])
    for (let k = 0; k < 3; k++) {
      db.run('INSERT INTO measures (id, document_id, category, level, evidence_start, evidence_end, evidence_text, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        `m-${i}-${k}`, `doc-${i}`, CATEGORIES[(i + k) % CATEGORIES.length], 1 + k, k * 10, k * 10 + 8, text.slice(k * 10, k * 10 + 8), k === 2 && i % 4 === 0 ? 1 : 0
      ])
    }
    if (i % 10 === 1) db.run('INSERT INTO similar (a, b, score) VALUES (?, ?, 0.9)', [`doc-${i - 1}`, `doc-${i}`])
  }
  db.run("UPDATE meta SET value = '7' WHERE key = 'seq'")
  await originals.flush()
  originals.close()
  await writeSnapshot(archiveLayout(dir), db.export(), 7, null, true)
  db.close()
}

/** region_categories as measures, regions and dates say it should be. */
function derived(a: Archive): string[] {
  return a.column<string>(
    `SELECT DISTINCT dr.region_code || '|' || dr.region_name || '|' || m.category || '|' || COALESCE(d.date, '') || '|' || d.id AS k
     FROM measures m JOIN documents d ON d.id = m.document_id JOIN document_regions dr ON dr.document_id = d.id WHERE m.deleted = 0 ORDER BY k`
  )
}
const stored = (a: Archive): string[] =>
  a.column<string>("SELECT region_code || '|' || region_name || '|' || category || '|' || date || '|' || document_id AS k FROM region_categories ORDER BY k")
const shadow = (a: Archive, id: string): string | null => a.get<{ s: string | null }>('SELECT unpack_shadow(simplified, text) AS s FROM documents WHERE id = ?', [id])!.s

describe('upgrading an archive of schema 7', () => {
  it('stores shadows as differences, drops the index by document, rebuilds two tables without rowid and compacts to 8 KiB pages', async () => {
    const dir = tmpDir()
    await writeSchema7Archive(dir)

    const a = await Archive.open(dir)
    expect(Number(a.db.exec('PRAGMA user_version')[0].values[0][0])).toBeGreaterThanOrEqual(8)
    expect(Number(a.db.exec('PRAGMA page_size')[0].values[0][0])).toBe(PAGE_SIZE)
    expect(a.notices.join('\n')).toMatch(/compacted/)
    for (const i of [0, 1, 2, 151, DOCS - 1]) {
      expect(shadow(a, `doc-${i}`)).toBe(i % 2 ? null : toSimplified(traditional(i)))
      expect(getRecord(a, `doc-${i}`)!.removed).toEqual(removed(i))
    }
    // Removed passages are packed; a document without any keeps the plain '[]'.
    expect(a.column<string>("SELECT DISTINCT typeof(removed_json) FROM documents WHERE id IN ('doc-0', 'doc-1') ORDER BY 1")).toEqual(['blob', 'text'])
    // Every stored shadow is now a delta (its first byte 0x06), far smaller than the text it shadows.
    expect(a.column<number>('SELECT DISTINCT hex(substr(simplified, 1, 1)) FROM documents WHERE simplified IS NOT NULL')).toEqual(['06'])
    const ratio = a.get<{ r: number }>('SELECT SUM(length(simplified)) * 1.0 / SUM(length(text)) AS r FROM documents WHERE simplified IS NOT NULL')!.r
    expect(ratio).toBeLessThan(0.3)
    expect(a.column("SELECT name FROM sqlite_master WHERE name = 'region_categories_document'")).toEqual([])
    for (const t of ['document_regions', 'similar']) {
      expect(a.get<{ sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?', [t])!.sql).toMatch(/WITHOUT ROWID\s*$/)
    }
    expect(a.get<{ n: number }>('SELECT COUNT(*) AS n FROM measures')!.n).toBe(DOCS * 3)
    expect(a.get<{ n: number }>('SELECT COUNT(*) AS n FROM similar')!.n).toBe(DOCS / 10)
    expect(stored(a).length).toBeGreaterThan(DOCS)
    expect(stored(a)).toEqual(derived(a))

    // The rebuilt tables' triggers and the new ones keep the index exact through every kind of change.
    a.write((tx) => tx.run("UPDATE documents SET date = '2023-01-01' WHERE id = 'doc-3'"))
    a.write((tx) => tx.run("UPDATE documents SET date = NULL WHERE id = 'doc-4'"))
    a.write((tx) => {
      tx.run("DELETE FROM document_regions WHERE document_id = 'doc-5' AND region_code = '310115'")
      // As the program does with every region change (tiers depend on all of a document's regions).
      refreshTiers(tx, 'doc-5')
    })
    a.write((tx) => tx.run("UPDATE measures SET category = 'venues' WHERE document_id = 'doc-6'"))
    a.write((tx) => tx.run("UPDATE measures SET deleted = 1 WHERE document_id = 'doc-7'"))
    a.write((tx) => tx.run("DELETE FROM documents WHERE id IN ('doc-10', 'doc-11')"))
    expect(stored(a).some((k) => k.endsWith('|doc-10') || k.endsWith('|doc-7'))).toBe(false)
    expect(stored(a).some((k) => k.endsWith('|2023-01-01|doc-3'))).toBe(true)
    expect(stored(a)).toEqual(derived(a))
    expect(a.get<{ n: number }>("SELECT COUNT(*) AS n FROM similar WHERE a = 'doc-10' OR b = 'doc-11'")!.n).toBe(0)
    const after = stored(a)
    await a.close()

    expect((await checkArchive(dir)).problems).toEqual([])
    // Opened again: nothing left to migrate or compact; the index and the shadows read the same.
    const b = await Archive.open(dir)
    expect(b.notices.join('\n')).not.toMatch(/compacted/)
    expect(stored(b)).toEqual(after)
    expect(shadow(b, 'doc-2')).toBe(toSimplified(traditional(2)))
    await b.close()
  })
})
