// The watched inbox folder: files dropped there are imported once they stop growing (same size and
// modification time on two polls in a row). Polling, not fs.watch: it behaves the same on every
// platform and on network drives, which offices use for shared inboxes.
import fs from 'node:fs'
import path from 'node:path'
import type { Archive } from '../archive/archive'

interface Seen {
  size: number
  mtimeMs: number
}

export interface InboxOptions {
  /** Poll period; 0 means the owner calls poll() itself. */
  intervalMs?: number
  /** Start an import of these files; resolves when it has finished. */
  importFiles: (paths: string[]) => Promise<void>
  onError?: (message: string) => void
}

export class InboxWatcher {
  private timer: NodeJS.Timeout | null = null
  private previous = new Map<string, Seen>()
  private busy = false
  private folder: string | null = null

  constructor(
    private readonly archive: Archive,
    private readonly opts: InboxOptions
  ) {}

  /** Watch `folder` (null stops watching). */
  watch(folder: string | null): void {
    this.stop()
    this.folder = folder
    if (!folder || this.opts.intervalMs === 0) return
    this.timer = setInterval(() => void this.poll(), this.opts.intervalMs ?? 2000)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.folder = null
    this.previous.clear()
  }

  private list(dir: string, out: Map<string, Seen>, depth = 0): void {
    if (depth > 8) return
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue // hidden files, Office lock files
      const p = path.join(dir, e.name)
      if (e.isDirectory()) this.list(p, out, depth + 1)
      else if (e.isFile()) {
        const st = fs.statSync(p)
        out.set(p, { size: st.size, mtimeMs: Math.floor(st.mtimeMs) })
      }
    }
  }

  /** One look at the folder; imports the files that have settled. Exposed for tests. */
  async poll(): Promise<string[]> {
    if (this.busy || !this.folder) return []
    this.busy = true
    try {
      const now = new Map<string, Seen>()
      try {
        this.list(this.folder, now)
      } catch (e) {
        this.opts.onError?.(`the inbox folder ${this.folder} cannot be read (${(e as Error).message})`)
        return []
      }
      const settled = [...now].filter(([p, s]) => {
        const before = this.previous.get(p)
        if (!before || before.size !== s.size || before.mtimeMs !== s.mtimeMs) return false
        const handled = this.archive.get<{ size: number; mtime_ms: number }>('SELECT size, mtime_ms FROM inbox_files WHERE path = ?', [p])
        return !handled || handled.size !== s.size || handled.mtime_ms !== s.mtimeMs
      })
      this.previous = now
      if (!settled.length) return []
      const paths = settled.map(([p]) => p)
      await this.opts.importFiles(paths)
      const at = new Date().toISOString()
      this.archive.write((tx) => {
        for (const [p, s] of settled) tx.run('INSERT OR REPLACE INTO inbox_files (path, size, mtime_ms, handled_at) VALUES (?, ?, ?, ?)', [p, s.size, s.mtimeMs, at])
      })
      return paths
    } finally {
      this.busy = false
    }
  }
}
