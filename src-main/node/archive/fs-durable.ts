// Durable file primitives. A change is only acknowledged after fsync, and a file only
// replaces another by rename after its bytes are on disk, followed by an fsync of the folder.
import fs from 'node:fs'
import path from 'node:path'
import type { Hash } from 'node:crypto'

export function fsyncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch (e) {
    // Some file systems refuse fsync on directories (EINVAL/EISDIR); rename durability then rests on the FS.
    const code = (e as NodeJS.ErrnoException).code
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw e
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/**
 * Temp files of `file` left by a process killed mid-write. The archive lock admits one writer, so
 * any temp of another pid is dead; removing them here keeps a killed snapshot from leaving litter.
 */
function sweepStaleTemps(file: string, own: string): void {
  const prefix = `${path.basename(file)}.tmp-`
  let names: string[]
  try {
    names = fs.readdirSync(path.dirname(file))
  } catch {
    return
  }
  for (const n of names) if (n.startsWith(prefix) && path.join(path.dirname(file), n) !== own) fs.rmSync(path.join(path.dirname(file), n), { force: true })
}

/** A failed write (a full disk) leaves neither the new file nor its temp: the old file stays as it was. */
function removeQuietly(tmp: string): void {
  try {
    fs.rmSync(tmp, { force: true })
  } catch {
    /* the error being reported matters more */
  }
}

/** Write `data` to `file` atomically: temp file → fsync → rename → fsync folder. */
export function writeFileAtomicSync(file: string, data: Uint8Array | string): void {
  const dir = path.dirname(file)
  const tmp = `${file}.tmp-${process.pid}`
  sweepStaleTemps(file, tmp)
  try {
    const fd = fs.openSync(tmp, 'w')
    try {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
      let written = 0
      while (written < buf.byteLength) written += fs.writeSync(fd, buf, written, buf.byteLength - written)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, file)
  } catch (e) {
    removeQuietly(tmp)
    throw e
  }
  fsyncDir(dir)
}

/** Async variant used for large snapshots so the event loop keeps serving requests. */
export interface AtomicWriteHooks {
  /** Fed each chunk while the chunk is being written (a checksum costs no time of its own). */
  hash?: Hash
  /** Runs once the data is on disk, before the file takes its name (a sidecar that must exist first). */
  beforeRename?: () => void
}

export async function writeFileAtomic(file: string, data: Uint8Array, hooks: AtomicWriteHooks = {}): Promise<void> {
  const dir = path.dirname(file)
  const tmp = `${file}.tmp-${process.pid}`
  sweepStaleTemps(file, tmp)
  try {
    const handle = await fs.promises.open(tmp, 'w')
    try {
      // Chunked so a 200 MB snapshot does not hold one long write.
      const chunk = 8 * 1024 * 1024
      let hashed = 0
      for (let off = 0; off < data.byteLength; ) {
        const end = Math.min(off + chunk, data.byteLength)
        const written = handle.write(data, off, end - off)
        // Each byte once, in order, whatever the writes' sizes (a short write is finished by the next turn).
        if (hooks.hash && end > hashed) {
          hooks.hash.update(data.subarray(Math.max(off, hashed), end))
          hashed = end
        }
        off += (await written).bytesWritten
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    hooks.beforeRename?.()
    await fs.promises.rename(tmp, file)
  } catch (e) {
    removeQuietly(tmp)
    throw e
  }
  fsyncDir(dir)
}

/** No space left on the device, or the user's disk quota is used up. */
export function isDiskFull(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}

export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true })
}
