// Building the in-memory database from the files on disk: the newest sound snapshot, then the journal
// records after it. Archive.open and the snapshot worker (checkpoint.ts) share these steps, so a
// snapshot written off the main thread holds exactly what recovery would rebuild.
import path from 'node:path'
import type { Database, SqlJsStatic, SqlValue, Statement as SqlStatement } from 'sql.js'
import type { ArchiveLayout } from './layout'
import type { JournalRecord, Statement } from './journal'
import { listSnapshots, readSnapshot } from './snapshots'
import { registerTextFunctions } from './text-pack'

/** Where the time of opening went (ms), for the bench and the scale notes. */
export interface OpenTimings {
  readMs: number
  verifyMs: number
  loadMs: number
  checkMs: number
  replayMs: number
  migrateMs: number
  replayed: number
}

export const noTimings = (): OpenTimings => ({ readMs: 0, verifyMs: 0, loadMs: 0, checkMs: 0, replayMs: 0, migrateMs: 0, replayed: 0 })

export interface LoadedSnapshot {
  db: Database
  /** Journal sequence number the snapshot holds; null when none could be used (rebuilt from the journal). */
  snapshotSeq: number | null
  problems: string[]
  notices: string[]
  /** archive.sqlite itself was unusable. */
  damagedNewest: boolean
}

/** The newest snapshot whose checksum matches and whose database opens; else an empty database. */
export async function loadNewestSnapshot(SQL: SqlJsStatic, layout: ArchiveLayout, timings: OpenTimings = noTimings()): Promise<LoadedSnapshot> {
  const problems: string[] = []
  const notices: string[] = []
  let damagedNewest = false
  for (const snap of listSnapshots(layout)) {
    const r = await readSnapshot(snap)
    if ('problem' in r) {
      problems.push(r.problem)
      if (snap.file === layout.database) damagedNewest = true
      continue
    }
    timings.readMs += r.readMs
    timings.verifyMs += r.verifyMs
    try {
      const l0 = performance.now()
      const candidate = new SQL.Database(r.bytes)
      const l1 = performance.now()
      timings.loadMs += l1 - l0
      // The checksum proved these are the bytes a snapshot wrote, so reading the sequence number is
      // check enough here (a page-by-page quick_check cost seconds on large archives); `check` runs integrity_check.
      const snapshotSeq = Number(candidate.exec("SELECT value FROM meta WHERE key = 'seq'")[0]?.values[0]?.[0] ?? 0)
      timings.checkMs += performance.now() - l1
      if (snap.file !== layout.database) notices.push(`recovered from the backup ${path.basename(snap.file)} and the journal`)
      configureConnection(candidate)
      return { db: candidate, snapshotSeq, problems, notices, damagedNewest }
    } catch (e) {
      problems.push(`${path.basename(snap.file)} is not a readable database (${(e as Error).message})`)
      if (snap.file === layout.database) damagedNewest = true
    }
  }
  if (problems.length) notices.push('no usable snapshot: the archive is rebuilt from the journal')
  const db = new SQL.Database()
  configureConnection(db)
  return { db, snapshotSeq: null, problems, notices, damagedNewest }
}

/**
 * Connection settings. Durability comes from our own journal, so SQLite's rollback journal can live in
 * memory (sql.js would otherwise create and delete a journal file in its virtual file system on every
 * transaction); a larger page cache spares copies between that file system and the page cache. The
 * text functions must exist before any journal record (migration 7 calls pack_text) is replayed.
 * The page size applies to a new database, and to an older one at its next VACUUM (compactIfSparse).
 */
export function configureConnection(db: Database): void {
  registerTextFunctions(db)
  db.exec(`PRAGMA page_size = ${PAGE_SIZE}`)
  db.exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768')
}

/** Statements prepared once per SQL text while replaying: records repeat the same few (a third of replay time). */
type PreparedCache = Map<string, SqlStatement>

export function applyRecord(db: Database, stmts: Statement[], prepared: PreparedCache = new Map()): void {
  db.exec('SAVEPOINT r')
  try {
    for (const [sql, params] of stmts) {
      if (!params.length) {
        db.run(sql)
        continue
      }
      let stmt = prepared.get(sql)
      if (!stmt) prepared.set(sql, (stmt = db.prepare(sql)))
      stmt.run(params as SqlValue[])
    }
    db.exec('RELEASE r')
  } catch (e) {
    db.exec('ROLLBACK TO r; RELEASE r')
    throw new Error(`a journal record could not be replayed: ${(e as Error).message}`)
  }
}

/** Apply the records that follow `fromSeq`, in order, stopping at a gap. Returns the last applied seq. */
export function replayRecords(db: Database, records: JournalRecord[], fromSeq: number, problems: string[]): { seq: number; replayed: number } {
  let seq = fromSeq
  let replayed = 0
  const prepared: PreparedCache = new Map()
  try {
    for (const rec of records) {
      if (rec.seq <= seq) continue
      if (rec.seq !== seq + 1) {
        problems.push(`the journal is missing records ${seq + 1}–${rec.seq - 1}; changes after record ${seq} could not be replayed`)
        break
      }
      applyRecord(db, rec.stmts, prepared)
      seq = rec.seq
      replayed++
    }
  } finally {
    for (const stmt of prepared.values()) stmt.free()
  }
  return { seq, replayed }
}

/**
 * Pages of 8 KiB rather than SQLite's 4: a document row (its packed text and its metadata, 2 KiB on
 * average) then seldom spills into a chain of overflow pages, each left partly empty: 5% smaller archives.
 */
export const PAGE_SIZE = 8192

/**
 * VACUUM when a quarter or more of the pages are free (a migration that shrank rows, an emptied trash),
 * or once to bring an archive written with another page size to PAGE_SIZE: snapshots copy every page,
 * free ones included. Not journaled: it changes no row. No statement may be prepared.
 */
export function compactIfSparse(db: Database): boolean {
  const pragma = (name: string): number => Number(db.exec(`PRAGMA ${name}`)[0].values[0][0])
  const free = pragma('freelist_count')
  const resize = pragma('page_size') !== PAGE_SIZE && pragma('page_count') > 1
  if (!resize && (free < 256 || free * 4 < pragma('page_count'))) return false
  db.exec('VACUUM')
  return true
}
