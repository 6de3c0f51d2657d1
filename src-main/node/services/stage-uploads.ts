// Files dropped into the browser (serve mode) arrive as bytes. They are staged in the archive's
// incoming/ folder so they go through the same reader as files on disk (zip expansion, limits),
// and reported under the name the user dropped.
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { ensureDir, fsyncDir } from '../archive/fs-durable'

export function stageUploads(archiveDir: string, files: { name: string; base64: string }[]) {
  const dir = path.join(archiveDir, 'incoming', randomUUID())
  ensureDir(dir)
  const names = new Map<string, string>()
  const paths = files.map((f, i) => {
    // Keep the extension (it decides the reader) but never trust the name as a path.
    const base = path.basename(f.name.replace(/\\/g, '/')) || 'file'
    const staged = path.join(dir, `${String(i).padStart(5, '0')}-${base.replace(/[\u0000-\u001f/]/g, '_')}`)
    fs.writeFileSync(staged, Buffer.from(f.base64, 'base64'))
    names.set(staged, f.name)
    return staged
  })
  fsyncDir(dir)
  return {
    paths,
    displayPath: (p: string): string => {
      for (const [staged, name] of names) if (p === staged || p.startsWith(`${staged}!/`)) return name + p.slice(staged.length)
      return p
    },
    cleanup: (): void => fs.rmSync(dir, { recursive: true, force: true })
  }
}
