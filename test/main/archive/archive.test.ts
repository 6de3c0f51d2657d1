import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { checkArchive } from '../../../src-main/node/archive/check'
import { ArchiveLockedError } from '../../../src-main/node/archive/lock'
import { SCHEMA_VERSION } from '../../../src-main/node/archive/migrations'
import { tmpDir } from '../helpers/tmp'
import { addTag, tagNames, crash } from '../helpers/archive'

describe('archive store', () => {
  it('creates the folder layout and the schema at the latest migration', async () => {
    const dir = path.join(tmpDir(), 'new-archive')
    const a = await Archive.open(dir)
    expect(Number(a.db.exec('PRAGMA user_version')[0].values[0][0])).toBe(SCHEMA_VERSION)
    expect(a.all('SELECT name FROM sqlite_master WHERE type = ?', ['table']).map((r) => r.name)).toEqual(
      expect.arrayContaining(['documents', 'regions', 'document_regions', 'measures', 'tags', 'document_tags', 'saved_views', 'audit_log', 'sources'])
    )
    await a.close()
    expect(fs.readdirSync(dir).sort()).toEqual(expect.arrayContaining(['archive.sqlite', 'archive.sqlite.sum', 'journal']))
  })

  it('keeps every acknowledged write through a crash (journal replay), then snapshots it', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir)
    addTag(a, '一')
    await a.snapshot()
    addTag(a, '二')
    addTag(a, '三')
    crash(a)
    const b = await Archive.open(dir)
    expect(tagNames(b)).toEqual(['一', '二', '三'])
    await b.close()
    const c = await Archive.open(dir)
    expect(tagNames(c)).toEqual(['一', '二', '三'])
    await c.close()
  })

  it('rolls back a failed write entirely and journals nothing for it', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir)
    addTag(a, 'kept')
    const seq = a.sequence
    expect(() =>
      a.write((tx) => {
        tx.run('INSERT INTO tags (name) VALUES (?)', ['half'])
        tx.run('INSERT INTO tags (name) VALUES (?)', ['kept']) // UNIQUE violation
      })
    ).toThrow()
    expect(a.sequence).toBe(seq)
    expect(tagNames(a)).toEqual(['kept'])
    crash(a)
    const b = await Archive.open(dir)
    expect(tagNames(b)).toEqual(['kept'])
    await b.close()
  })

  it('falls back to the previous snapshot plus the journal when archive.sqlite is damaged', async () => {
    const dir = tmpDir()
    let a = await Archive.open(dir)
    addTag(a, 'before-first-snapshot')
    await a.close()
    a = await Archive.open(dir)
    addTag(a, 'after-first-snapshot')
    await a.close() // second snapshot: the first becomes a backup
    const db = path.join(dir, 'archive.sqlite')
    const bytes = fs.readFileSync(db)
    bytes.write('garbage!', 4096)
    fs.writeFileSync(db, bytes)

    const report = await checkArchive(dir)
    expect(report.ok).toBe(false)
    expect(report.problems.join('\n')).toMatch(/archive\.sqlite is damaged/)

    const b = await Archive.open(dir)
    expect(b.notices.join('\n')).toMatch(/recovered from the backup archive-\d+\.sqlite and the journal/)
    expect(tagNames(b)).toEqual(['before-first-snapshot', 'after-first-snapshot'])
    await b.close()
    expect(fs.readdirSync(dir).some((f) => f.startsWith('archive.sqlite.damaged-'))).toBe(true)
    expect((await checkArchive(dir)).ok).toBe(true)
  })

  it('rebuilds from the journal alone when the only snapshot is damaged', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir)
    addTag(a, 'x')
    await a.close()
    fs.writeFileSync(path.join(dir, 'archive.sqlite'), 'not a database at all')
    const b = await Archive.open(dir)
    expect(tagNames(b)).toEqual(['x'])
    await b.close()
  })

  it('keeps five snapshots and prunes the journal they cover', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir)
    for (let i = 0; i < 8; i++) {
      addTag(a, `t${i}`)
      await a.snapshot()
    }
    await a.close()
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))
    expect(backups).toHaveLength(4)
    // The oldest kept backup plus the remaining journal still rebuild everything.
    fs.writeFileSync(path.join(dir, 'archive.sqlite'), 'damaged')
    for (const f of backups.sort().slice(1)) fs.writeFileSync(path.join(dir, 'backups', f), 'damaged')
    const b = await Archive.open(dir)
    expect(tagNames(b)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'])
    await b.close()
  })

  it('allows one writer at a time and takes over a lock left by a dead process', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir)
    await expect(Archive.open(dir)).rejects.toBeInstanceOf(ArchiveLockedError)
    const ro = await Archive.open(dir, { readOnly: true })
    expect(() => addTag(ro, 'no')).toThrow(/read-only/)
    await ro.close()
    await a.close()
    fs.writeFileSync(path.join(dir, 'archive.lock'), '999999999')
    const b = await Archive.open(dir)
    await b.close()
  })

  it('restores an original lost or torn before the snapshot from the journal record that carried it', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir)
    const bytes = new Uint8Array(Buffer.from('原件内容：某县疫情防控通告'))
    const sha = createHash('sha256').update(bytes).digest('hex')
    a.write((tx) => tx.run('INSERT INTO tags (name) VALUES (?)', ['with-file']), [{ sha256: sha, bytes }])
    expect(await a.originals.read(sha)).toEqual(bytes)
    crash(a)
    // As after a power cut before fsync: the copy's last bytes never reached the disk.
    const pack = path.join(dir, 'originals', 'pack-000001.pack')
    fs.truncateSync(pack, fs.statSync(pack).size - 3)
    const b = await Archive.open(dir)
    expect(b.notices.join('\n')).toMatch(/1 original file\(s\) .* restored from the journal/)
    expect(b.notices.join('\n')).toMatch(/pack-000001\.pack ended in an incomplete copy .* cut off/)
    expect(fs.statSync(pack).size).toBe(0)
    expect(b.originals.verify(sha)).toBeNull()
    expect(await b.originals.read(sha)).toEqual(bytes)
    await b.close()
    expect((await checkArchive(dir)).problems).toEqual([])
  })

  it('refuses an archive written by a newer version instead of touching it', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir)
    a.write((tx) => tx.run('PRAGMA user_version = 999'))
    await a.close()
    const before = fs.readFileSync(path.join(dir, 'archive.sqlite'))
    await expect(Archive.open(dir)).rejects.toThrow(/written by a newer Policy Archive \(schema 999\)/)
    expect(fs.readFileSync(path.join(dir, 'archive.sqlite'))).toEqual(before)
    expect(fs.existsSync(path.join(dir, 'archive.lock'))).toBe(false)
  })

  it('snapshots after a quiet period without blocking writes', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir, { idleSnapshotMs: 20 })
    addTag(a, 'quiet')
    await new Promise((r) => setTimeout(r, 150))
    expect(a.lastSnapshot?.seq).toBe(a.sequence)
    expect(a.lastSnapshot!.bytes).toBeGreaterThan(0)
    await a.close()
  })
})
