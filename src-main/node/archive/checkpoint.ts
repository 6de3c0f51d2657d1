// A snapshot built from the files instead of from the live database: the newest snapshot plus the journal
// records up to a sequence number, exported and written as the new newest snapshot. It runs in a worker
// thread (workers/snapshot-worker.ts), so the seconds of export, checksum and write at 50,000 documents
// never hold up the thread that answers the interface. It rebuilds exactly what recovery would.
import { archiveLayout } from './layout'
import { Journal } from './journal'
import { compactIfSparse, loadNewestSnapshot, replayRecords } from './load-db'
import { writeSnapshot } from './snapshots'
import { loadSqlJs } from './sqljs'

export interface CheckpointRequest {
  dir: string
  /** Every record up to this one is in closed journal segments (the archive appends to a newer one). */
  throughSeq: number
  /** The sequence number of the current archive.sqlite, which becomes a backup. */
  prevSeq: number | null
}

export interface CheckpointResult {
  seq: number
  bytes: number
  exportMs: number
  writeMs: number
  /** Reading, verifying and opening the newest snapshot; replaying the journal records after it. */
  loadMs: number
  replayMs: number
  replayed: number
  /** The lowest sequence number any kept snapshot holds: journal segments below it may go. */
  covered: number
}

export async function checkpoint(req: CheckpointRequest): Promise<CheckpointResult> {
  const layout = archiveLayout(req.dir)
  const SQL = await loadSqlJs()
  const l0 = performance.now()
  const loaded = await loadNewestSnapshot(SQL, layout)
  const loadMs = performance.now() - l0
  try {
    const r0 = performance.now()
    const from = loaded.snapshotSeq ?? 0
    const read = new Journal(layout.journal).readAll(from, req.throughSeq)
    const problems = [...loaded.problems, ...read.problems]
    const { seq, replayed } = replayRecords(loaded.db, read.records, from, problems)
    const replayMs = performance.now() - r0
    if (seq !== req.throughSeq) {
      throw new Error(`the snapshot and journal rebuild record ${seq}, not ${req.throughSeq}${problems.length ? ` (${problems.join('; ')})` : ''}`)
    }
    compactIfSparse(loaded.db)
    const t0 = performance.now()
    const bytes = loaded.db.export()
    const exportMs = performance.now() - t0
    const t1 = performance.now()
    const covered = await writeSnapshot(layout, bytes, seq, req.prevSeq)
    return { seq, bytes: bytes.byteLength, exportMs, writeMs: performance.now() - t1, loadMs, replayMs, replayed, covered }
  } finally {
    loaded.db.close()
  }
}
