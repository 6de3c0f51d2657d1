// Original files, content-addressed by sha256 (originals/<sha256>), so documents can be re-extracted
// later by a newer extractor. Written durably before the journal record that names them. One flat
// folder: a batch then needs a single folder fsync (modern file systems index large folders).
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { ensureDir, fsyncDir, writeFileAtomicSync } from './fs-durable'

export class Originals {
  /** Files written by putDeferred() and not yet fsynced. */
  private pending = new Set<string>()

  constructor(readonly dir: string) {}

  pathFor(sha256: string): string {
    return path.join(this.dir, sha256)
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathFor(sha256))
  }

  /** Store bytes under their hash; returns the hash. A file already present is not rewritten. */
  put(bytes: Uint8Array): string {
    const sha = createHash('sha256').update(bytes).digest('hex')
    const file = this.pathFor(sha)
    if (!fs.existsSync(file)) {
      ensureDir(path.dirname(file))
      writeFileAtomicSync(file, bytes)
    }
    return sha
  }

  /**
   * Write without fsync; flush() must run before the journal record that names the file is
   * acknowledged. Flushing many files together costs little more than one fsync.
   */
  putDeferred(bytes: Uint8Array): string {
    const sha = createHash('sha256').update(bytes).digest('hex')
    const file = this.pathFor(sha)
    if (!fs.existsSync(file) && !this.pending.has(file)) {
      ensureDir(path.dirname(file))
      const tmp = `${file}.tmp-${process.pid}`
      fs.writeFileSync(tmp, bytes)
      fs.renameSync(tmp, file)
      this.pending.add(file)
    }
    return sha
  }

  /** fsync every deferred file, then their folders. */
  flush(): void {
    const dirs = new Set<string>()
    for (const file of this.pending) {
      const fd = fs.openSync(file, 'r')
      try {
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
      dirs.add(path.dirname(file))
    }
    for (const d of dirs) fsyncDir(d)
    if (dirs.size) fsyncDir(this.dir)
    this.pending.clear()
  }

  read(sha256: string): Uint8Array {
    return fs.readFileSync(this.pathFor(sha256))
  }

  /** Null when sound, else why not. */
  verify(sha256: string): string | null {
    const file = this.pathFor(sha256)
    if (!fs.existsSync(file)) return `original file ${sha256.slice(0, 12)}… is missing`
    const actual = createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    return actual === sha256 ? null : `original file ${sha256.slice(0, 12)}… is damaged (its content no longer matches its hash)`
  }
}
