// Damaged files on disk: a journal cut short or with a flipped byte, a truncated snapshot, every snapshot
// damaged, a pack with a flipped byte. Each case: what can be recovered is, and the message names the
// file and the reason. (archive.test.ts covers a garbage-filled archive.sqlite and a torn pack tail.)
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { checkArchive } from '../../../src-main/node/archive/check'
import { tmpDir } from '../helpers/tmp'
import { addTag, tagNames, crash } from '../helpers/archive'

const segments = (dir: string): string[] => fs.readdirSync(path.join(dir, 'journal')).filter((f) => f.endsWith('.log')).sort()

/** An archive whose only journal segment holds the migrations and then one record per tag. */
async function journalOnly(tags: string[]): Promise<{ dir: string; segment: string; offsets: number[] }> {
  const dir = tmpDir()
  const a = await Archive.open(dir)
  const segment = path.join(dir, 'journal', segments(dir)[0])
  const offsets: number[] = []
  for (const t of tags) {
    offsets.push(fs.statSync(segment).size)
    addTag(a, t)
  }
  crash(a)
  return { dir, segment, offsets }
}

describe('recovery from damaged files', () => {
  it('a journal cut off inside its last record, or in the middle of the file, keeps every record before the cut', async () => {
    const tags = ['一', '二', '三', '四', '五']
    for (const [cutAt, kept] of [
      [(o: number[]) => o[4] + 5, 4], // inside the last record's header
      [(o: number[]) => o[3] + 20, 3], // the middle of the file: records four and five are gone
      [(o: number[]) => o[2] + 9, 2]
    ] as const) {
      const { dir, segment, offsets } = await journalOnly(tags)
      fs.truncateSync(segment, cutAt(offsets))
      const b = await Archive.open(dir)
      expect(tagNames(b)).toEqual(tags.slice(0, kept))
      expect(b.notices.join('\n')).toMatch(/the last journal record \(journal\/\d{12}\.log\) was incomplete \(the program stopped while writing it\) and was ignored/)
      expect(b.problems).toEqual([])
      addTag(b, 'after')
      crash(b)
      const c = await Archive.open(dir)
      expect(tagNames(c)).toEqual([...tags.slice(0, kept), 'after'])
      await c.close()
      expect((await checkArchive(dir)).ok).toBe(true)
    }
  })

  it('a flipped byte inside a journal record with records after it: named as damage, not cut off, and later writes still count', async () => {
    const { dir, segment, offsets } = await journalOnly(['一', '二', '三', '四'])
    const raw = fs.readFileSync(segment)
    raw[offsets[2] + 20] ^= 0x55
    fs.writeFileSync(segment, raw)

    const report = await checkArchive(dir)
    expect(report.ok).toBe(false)
    const damage = new RegExp(`journal segment ${path.basename(segment)} is damaged at byte ${offsets[2]} \\(checksum mismatch\\)`)
    expect(report.problems.join('\n')).toMatch(damage)

    const b = await Archive.open(dir)
    expect(tagNames(b)).toEqual(['一', '二'])
    expect(b.notices.join('\n')).toMatch(damage)
    expect(b.notices.join('\n')).not.toMatch(/last journal record .* was incomplete/)
    // Kept as it was (the records after the damage may still be read by hand), not truncated as a torn tail.
    expect(fs.statSync(segment).size).toBe(raw.length)
    addTag(b, 'after')
    crash(b)
    const c = await Archive.open(dir)
    expect(tagNames(c)).toEqual(['一', '二', 'after'])
    await c.close()
  })

  it('a damaged first record: the segment is set aside and new records start a readable one', async () => {
    const { dir, segment } = await journalOnly(['一'])
    const raw = fs.readFileSync(segment)
    raw[12] ^= 0xff
    fs.writeFileSync(segment, raw)
    const b = await Archive.open(dir)
    expect(b.notices.join('\n')).toMatch(new RegExp(`journal segment ${path.basename(segment)} is damaged at byte 0 \\(checksum mismatch\\)`))
    addTag(b, 'after')
    crash(b)
    expect(fs.readdirSync(path.join(dir, 'journal')).some((f) => f.startsWith(`${path.basename(segment)}.damaged-`))).toBe(true)
    const c = await Archive.open(dir)
    expect(tagNames(c)).toEqual(['after'])
    await c.close()
    expect((await checkArchive(dir)).problems).toEqual([])
  })

  it('a truncated archive.sqlite: named with its reason, rebuilt from the backup and the journal', async () => {
    const dir = tmpDir()
    for (const t of ['一', '二', '三']) {
      const a = await Archive.open(dir)
      addTag(a, t)
      await a.close()
    }
    const db = path.join(dir, 'archive.sqlite')
    fs.truncateSync(db, Math.floor(fs.statSync(db).size / 2))
    const b = await Archive.open(dir)
    expect(b.problems.join('\n')).toMatch(/archive\.sqlite is damaged: its checksum does not match/)
    expect(b.notices.join('\n')).toMatch(/recovered from the backup archive-\d+\.sqlite and the journal/)
    expect(tagNames(b)).toEqual(['一', '二', '三'])
    await b.close()
    expect(fs.readdirSync(dir).some((f) => f.startsWith('archive.sqlite.damaged-'))).toBe(true)
    expect((await checkArchive(dir)).problems).toEqual([])
  })

  it('every snapshot damaged: each is named, so is the gap the pruned journal leaves; the archive opens, takes writes and keeps the damaged file', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir)
    addTag(a, '一')
    await a.snapshot()
    addTag(a, '二')
    await a.snapshot()
    addTag(a, '三')
    crash(a)
    const snapshots = [path.join(dir, 'archive.sqlite'), ...fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite')).map((f) => path.join(dir, 'backups', f))]
    expect(snapshots.length).toBeGreaterThanOrEqual(2)
    for (const s of snapshots) {
      const raw = fs.readFileSync(s)
      raw[raw.length >> 1] ^= 0xff
      fs.writeFileSync(s, raw)
    }
    const report = await checkArchive(dir)
    expect(report.ok).toBe(false)
    for (const s of snapshots) expect(report.problems.join('\n')).toContain(`${path.basename(s)} is damaged: its checksum does not match`)

    const b = await Archive.open(dir)
    expect(b.notices.join('\n')).toMatch(/no usable snapshot: the archive is rebuilt from the journal/)
    // The journal before the oldest kept snapshot was pruned: the gap is named, and nothing after it is
    // replayed out of order.
    expect(b.problems.join('\n')).toMatch(/the journal is missing records 1–\d+/)
    expect(tagNames(b)).toEqual([])
    addTag(b, 'after')
    await b.close()
    expect(fs.readdirSync(dir).some((f) => f.startsWith('archive.sqlite.damaged-'))).toBe(true)
  })

  it('a pack with a flipped byte: the damaged original and its pack are named, the others stay readable', async () => {
    const dir = tmpDir()
    const files = ['第一份原件：某县通告', '第二份原件：某市通知', '第三份原件：某区公告'].map((t) => {
      const bytes = new Uint8Array(Buffer.from(t))
      return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes }
    })
    // Three sessions: the journal records that carried the bytes are pruned, so only the pack holds them.
    let a = await Archive.open(dir)
    files.forEach((f, i) => a.write((tx) => tx.run('INSERT INTO sources (sha256, path, format, encoding, size, imported_at) VALUES (?, ?, ?, ?, ?, ?)', [f.sha256, `f${i}.txt`, 'txt', 'utf-8', f.bytes.length, 'x']), [f]))
    await a.close()
    for (const t of ['一', '二']) {
      a = await Archive.open(dir)
      addTag(a, t)
      await a.close()
    }
    const pack = path.join(dir, 'originals', 'pack-000001.pack')
    const raw = fs.readFileSync(pack)
    const entry = (i: number): number => raw.indexOf(Buffer.from(files[i].bytes))
    raw[entry(0) + 3] ^= 0x20 // inside the first original's bytes
    raw[entry(1) - 44] ^= 0xff // the second entry's header
    fs.writeFileSync(pack, raw)

    const report = await checkArchive(dir)
    expect(report.ok).toBe(false)
    const problems = report.problems.join('\n')
    expect(problems).toContain(`original file ${files[0].sha256.slice(0, 12)}… in originals/pack-000001.pack is damaged (its content no longer matches its hash)`)
    expect(problems).toContain(`original file ${files[1].sha256.slice(0, 12)}… is missing (originals/pack-000001.pack is damaged at byte ${entry(1) - 44})`)
    expect(problems).not.toContain(files[2].sha256.slice(0, 12))

    const b = await Archive.open(dir)
    expect(await b.originals.read(files[2].sha256)).toEqual(files[2].bytes)
    // Damage inside a pack is not a torn tail: nothing is cut off.
    expect(fs.statSync(pack).size).toBe(raw.length)
    expect(b.notices.join('\n')).not.toMatch(/incomplete copy/)
    await b.close()
  })
})
