// Originals in pack files: written once per session into one file, read back across sessions,
// verified byte for byte, and still readable from the one-file-per-original layout of older archives.
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Originals } from '../../../src-main/node/archive/originals'
import { scanPacks } from '../../../src-main/node/archive/original-packs'
import { tmpDir } from '../helpers/tmp'

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')
const bytesOf = (s: string): Uint8Array => new Uint8Array(Buffer.from(s))

function store(o: Originals, text: string): string {
  const b = bytesOf(text)
  const h = sha(b)
  o.copyLater(h, b, (e) => {
    throw e
  })
  return h
}

describe('originals', () => {
  it('packs a session’s copies into one file and reads them back in later sessions', async () => {
    const dir = path.join(tmpDir(), 'originals')
    const first = new Originals(dir)
    const a = Array.from({ length: 50 }, (_, i) => store(first, `通告第${i}号：集中隔离14天`))
    expect(store(first, '通告第0号：集中隔离14天')).toBe(a[0]) // already there: not copied twice
    await first.flush()
    first.close()
    expect(fs.readdirSync(dir)).toEqual(['pack-000001.pack'])

    const second = new Originals(dir)
    const b = store(second, '另一份通知：48小时核酸阴性证明')
    await second.flush()
    second.close()
    expect(fs.readdirSync(dir).sort()).toEqual(['pack-000001.pack', 'pack-000002.pack'])

    const reader = new Originals(dir, true)
    expect(scanPacks(dir).entries.size).toBe(51)
    expect(Buffer.from(await reader.read(a[17])).toString()).toBe('通告第17号：集中隔离14天')
    expect(Buffer.from(await reader.read(b)).toString()).toBe('另一份通知：48小时核酸阴性证明')
    expect(reader.verify(a[49])).toBeNull()
    expect(reader.verify('0'.repeat(64))).toMatch(/missing/)
    expect(() => reader.copyLater(sha(bytesOf('x')), bytesOf('x'), (e) => { throw e })).toThrow(/read-only/)
  })

  it('reports a copy whose bytes changed on disk as damaged, and a restore supersedes it', async () => {
    const dir = path.join(tmpDir(), 'originals')
    const o = new Originals(dir)
    const h = store(o, '某县疫情防控指挥部通告')
    await o.flush()
    o.close()
    const pack = path.join(dir, 'pack-000001.pack')
    const raw = fs.readFileSync(pack)
    raw[raw.length - 1] ^= 0xff
    fs.writeFileSync(pack, raw)
    const damaged = new Originals(dir)
    expect(damaged.verify(h)).toMatch(/damaged/)
    expect(damaged.restore(h, bytesOf('某县疫情防控指挥部通告'))).toBe(true)
    expect(damaged.verify(h)).toBeNull()
    expect(damaged.restore(h, bytesOf('某县疫情防控指挥部通告'))).toBe(false)
    await damaged.flush()
    damaged.close()
    expect(new Originals(dir, true).verify(h)).toBeNull()
  })

  it('still reads originals an older version stored one file each', async () => {
    const dir = path.join(tmpDir(), 'originals')
    fs.mkdirSync(dir)
    const b = bytesOf('旧版原件')
    fs.writeFileSync(path.join(dir, sha(b)), b)
    const o = new Originals(dir)
    expect(o.has(sha(b))).toBe(true)
    expect(o.verify(sha(b))).toBeNull()
    expect(await o.read(sha(b))).toEqual(b)
    store(o, '旧版原件') // present: no pack is started
    await o.flush()
    o.close()
    expect(fs.readdirSync(dir)).toEqual([sha(b)])
  })
})
