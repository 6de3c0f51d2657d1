// Snapshots written by the worker thread from the files: the same content as the live database, writes
// made meanwhile kept, and a failed worker replaced by a direct snapshot.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { checkArchive } from '../../../src-main/node/archive/check'
import { tmpDir } from '../helpers/tmp'

const addTag = (a: Archive, name: string): void => a.write((tx) => tx.run('INSERT INTO tags (name, color) VALUES (?, ?)', [name, `#${name.length}`]))
const dump = (a: Archive): unknown[] => a.all('SELECT id, name, color FROM tags ORDER BY id')

describe('snapshots in a worker thread', () => {
  it('writes what the live database holds, and keeps the writes made while it runs', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir, { workerSnapshotBytes: 0 })
    for (let i = 0; i < 50; i++) addTag(a, `标签${i}`)
    const saving = a.snapshot()
    // The interface keeps writing while the worker rebuilds and writes the snapshot.
    for (let i = 50; i < 80; i++) addTag(a, `标签${i}`)
    const stats = await saving
    expect(stats?.worker).toBe(true)
    expect(stats?.seq).toBeGreaterThanOrEqual(50)
    const live = dump(a)
    await a.close()
    // Quitting writes the last snapshot directly: nothing waits for an answer then.
    expect(a.lastSnapshot?.worker).toBe(false)
    expect(a.lastSnapshot?.seq).toBe(a.sequence)

    const b = await Archive.open(dir, { workerSnapshotBytes: 0 })
    expect(dump(b)).toEqual(live)
    expect(b.openTimings.replayed).toBe(0)
    await b.close()
    expect((await checkArchive(dir)).problems).toEqual([])
  })

  it('falls back to a direct snapshot when the worker cannot rebuild the database', async () => {
    const dir = tmpDir()
    const a = await Archive.open(dir, { workerSnapshotBytes: 0 })
    addTag(a, 'first')
    await a.snapshot()
    addTag(a, 'second')
    await a.snapshot()
    addTag(a, 'third')
    // The segment holding record "third" vanishes: the worker cannot reach the live state from the files.
    const journal = path.join(dir, 'journal')
    const newest = fs.readdirSync(journal).sort().at(-1)!
    fs.rmSync(path.join(journal, newest))
    const stats = await a.snapshot()
    expect(stats?.worker).toBe(false)
    expect(a.notices.join('\n')).toMatch(/could not be written in the background/)
    await a.close()
    const b = await Archive.open(dir)
    expect(dump(b).map((r) => (r as { name: string }).name)).toEqual(['first', 'second', 'third'])
    await b.close()
  })
})
