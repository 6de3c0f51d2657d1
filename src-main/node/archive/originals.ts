// Original files, content-addressed by sha256 (originals/<sha256>), so documents can be re-extracted
// later by a newer extractor. Written durably before the journal record that names them. One flat
// folder: a batch then needs a single folder fsync (modern file systems index large folders).
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { ensureDir, fsyncDir } from './fs-durable'

export class Originals {
  /** Files written by writeUnsynced() and not yet fsynced. */
  private pending = new Set<string>()
  /** Copies still being written by copyLater(). */
  private copying = new Map<string, Promise<void>>()
  private dirReady = false

  constructor(readonly dir: string) {}

  pathFor(sha256: string): string {
    return path.join(this.dir, sha256)
  }

  has(sha256: string): boolean {
    const file = this.pathFor(sha256)
    return this.copying.has(file) || fs.existsSync(file)
  }

  /**
   * Write without fsync. Only for bytes that are already durable in a journal record: flush() runs
   * before that record may be pruned, and opening the archive restores a missing or torn copy from it.
   */
  writeUnsynced(sha256: string, bytes: Uint8Array): void {
    const file = this.pathFor(sha256)
    if (fs.existsSync(file)) return
    ensureDir(this.dir)
    const tmp = `${file}.tmp-${process.pid}`
    fs.writeFileSync(tmp, bytes)
    fs.renameSync(tmp, file)
    this.pending.add(file)
  }

  /**
   * The same off the caller's path: the import goes on while the copy is written. flush() waits for
   * every copy in flight; a copy that fails is restored from the journal on the next open.
   */
  copyLater(sha256: string, bytes: Uint8Array, onError: (e: Error) => void): void {
    const file = this.pathFor(sha256)
    if (this.pending.has(file) || this.copying.has(file)) return
    // Written in place, without a temporary file and rename: the journal record holding these bytes is
    // kept until flush() has synced the copy, and opening the archive checks and rewrites a torn one.
    // That halves the files created per import, which the file system makes costly.
    if (!this.dirReady) {
      ensureDir(this.dir)
      this.dirReady = true
    }
    const job = fs.promises.writeFile(file, bytes).then(
      () => void this.pending.add(file),
      (e: Error) => onError(e)
    )
    this.copying.set(file, job.finally(() => this.copying.delete(file)))
  }

  /** Remove half-written copies a killed process left (the journal restores the real ones). */
  sweepTemporaries(): number {
    if (!fs.existsSync(this.dir)) return 0
    const stale = fs.readdirSync(this.dir).filter((f) => f.includes('.tmp-'))
    for (const f of stale) fs.rmSync(path.join(this.dir, f), { force: true })
    return stale.length
  }

  /** Take over another instance's unsynced files (the one used while the archive was opening). */
  adoptPending(other: Originals): void {
    for (const f of other.pending) this.pending.add(f)
    other.pending.clear()
  }

  /** True when the stored copy is present and intact. */
  intact(sha256: string): boolean {
    const file = this.pathFor(sha256)
    return fs.existsSync(file) && createHash('sha256').update(fs.readFileSync(file)).digest('hex') === sha256
  }

  /** Replace a missing or damaged copy with the journal's bytes. */
  restore(sha256: string, bytes: Uint8Array): boolean {
    if (this.intact(sha256)) return false
    fs.rmSync(this.pathFor(sha256), { force: true })
    this.writeUnsynced(sha256, bytes)
    return true
  }

  /**
   * fsync every file written without it, then the folder. Runs many fsyncs at once on the thread pool:
   * concurrent fsyncs share the file system's journal commits, and the event loop stays free.
   */
  async flush(): Promise<void> {
    await Promise.all(this.copying.values())
    const files = [...this.pending]
    this.pending.clear()
    const syncOne = async (file: string): Promise<void> => {
      const handle = await fs.promises.open(file, 'r')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
    }
    try {
      for (let i = 0; i < files.length; i += 32) await Promise.all(files.slice(i, i + 32).map(syncOne))
      if (files.length) fsyncDir(this.dir)
    } catch (e) {
      for (const f of files) this.pending.add(f)
      throw e
    }
  }

  /** The original's bytes (waiting for its copy if it is still being written). */
  async read(sha256: string): Promise<Uint8Array> {
    const file = this.pathFor(sha256)
    await this.copying.get(file)
    return new Uint8Array(await fs.promises.readFile(file))
  }

  /** Null when sound, else why not. */
  verify(sha256: string): string | null {
    const file = this.pathFor(sha256)
    if (!fs.existsSync(file)) return `original file ${sha256.slice(0, 12)}… is missing`
    const actual = createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    return actual === sha256 ? null : `original file ${sha256.slice(0, 12)}… is damaged (its content no longer matches its hash)`
  }
}
