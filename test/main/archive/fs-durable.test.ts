// Writing a file atomically with its checksum taken chunk by chunk as the chunks are written: the sum
// equals the whole file's, and a sidecar written in beforeRename exists before the file takes its name.
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../src-main/node/archive/fs-durable'
import { listSnapshots, readSnapshot, sha256, writeSnapshot } from '../../../src-main/node/archive/snapshots'
import { archiveLayout } from '../../../src-main/node/archive/layout'
import { tmpDir } from '../helpers/tmp'

describe('writeFileAtomic with a running checksum', () => {
  it('hashes every byte once, in order, across several chunks', async () => {
    const file = path.join(tmpDir(), 'big.bin')
    // Over two 8 MB chunks, not a multiple of them, and not one repeated byte.
    const data = new Uint8Array(8 * 1024 * 1024 * 2 + 12345)
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24
    const hash = createHash('sha256')
    let existedBeforeRename: boolean | null = null
    await writeFileAtomic(file, data, { hash, beforeRename: () => (existedBeforeRename = fs.existsSync(file)) })
    expect(existedBeforeRename).toBe(false)
    expect(hash.digest('hex')).toBe(sha256(data))
    expect(sha256(fs.readFileSync(file))).toBe(sha256(data))
  })

  it('a failing beforeRename leaves the old file in place and no temporary file', async () => {
    const dir = tmpDir()
    const file = path.join(dir, 'f.bin')
    fs.writeFileSync(file, 'old')
    await expect(
      writeFileAtomic(file, new Uint8Array([1, 2, 3]), {
        beforeRename: () => {
          throw new Error('sidecar failed')
        }
      })
    ).rejects.toThrow('sidecar failed')
    expect(fs.readFileSync(file, 'utf8')).toBe('old')
    expect(fs.readdirSync(dir)).toEqual(['f.bin'])
  })
})

describe('reading a snapshot in chunks, each hashed while the next is read', () => {
  it('returns every byte of a file over several chunks, and rejects one changed byte in a later chunk', async () => {
    const layout = archiveLayout(tmpDir())
    const data = new Uint8Array(8 * 1024 * 1024 * 2 + 777)
    for (let i = 0; i < data.length; i++) data[i] = (i * 40503) >>> 8
    await writeSnapshot(layout, data, 7, null)
    const ok = await readSnapshot(listSnapshots(layout)[0])
    expect('bytes' in ok && sha256(ok.bytes)).toBe(sha256(data))
    const fd = fs.openSync(layout.database, 'r+')
    fs.writeSync(fd, new Uint8Array([data[8 * 1024 * 1024 * 2 + 5] ^ 1]), 0, 1, 8 * 1024 * 1024 * 2 + 5)
    fs.closeSync(fd)
    const bad = await readSnapshot(listSnapshots(layout)[0])
    expect('problem' in bad && bad.problem).toMatch(/is damaged: its checksum does not match/)
  })
})
