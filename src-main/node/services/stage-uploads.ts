// Files dropped into the browser (serve mode) arrive as bytes. They are staged in the archive's
// incoming/ folder so they go through the same reader as files on disk (zip expansion, limits), are
// queued like any import (and so resume after a crash), and are reported under the name the user dropped.
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { ensureDir, fsyncDir } from '../archive/fs-durable'
import { resolveInside, safeFileName } from '../fs-safe'

export function stageUploads(archiveDir: string, files: { name: string; base64: string }[]) {
  const dir = path.join(archiveDir, 'incoming', randomUUID())
  ensureDir(dir)
  const display: Record<string, string> = {}
  const paths = files.map((f, i) => {
    // Keep the extension (it decides the reader) but never trust the name as a path: the last
    // segment only, made safe, numbered so two uploads of one name cannot collide.
    const base = safeFileName(path.posix.basename(f.name.replace(/\\/g, '/')))
    const staged = resolveInside(dir, `${String(i).padStart(5, '0')}-${base}`)
    // 'wx': never follow or overwrite something already there; readable by the user only.
    const fd = fs.openSync(staged, 'wx', 0o600)
    fs.writeSync(fd, Buffer.from(f.base64, 'base64'))
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    display[staged] = f.name
    return staged
  })
  fsyncDir(dir)
  return { paths, display, cleanup: (): void => removeStaged(paths) }
}

/** Remove staged files and their folder. */
export function removeStaged(paths: string[]): void {
  const dirs = new Set(paths.map((p) => path.dirname(p)))
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
}
