// The archive service: an in-memory sql.js database made durable by a write-ahead journal and
// periodic snapshots. Every write() is on disk (journal fsync) before it returns.
import path from 'node:path'
import type { Database, SqlValue, Statement as SqlStatement } from 'sql.js'
import { loadSqlJs } from './sqljs'
import { archiveLayout, type ArchiveLayout } from './layout'
import { Journal, type JournalFile, type SqlParam, type Statement } from './journal'
import { listSnapshots, readSnapshot, writeSnapshot, quarantine } from './snapshots'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { acquireLock } from './lock'
import { ensureDir } from './fs-durable'
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
  /** Snapshot after this long without writes (ms). */
  idleSnapshotMs?: number
  /** Snapshot as soon as the current journal segment exceeds this many bytes. */
  journalSnapshotBytes?: number
}

export interface SnapshotStats {
  seq: number
  bytes: number
  exportMs: number
  writeMs: number
}

export class ArchiveWriteError extends Error {}

export class Archive {
  readonly layout: ArchiveLayout
  readonly originals: Originals
  /** What happened on open that a person should know (recovery from a damaged file, a torn journal tail). */
  readonly notices: string[]
  /** Damage found on open (a subset of notices) — `check` reports these as failures. */
  readonly problems: string[]
  lastSnapshot: SnapshotStats | null = null
  /** Originals whose bytes the journal still holds (a read-only open cannot copy them out). */
  journalOriginals = new Set<string>()

  private seq: number
  private snapshotSeq: number | null
  private snapshotting: Promise<SnapshotStats | null> | null = null
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
    const opts: Required<OpenOptions> = { readOnly: false, idleSnapshotMs: 10_000, journalSnapshotBytes: 32 * 1024 * 1024, ...options }
    const layout = archiveLayout(path.resolve(dir))
    if (!opts.readOnly) ensureDir(layout.dir)
    const release = opts.readOnly ? null : acquireLock(layout.lock)
    let opened: Originals | null = null
    try {
      const SQL = await loadSqlJs()
      const notices: string[] = []
      const problems: string[] = []
      let db: Database | null = null
      let snapshotSeq: number | null = null
      let damagedNewest = false
      for (const snap of listSnapshots(layout)) {
        const r = readSnapshot(snap)
        if ('problem' in r) {
          problems.push(r.problem)
          if (snap.file === layout.database) damagedNewest = true
          continue
        }
        try {
          const candidate = new SQL.Database(r.bytes)
          const ok = candidate.exec('PRAGMA quick_check')[0]?.values[0]?.[0]
          if (ok !== 'ok') throw new Error(String(ok))
          snapshotSeq = Number(candidate.exec("SELECT value FROM meta WHERE key = 'seq'")[0]?.values[0]?.[0] ?? 0)
          db = candidate
          if (snap.file !== layout.database) notices.push(`recovered from the backup ${path.basename(snap.file)} and the journal`)
          break
        } catch (e) {
          problems.push(`${path.basename(snap.file)} is not a readable database (${(e as Error).message})`)
          if (snap.file === layout.database) damagedNewest = true
        }
      }
      if (!db) {
        if (problems.length) notices.push('no usable snapshot: the archive is rebuilt from the journal')
        db = new SQL.Database()
      }
      applyPragmas(db)

      const journal = new Journal(layout.journal)
      const read = journal.readAll()
      problems.push(...read.problems)
      let seq = snapshotSeq ?? 0
      const journalOriginals = new Set<string>()
      const originals = (opened = new Originals(layout.originals, opts.readOnly))
      let restored = 0
      if (!opts.readOnly) originals.sweepTemporaries()
      for (const rec of read.records) {
        for (const f of rec.files ?? []) {
          journalOriginals.add(f.sha256)
          if (!opts.readOnly && originals.restore(f.sha256, f.bytes)) restored++
        }
        if (rec.seq <= seq) continue
        if (rec.seq !== seq + 1) {
          problems.push(`the journal is missing records ${seq + 1}–${rec.seq - 1}; changes after record ${seq} could not be replayed`)
          break
        }
        applyRecord(db, rec.stmts)
        seq = rec.seq
      }
      for (const d of originals.damagedPacks) {
        notices.push(`originals/${path.basename(d.pack)} ended in an incomplete copy (the program stopped while writing it)${opts.readOnly ? '' : ', which was cut off'}`)
      }
      if (restored) notices.push(`${restored} original file(s) missing or damaged in originals/ were restored from the journal`)
      if (read.tornTail) {
        notices.push('the last journal record was incomplete (the program stopped while writing it) and was ignored')
        if (!opts.readOnly) journal.truncateTornTail(read.tornTail)
      }
      notices.unshift(...problems)

      const archive = new Archive(db, layout.dir, journal, release, opts, { seq, snapshotSeq, notices, problems, originals })
      archive.journalOriginals = journalOriginals
      if (!opts.readOnly) {
        archive.migrate()
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

  private migrate(): void {
    const current = Number(this.db.exec('PRAGMA user_version')[0].values[0][0])
    if (current > SCHEMA_VERSION) throw new Error(`this archive was written by a newer Policy Archive (schema ${current}); please update the app`)
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue
      this.write((tx) => {
        tx.run(m.sql)
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
    if (this.idleTimer) clearTimeout(this.idleTimer)
    if (this.journal.currentSize() > this.opts.journalSnapshotBytes) {
      void this.snapshot().catch(() => undefined)
      return
    }
    this.idleTimer = setTimeout(() => void this.snapshot().catch(() => undefined), this.opts.idleSnapshotMs)
    this.idleTimer.unref()
  }

  /**
   * Write the database as the newest snapshot. export() is synchronous but short; the file write
   * is async and chunked, so requests keep being served meanwhile (new writes go to a new journal segment).
   */
  snapshot(sync = false): Promise<SnapshotStats | null> {
    if (this.opts.readOnly) return Promise.resolve(null)
    if (this.snapshotting) return this.snapshotting.then(() => this.snapshot(sync))
    if (this.snapshotSeq === this.seq) return Promise.resolve(null)
    const run = async (): Promise<SnapshotStats> => {
      const t0 = performance.now()
      // export() frees every prepared statement; forget them so they are prepared again.
      this.prepared.clear()
      const bytes = this.db.export()
      // export() closes and reopens the database, which resets connection pragmas.
      applyPragmas(this.db)
      const exportMs = performance.now() - t0
      const seq = this.seq
      this.journal.close()
      const t1 = performance.now()
      const covered = await writeSnapshot(this.layout, bytes, seq, this.snapshotSeq, sync)
      this.snapshotSeq = seq
      // Originals copied without fsync must be on disk before the journal records holding them go.
      await this.originals.flush()
      this.journal.prune(covered)
      this.lastSnapshot = { seq, bytes: bytes.byteLength, exportMs, writeMs: performance.now() - t1 }
      return this.lastSnapshot
    }
    this.snapshotting = run().finally(() => {
      this.snapshotting = null
    })
    return this.snapshotting
  }

  /** Flush a final snapshot and release the folder. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return
    if (this.idleTimer) clearTimeout(this.idleTimer)
    if (!this.opts.readOnly && !this.poisoned) await this.snapshot()
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

/**
 * Connection settings. Durability comes from our own journal, so SQLite's rollback journal can live in
 * memory (sql.js would otherwise create and delete a journal file in its virtual file system on every
 * transaction); a larger page cache spares copies between that file system and the page cache.
 */
function applyPragmas(db: Database): void {
  db.exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768')
}

function applyRecord(db: Database, stmts: Statement[]): void {
  db.exec('SAVEPOINT r')
  try {
    for (const [sql, params] of stmts) {
      if (params.length) db.run(sql, params as SqlValue[])
      else db.run(sql)
    }
    db.exec('RELEASE r')
  } catch (e) {
    db.exec('ROLLBACK TO r; RELEASE r')
    throw new Error(`a journal record could not be replayed: ${(e as Error).message}`)
  }
}
