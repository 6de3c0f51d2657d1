// The archive service: an in-memory sql.js database made durable by a write-ahead journal and
// periodic snapshots. Every write() is on disk (journal fsync) before it returns.
import path from 'node:path'
import type { Database, SqlValue, Statement as SqlStatement } from 'sql.js'
import { loadSqlJs } from './sqljs'
import { archiveLayout, type ArchiveLayout } from './layout'
import { Journal, type JournalFile, type SqlParam, type Statement } from './journal'
import { writeSnapshot, quarantine } from './snapshots'
import { compactIfSparse, loadNewestSnapshot, noTimings, replayRecords, type OpenTimings } from './load-db'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { acquireLock } from './lock'
import { ensureDir } from './fs-durable'
import { runCheckpoint } from './checkpoint-worker'
import { startWorker } from '../workers/start'
import { Originals } from './originals'

export type Row = Record<string, SqlValue>

export interface Tx {
  run(sql: string, params?: SqlParam[]): void
  all<T = Row>(sql: string, params?: SqlParam[]): T[]
  get<T = Row>(sql: string, params?: SqlParam[]): T | undefined
  /** The first column of every row (no row objects: for hot lookups). */
  column<T = SqlValue>(sql: string, params?: SqlParam[]): T[]
  /** Run part of a write in a savepoint: if it throws, only its own statements are undone (and not journaled). */
  attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: Error }
}

export interface OpenOptions {
  /** Open without the writer lock and without touching any file (used by `check`). */
  readOnly?: boolean
  /**
   * Read and verify the whole journal, records the snapshot already holds included (`check`; default:
   * when read-only). A normal open steps over those records, whose originals were synced before it.
   */
  verifyJournal?: boolean
  /** Snapshot after this long without writes (ms). */
  idleSnapshotMs?: number
  /** Snapshot as soon as the current journal segment exceeds this many bytes. */
  journalSnapshotBytes?: number
  /** A database at least this large is snapshotted by a worker thread (0: always). */
  workerSnapshotBytes?: number
}

export interface SnapshotStats {
  seq: number
  bytes: number
  exportMs: number
  writeMs: number
  /** Written by the snapshot worker (else on the calling thread). */
  worker: boolean
  /** Where a worker's time went (ms): opening the previous snapshot, replaying the journal after it. */
  loadMs?: number
  replayMs?: number
  replayed?: number
  /** Time spent waiting for a snapshot already running when this one was asked for. */
  waitedMs?: number
}

export class ArchiveWriteError extends Error {}
export type { OpenTimings }


export class Archive {
  readonly layout: ArchiveLayout
  readonly originals: Originals
  /** What happened on open that a person should know (recovery from a damaged file, a torn journal tail). */
  readonly notices: string[]
  /** Damage found on open (a subset of notices) — `check` reports these as failures. */
  readonly problems: string[]
  lastSnapshot: SnapshotStats | null = null
  openTimings: OpenTimings = noTimings()
  /** Originals whose bytes the journal still holds (a read-only open cannot copy them out). */
  journalOriginals = new Set<string>()

  private seq: number
  private snapshotSeq: number | null
  private snapshotting: Promise<SnapshotStats | null> | null = null
  /** The database was compacted since the last snapshot, which is then due even without a new write. */
  private compacted = false
  private idleTimer: NodeJS.Timeout | null = null
  private poisoned: Error | null = null
  private closed = false
  private listeners = new Set<() => void>()
  /** Prepared statements by SQL text: preparing costs more than running for small inserts. */
  private prepared = new Map<string, SqlStatement>()
  /**
   * Counts writes whose statements changed the documents table, so state derived from it in memory
   * (the near-duplicate index) knows when to rebuild. Statements are classified once per SQL text.
   */
  documentsGeneration = 0
  private changesDocuments = new Map<string, boolean>()

  private constructor(
    readonly db: Database,
    dir: string,
    private readonly journal: Journal,
    private readonly release: (() => void) | null,
    private readonly opts: Required<OpenOptions>,
    state: { seq: number; snapshotSeq: number | null; notices: string[]; problems: string[]; originals: Originals }
  ) {
    this.layout = archiveLayout(dir)
    this.originals = state.originals
    this.seq = state.seq
    this.snapshotSeq = state.snapshotSeq
    this.notices = state.notices
    this.problems = state.problems
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<Archive> {
    const opts: Required<OpenOptions> = {
      readOnly: false,
      idleSnapshotMs: 10_000,
      // A background snapshot replays the journal since the last one: 16 MB is about a thousand documents.
      journalSnapshotBytes: 16 * 1024 * 1024,
      // Exporting 8 MB took 65 ms on a busy 2-core machine: from 4 MB on, the worker writes snapshots.
      workerSnapshotBytes: 4 * 1024 * 1024,
      verifyJournal: options.readOnly ?? false,
      ...options
    }
    const layout = archiveLayout(path.resolve(dir))
    if (!opts.readOnly) ensureDir(layout.dir)
    const release = opts.readOnly ? null : acquireLock(layout.lock)
    let opened: Originals | null = null
    try {
      const SQL = await loadSqlJs()
      const timings = noTimings()
      const loaded = await loadNewestSnapshot(SQL, layout, timings)
      const { db, snapshotSeq, damagedNewest } = loaded
      const problems = loaded.problems
      const notices = loaded.notices

      const r0 = performance.now()
      const journal = new Journal(layout.journal)
      const read = journal.readAll(opts.verifyJournal ? 0 : (snapshotSeq ?? 0))
      problems.push(...read.problems)
      const journalOriginals = new Set<string>()
      const originals = (opened = new Originals(layout.originals, opts.readOnly))
      let restored = 0
      if (!opts.readOnly) originals.sweepTemporaries()
      for (const rec of read.records) {
        for (const f of rec.files ?? []) {
          journalOriginals.add(f.sha256)
          if (!opts.readOnly && originals.restore(f.sha256, f.bytes)) restored++
        }
      }
      const { seq, replayed } = replayRecords(db, read.records, snapshotSeq ?? 0, problems)
      timings.replayed = replayed
      timings.replayMs = performance.now() - r0
      for (const d of originals.damagedPacks) {
        notices.push(`originals/${path.basename(d.pack)} ended in an incomplete copy (the program stopped while writing it)${opts.readOnly ? '' : ', which was cut off'}`)
      }
      if (restored) notices.push(`${restored} original file(s) missing or damaged in originals/ were restored from the journal`)
      if (read.tornTail) {
        notices.push(`the last journal record (journal/${path.basename(read.tornTail.segment)}) was incomplete (the program stopped while writing it) and was ignored`)
        if (!opts.readOnly) journal.truncateTornTail(read.tornTail)
      }
      notices.unshift(...problems)

      const archive = new Archive(db, layout.dir, journal, release, opts, { seq, snapshotSeq, notices, problems, originals })
      archive.journalOriginals = journalOriginals
      archive.openTimings = timings
      if (!opts.readOnly) {
        const m0 = performance.now()
        archive.migrate()
        if (archive.compactIfSparse()) notices.push('the archive was compacted (space freed by an upgrade or by emptying the trash)')
        timings.migrateMs = performance.now() - m0
        if (damagedNewest) {
          quarantine(layout.database)
          archive.snapshotSeq = null
          await archive.snapshot(true)
          notices.push('a fresh archive.sqlite was written; the damaged file was kept beside it')
        }
      }
      return archive
    } catch (e) {
      opened?.close()
      release?.()
      throw e
    }
  }

  get readOnly(): boolean {
    return this.opts.readOnly
  }

  get sequence(): number {
    return this.seq
  }

  /** Closed: background work over it (a search warm-up) stops. */
  get isClosed(): boolean {
    return this.closed
  }

  /** Compact a database left sparse (load-db.ts); the next snapshot is then due even without a write. */
  private compactIfSparse(): boolean {
    for (const stmt of this.prepared.values()) stmt.free()
    this.prepared.clear()
    if (!compactIfSparse(this.db)) return false
    this.compacted = true
    this.scheduleSnapshot()
    return true
  }

  private migrate(): void {
    const current = Number(this.db.exec('PRAGMA user_version')[0].values[0][0])
    if (current > SCHEMA_VERSION) throw new Error(`this archive was written by a newer Policy Archive (schema ${current}); please update the app`)
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue
      this.write((tx) => {
        tx.run(m.sql)
        m.then?.(tx)
        tx.run(`PRAGMA user_version = ${m.version}`)
      })
    }
  }

  /**
   * Run `fn` in a transaction; when write() returns, the change is in the journal on disk, together
   * with `files` (original files the change refers to), which are then copied to originals/.
   */
  write<T>(fn: (tx: Tx) => T, files: JournalFile[] = []): T {
    if (this.opts.readOnly) throw new ArchiveWriteError('the archive is open read-only')
    if (this.closed) throw new ArchiveWriteError('the archive is closed')
    if (this.poisoned) throw new ArchiveWriteError(`the archive stopped accepting changes after a write failed (${this.poisoned.message}); restart the app`)
    const stmts: Statement[] = []
    const tx: Tx = {
      run: (sql, params = []) => {
        if (params.length) this.statement(sql).run(params as SqlValue[])
        else this.db.run(sql)
        stmts.push([sql, params])
        let changes = this.changesDocuments.get(sql)
        if (changes === undefined) {
          changes = /^\s*(INSERT|UPDATE|DELETE|REPLACE|DROP|ALTER)\b[\s\S]*\bdocuments\b/i.test(sql)
          if (this.changesDocuments.size > 2000) this.changesDocuments.clear()
          this.changesDocuments.set(sql, changes)
        }
        if (changes) this.documentsGeneration++
      },
      all: (sql, params) => this.all(sql, params),
      get: (sql, params) => this.get(sql, params),
      column: (sql, params) => this.column(sql, params),
      attempt: (fn) => {
        const mark = stmts.length
        this.db.exec('SAVEPOINT item')
        try {
          const value = fn()
          this.db.exec('RELEASE item')
          return { ok: true, value }
        } catch (e) {
          this.db.exec('ROLLBACK TO item; RELEASE item')
          stmts.length = mark
          return { ok: false, error: e as Error }
        }
      }
    }
    // PRAGMA user_version cannot run inside BEGIN in every SQLite build; migrations are still atomic
    // because the journal record holds the whole step.
    this.db.exec('SAVEPOINT w')
    try {
      const result = fn(tx)
      if (stmts.length) {
        const seq = this.seq + 1
        const seqStmt: Statement = ["UPDATE meta SET value = ? WHERE key = 'seq'", [String(seq)]]
        tx.run(...seqStmt)
        try {
          this.journal.append({ seq, stmts, files })
        } catch (e) {
          // A full disk: the journal was cut back to its last complete record, so this change is rolled
          // back below like any failed write, and later writes may succeed once space is freed.
          if ((e as { rolledBack?: boolean }).rolledBack) throw e
          this.poisoned = e as Error
          throw new ArchiveWriteError(`could not write to the journal: ${(e as Error).message}`)
        }
        this.seq = seq
        this.copyOriginals(files)
      }
      this.db.exec('RELEASE w')
      if (stmts.length) this.afterWrite()
      return result
    } catch (e) {
      try {
        this.db.exec('ROLLBACK TO w; RELEASE w')
      } catch {
        /* nothing to roll back */
      }
      throw e
    }
  }

  private statement(sql: string): SqlStatement {
    let stmt = this.prepared.get(sql)
    if (!stmt) {
      stmt = this.db.prepare(sql)
      this.prepared.set(sql, stmt)
    }
    return stmt
  }

  /** The journal already holds the bytes; a copy that fails now is restored from it on the next open. */
  private copyOriginals(files: JournalFile[]): void {
    for (const f of files) {
      this.originals.copyLater(f.sha256, f.bytes, (e) =>
        this.notices.push(`original ${f.sha256.slice(0, 12)}… could not be copied yet (${e.message}); it is kept in the journal`)
      )
    }
  }

  all<T = Row>(sql: string, params: SqlParam[] = []): T[] {
    const stmt = this.statement(sql)
    try {
      stmt.bind(params as SqlValue[])
      const rows: T[] = []
      while (stmt.step()) rows.push(stmt.getAsObject() as T)
      return rows
    } finally {
      stmt.reset()
    }
  }

  column<T = SqlValue>(sql: string, params: SqlParam[] = []): T[] {
    const stmt = this.statement(sql)
    try {
      stmt.bind(params as SqlValue[])
      const out: T[] = []
      while (stmt.step()) out.push(stmt.get()[0] as T)
      return out
    } finally {
      stmt.reset()
    }
  }

  get<T = Row>(sql: string, params: SqlParam[] = []): T | undefined {
    return this.all<T>(sql, params)[0]
  }

  /** Called after each durable write (the UI refreshes, the snapshot timer restarts). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  private afterWrite(): void {
    for (const fn of this.listeners) fn()
    this.scheduleSnapshot()
  }

  private scheduleSnapshot(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    if (this.journal.currentSize() > this.opts.journalSnapshotBytes) {
      // One at a time: writes during a running snapshot must not queue more (the next write checks again).
      if (!this.snapshotting) void this.snapshot().catch(() => undefined)
      return
    }
    this.idleTimer = setTimeout(() => void this.snapshot().catch(() => undefined), this.opts.idleSnapshotMs)
    this.idleTimer.unref()
  }

  /**
   * Write the database as the newest snapshot. New writes go to a new journal segment meanwhile. A large
   * database is snapshotted by a worker thread from the files (checkpoint.ts): export, checksum and write
   * cost seconds at 50,000 documents, which the thread answering the interface must not wait for. A small
   * one is exported here (a few milliseconds), as is any when `direct` (opening after damage, and quitting,
   * when nothing waits for an answer and the worker's replay of the journal tail would only add time).
   */
  snapshot(direct = false): Promise<SnapshotStats | null> {
    if (this.opts.readOnly) return Promise.resolve(null)
    if (this.snapshotting) {
      const w0 = performance.now()
      return this.snapshotting.then(() => {
        const waitedMs = performance.now() - w0
        return this.snapshot(direct).then((r) => r && { ...r, waitedMs })
      })
    }
    if (this.snapshotSeq === this.seq && !this.compacted) return Promise.resolve(null)
    const run = async (): Promise<SnapshotStats> => {
      this.compacted = false
      // Records up to here are in closed segments, which the worker may read while writes go on.
      this.journal.close()
      const through = this.seq
      // Originals copied without fsync are on disk before a snapshot covers the records holding them:
      // opening steps over covered records instead of restoring their originals.
      await this.originals.flush()
      const big = this.databaseBytes() >= this.opts.workerSnapshotBytes
      const worker = !direct && big ? startWorker('snapshot-worker') : null
      if (worker) {
        try {
          const r = await runCheckpoint(worker, { dir: this.layout.dir, throughSeq: through, prevSeq: this.snapshotSeq })
          return this.snapshotWritten(through, r.covered, {
            seq: through, bytes: r.bytes, exportMs: r.exportMs, writeMs: r.writeMs, worker: true, loadMs: r.loadMs, replayMs: r.replayMs, replayed: r.replayed
          })
        } catch (e) {
          this.notices.push(`the snapshot could not be written in the background (${(e as Error).message}); it was written directly`)
        }
      }
      // sql.js 1.16 exports through SQLite's backup API: the connection, its statements and settings stay.
      const t0 = performance.now()
      const bytes = this.db.export()
      const exportMs = performance.now() - t0
      const seq = this.seq
      this.journal.close()
      const t1 = performance.now()
      // Writes made while a failed worker ran copied originals too: synced before this snapshot covers them.
      await this.originals.flush()
      const covered = await writeSnapshot(this.layout, bytes, seq, this.snapshotSeq, direct)
      return this.snapshotWritten(seq, covered, { seq, bytes: bytes.byteLength, exportMs, writeMs: performance.now() - t1, worker: false })
    }
    this.snapshotting = run().finally(() => {
      this.snapshotting = null
    })
    return this.snapshotting
  }

  private snapshotWritten(seq: number, covered: number, stats: SnapshotStats): SnapshotStats {
    this.snapshotSeq = seq
    this.journal.prune(covered)
    this.lastSnapshot = stats
    return stats
  }

  /** The database's size in memory (what a snapshot copies). */
  databaseBytes(): number {
    const pragma = (name: string): number => Number(this.db.exec(`PRAGMA ${name}`)[0].values[0][0])
    return pragma('page_count') * pragma('page_size')
  }

  /** Flush a final snapshot and release the folder. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return
    if (this.idleTimer) clearTimeout(this.idleTimer)
    if (!this.opts.readOnly && !this.poisoned) await this.snapshot(true)
    // Copies in flight finish (and are fsynced) even when no snapshot was due.
    await this.originals.flush()
    this.originals.close()
    this.closed = true
    for (const stmt of this.prepared.values()) stmt.free()
    this.prepared.clear()
    this.journal.close()
    this.db.close()
    this.release?.()
  }
}
