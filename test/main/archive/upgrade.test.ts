// An archive written before texts were stored packed (schema 6) opens, migrates and shrinks without losing a character.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { checkArchive } from '../../../src-main/node/archive/check'
import { getRecord } from '../../../src-main/node/archive/documents-read'
import { archiveLayout } from '../../../src-main/node/archive/layout'
import { MIGRATIONS } from '../../../src-main/node/archive/migrations'
import { writeSnapshot } from '../../../src-main/node/archive/snapshots'
import { loadSqlJs } from '../../../src-main/node/archive/sqljs'
import { Originals } from '../../../src-main/node/archive/originals'
import { createHash } from 'node:crypto'
import { tmpDir } from '../helpers/tmp'

const DOCS = 400

function body(i: number): string {
  // Varied enough per document that packing is not trivially perfect, long enough to free many pages.
  return Array.from({ length: 60 }, (_, k) => `第${k + 1}条 第${i}号通告：来自中高风险地区的人员须持${(i + k) % 72}小时内核酸检测阴性证明。`).join('\n')
}

async function writeSchema6Archive(dir: string): Promise<void> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  for (const m of MIGRATIONS.filter((x) => x.version <= 6)) db.run(m.sql)
  db.run('PRAGMA user_version = 6')
  const now = '2022-05-01T00:00:00.000Z'
  const originals = new Originals(archiveLayout(dir).originals)
  for (let i = 0; i < DOCS; i++) {
    const original = Buffer.from(body(i), 'utf8')
    const sha = createHash('sha256').update(original).digest('hex')
    originals.restore(sha, original)
    db.run('INSERT INTO sources (sha256, path, format, encoding, size, raw_text, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [sha, `n${i}.txt`, 'txt', 'gbk', 100, new Uint8Array(2000), now])
    db.run(
      `INSERT INTO documents (id, source_sha256, source_path, format, encoding, text, simplified, title, doc_type, script, content_hash, extractor_version, imported_at, updated_at)
       VALUES (?, ?, ?, 'txt', 'gbk', ?, ?, ?, 'notice', ?, ?, 19, ?, ?)`,
      [`doc-${i}`, sha, `n${i}.txt`, body(i), i % 2 ? body(i).replace(/证明/g, '证明') : null, `通告${i}`, i % 2 ? 'traditional' : 'simplified', `h${i}`, now, now]
    )
  }
  db.run("UPDATE meta SET value = '7' WHERE key = 'seq'")
  await originals.flush()
  originals.close()
  await writeSnapshot(archiveLayout(dir), db.export(), 7, null, true)
  db.close()
}

describe('upgrading an archive from before packed texts', () => {
  it('packs every text, drops the unread raw text, compacts, and reads back the same documents', async () => {
    const dir = tmpDir()
    await writeSchema6Archive(dir)
    const before = fs.statSync(path.join(dir, 'archive.sqlite')).size

    const a = await Archive.open(dir)
    expect(Number(a.db.exec('PRAGMA user_version')[0].values[0][0])).toBeGreaterThanOrEqual(7)
    expect(a.notices.join('\n')).toMatch(/compacted/)
    expect(a.column("SELECT DISTINCT typeof(text) FROM documents")).toEqual(['blob'])
    expect(a.column("SELECT name FROM pragma_table_info('sources')")).not.toContain('raw_text')
    for (const i of [0, 1, 199, DOCS - 1]) {
      const rec = getRecord(a, `doc-${i}`)!
      expect(rec.text).toBe(body(i))
    }
    await a.close()

    const after = fs.statSync(path.join(dir, 'archive.sqlite')).size
    expect(after).toBeLessThan(before / 2)
    expect((await checkArchive(dir)).problems).toEqual([])
    // Opened again: nothing left to migrate or compact, and the texts still read the same.
    const b = await Archive.open(dir)
    expect(b.notices.join('\n')).not.toMatch(/compacted/)
    expect(getRecord(b, 'doc-3')!.text).toBe(body(3))
    await b.close()
  })
})
