// One writer per archive folder: the desktop app and the command line must not append to the
// same journal at once. A lock left by a killed process (its pid is gone) is taken over.
import fs from 'node:fs'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export class ArchiveLockedError extends Error {
  constructor(readonly pid: number) {
    super(`the archive is in use by another Policy Archive process (pid ${pid}); close it and try again`)
  }
}

/** Locks this process holds: a second open in the same process is refused like one from another. */
const held = new Set<string>()

export function acquireLock(file: string): () => void {
  if (held.has(file)) throw new ArchiveLockedError(process.pid)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx')
      fs.writeSync(fd, String(process.pid))
      fs.closeSync(fd)
      held.add(file)
      return () => {
        held.delete(file)
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true })
        } catch {
          /* already gone */
        }
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const pid = Number(fs.readFileSync(file, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new ArchiveLockedError(pid)
      fs.rmSync(file, { force: true })
    }
  }
  throw new Error(`cannot lock the archive (${file})`)
}
