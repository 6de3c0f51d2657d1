// Snapshot files: archive.sqlite is the newest; backups/ holds the previous ones. Each has a
// sidecar "<sha256> <seq>" so a damaged file is recognised before it is trusted.
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { fsyncDir, writeFileAtomic, writeFileAtomicSync, ensureDir } from './fs-durable'
import { type ArchiveLayout, SNAPSHOTS_KEPT } from './layout'

export interface SnapshotFile {
  file: string
  sumFile: string
  /** Journal sequence number the snapshot includes, from its sidecar (null when the sidecar is missing). */
  seq: number | null
  /** Checksums the file may match: the sidecar's, and for archive.sqlite the one written just before it. */
  expectedSha: string[]
}

const BACKUP_RE = /^archive-(\d+)\.sqlite$/

function readSum(sumFile: string): { sha: string; seq: number } | null {
  try {
    const [sha, seq] = fs.readFileSync(sumFile, 'utf8').trim().split(/\s+/)
    if (!/^[0-9a-f]{64}$/.test(sha) || !/^\d+$/.test(seq)) return null
    return { sha, seq: Number(seq) }
  } catch {
    return null
  }
}

/** Snapshots to try on open, best first: archive.sqlite, then backups from newest to oldest. */
export function listSnapshots(layout: ArchiveLayout): SnapshotFile[] {
  const out: SnapshotFile[] = []
  if (fs.existsSync(layout.database)) {
    // A crash between renaming the new file and its sidecar leaves the new sum in .next.
    const sums = [readSum(layout.databaseSum), readSum(`${layout.databaseSum}.next`)].filter((x) => x !== null)
    out.push({ file: layout.database, sumFile: layout.databaseSum, seq: sums[0]?.seq ?? null, expectedSha: sums.map((x) => x.sha) })
  }
  if (fs.existsSync(layout.backups)) {
    const backups = fs
      .readdirSync(layout.backups)
      .map((f) => ({ f, m: BACKUP_RE.exec(f) }))
      .filter((x) => x.m)
      .map((x) => {
        const file = path.join(layout.backups, x.f)
        const sum = readSum(`${file}.sum`)
        return { file, sumFile: `${file}.sum`, seq: Number(x.m![1]), expectedSha: sum ? [sum.sha] : [] }
      })
      .sort((a, b) => b.seq - a.seq)
    out.push(...backups)
  }
  return out
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Chunks of a snapshot read ahead while the previous one is hashed. */
const READ_CHUNK = 8 * 1024 * 1024

/**
 * Read a snapshot and verify its checksum; returns the bytes or the reason it cannot be used. The file is
 * read in chunks and each is hashed while the next is read (at 400 MB, reading and hashing are 0.4 s
 * each: overlapped, not added).
 */
export async function readSnapshot(s: SnapshotFile): Promise<{ bytes: Uint8Array; readMs: number; verifyMs: number } | { problem: string }> {
  const t0 = performance.now()
  const hash = createHash('sha256')
  let hashMs = 0
  let bytes: Buffer
  try {
    const handle = await fs.promises.open(s.file, 'r')
    try {
      const size = (await handle.stat()).size
      bytes = Buffer.allocUnsafe(size)
      const next = (at: number): Promise<{ bytesRead: number }> | null => (at < size ? handle.read(bytes, at, Math.min(READ_CHUNK, size - at), at) : null)
      let off = 0
      for (let pending = next(0); pending; ) {
        const { bytesRead } = await pending
        if (bytesRead === 0) throw new Error(`it ended after ${off} of ${size} bytes`)
        const from = off
        off += bytesRead
        pending = next(off)
        const h0 = performance.now()
        hash.update(bytes.subarray(from, off))
        hashMs += performance.now() - h0
      }
    } finally {
      await handle.close()
    }
  } catch (e) {
    return { problem: `${path.basename(s.file)} cannot be read (${(e as Error).message})` }
  }
  if (s.expectedSha.length === 0) return { problem: `${path.basename(s.file)} has no checksum file (${path.basename(s.sumFile)})` }
  const actual = hash.digest('hex')
  if (!s.expectedSha.includes(actual)) {
    return { problem: `${path.basename(s.file)} is damaged: its checksum does not match (expected ${s.expectedSha[0].slice(0, 12)}…, found ${actual.slice(0, 12)}…)` }
  }
  return { bytes, readMs: performance.now() - t0 - hashMs, verifyMs: hashMs }
}

/**
 * Make `bytes` (the database at `seq`) the newest snapshot. The previous archive.sqlite becomes a
 * backup first (by hard link, so no moment exists without a valid newest file), then old backups
 * beyond the kept count are pruned. Returns the lowest seq that any kept snapshot holds.
 */
export async function writeSnapshot(layout: ArchiveLayout, bytes: Uint8Array, seq: number, prevSeq: number | null, sync = false): Promise<number> {
  ensureDir(layout.backups)
  if (prevSeq !== null && fs.existsSync(layout.database) && fs.existsSync(layout.databaseSum)) {
    const backup = path.join(layout.backups, `archive-${prevSeq}.sqlite`)
    if (!fs.existsSync(backup)) {
      fs.linkSync(layout.database, backup)
      fs.copyFileSync(layout.databaseSum, `${backup}.sum`)
      fsyncDir(layout.backups)
    }
  }
  // The new sidecar goes to .next first, so whichever moment a crash hits, archive.sqlite matches
  // one of the two sums (and if not, open falls back to a backup plus the journal, losing nothing).
  const next = `${layout.databaseSum}.next`
  if (sync) {
    writeFileAtomicSync(next, `${sha256(bytes)} ${seq}\n`)
    writeFileAtomicSync(layout.database, bytes)
  } else {
    // The checksum is taken chunk by chunk while the chunks are written (0.4 s of a 400 MB snapshot's
    // write, no longer added to it); the sidecar still exists before the file takes its name.
    const hash = createHash('sha256')
    await writeFileAtomic(layout.database, bytes, { hash, beforeRename: () => writeFileAtomicSync(next, `${hash.digest('hex')} ${seq}\n`) })
  }
  fs.renameSync(next, layout.databaseSum)
  fsyncDir(layout.dir)
  return pruneBackups(layout)
}

function pruneBackups(layout: ArchiveLayout): number {
  const snaps = listSnapshots(layout).filter((s) => s.file !== layout.database)
  const keep = snaps.slice(0, SNAPSHOTS_KEPT - 1)
  for (const s of snaps.slice(SNAPSHOTS_KEPT - 1)) {
    fs.rmSync(s.file, { force: true })
    fs.rmSync(s.sumFile, { force: true })
  }
  const seqs = keep.map((s) => s.seq ?? 0)
  // With no backup yet, the whole journal stays: it is the only way back if archive.sqlite is damaged.
  return seqs.length ? Math.min(...seqs) : 0
}

/** Keep a damaged newest snapshot aside (for inspection) instead of overwriting it silently. */
export function quarantine(file: string): string {
  const dest = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
  fs.renameSync(file, dest)
  return dest
}
