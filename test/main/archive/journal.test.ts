import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Journal, encodeRecord } from '../../../src-main/node/archive/journal'
import { tmpDir } from '../helpers/tmp'

describe('journal', () => {
  it('reads back what it appended, blobs included, across segments', () => {
    const dir = tmpDir()
    const j = new Journal(dir)
    j.append({ seq: 1, stmts: [['INSERT INTO t VALUES (?, ?)', ['a', 1]]] })
    j.append({ seq: 2, stmts: [['INSERT INTO t VALUES (?, ?)', [new Uint8Array([1, 2, 255]), null]]] })
    j.close()
    j.openSegment(3)
    j.append({ seq: 3, stmts: [['DELETE FROM t', []]] })
    j.close()
    const r = new Journal(dir).readAll()
    expect(r.problems).toEqual([])
    expect(r.tornTail).toBeNull()
    expect(r.records.map((x) => x.seq)).toEqual([1, 2, 3])
    expect(r.records[1].stmts[0][1][0]).toEqual(new Uint8Array([1, 2, 255]))
    expect(fs.readdirSync(dir).sort()).toEqual(['000000000001.log', '000000000003.log'])
  })

  it('treats a record cut at any byte as a torn tail and keeps every record before it', () => {
    const dir = tmpDir()
    const j = new Journal(dir)
    for (let s = 1; s <= 3; s++) j.append({ seq: s, stmts: [['INSERT INTO t VALUES (?)', [`value ${s} 中文`]]] })
    j.close()
    const file = path.join(dir, '000000000001.log')
    const full = fs.readFileSync(file)
    const lastLen = encodeRecord({ seq: 3, stmts: [['INSERT INTO t VALUES (?)', ['value 3 中文']]] }).length
    for (let cut = full.length - lastLen + 1; cut < full.length; cut++) {
      fs.writeFileSync(file, full.subarray(0, cut))
      const r = new Journal(dir).readAll()
      expect(r.records.map((x) => x.seq)).toEqual([1, 2])
      expect(r.tornTail).toEqual({ segment: file, offset: full.length - lastLen })
    }
  })

  it('reports damage inside an older segment as a problem, not as a torn tail', () => {
    const dir = tmpDir()
    const j = new Journal(dir)
    j.append({ seq: 1, stmts: [['SELECT 1', []]] })
    j.close()
    j.openSegment(2)
    j.append({ seq: 2, stmts: [['SELECT 2', []]] })
    j.close()
    const first = path.join(dir, '000000000001.log')
    const buf = fs.readFileSync(first)
    buf[buf.length - 2] ^= 0xff
    fs.writeFileSync(first, buf)
    const r = new Journal(dir).readAll()
    expect(r.tornTail).toBeNull()
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatch(/000000000001\.log is damaged.*checksum/)
    expect(r.records.map((x) => x.seq)).toEqual([2])
  })

  it('steps over records a snapshot holds without reading them, and still finds a torn tail after them', () => {
    const dir = tmpDir()
    const j = new Journal(dir)
    for (let s = 1; s <= 4; s++) j.append({ seq: s, stmts: [['INSERT INTO t VALUES (?)', [`记录 ${s}`.repeat(50)]]] })
    j.close()
    const file = path.join(dir, '000000000001.log')
    const buf = fs.readFileSync(file)
    // Damage inside record 1's payload: a covered record is not read, so it cannot stop the open.
    buf[100] ^= 0xff
    fs.writeFileSync(file, buf.subarray(0, buf.length - 5))
    const skipping = new Journal(dir).readAll(2)
    expect(skipping.records.map((x) => x.seq)).toEqual([3])
    expect(skipping.tornTail?.segment).toBe(file)
    // A full read (check) sees the damage, with records after it: not a torn tail.
    const full = new Journal(dir).readAll()
    expect(full.records).toEqual([])
    expect(full.problems.join('\n')).toMatch(/000000000001\.log is damaged at byte 0 \(checksum mismatch\)/)
  })

  it('prunes only segments that a kept snapshot fully covers', () => {
    const dir = tmpDir()
    const j = new Journal(dir)
    for (const first of [1, 5, 9]) {
      j.openSegment(first)
      j.append({ seq: first, stmts: [] })
    }
    j.prune(8)
    expect(fs.readdirSync(dir).sort()).toEqual(['000000000009.log'])
    j.close()
  })
})
