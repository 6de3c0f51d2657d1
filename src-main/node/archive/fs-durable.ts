// Durable file primitives. A change is only acknowledged after fsync, and a file only
// replaces another by rename after its bytes are on disk, followed by an fsync of the folder.
import fs from 'node:fs'
import path from 'node:path'

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

/** Write `data` to `file` atomically: temp file → fsync → rename → fsync folder. */
export function writeFileAtomicSync(file: string, data: Uint8Array | string): void {
  const dir = path.dirname(file)
  const tmp = `${file}.tmp-${process.pid}`
  const fd = fs.openSync(tmp, 'w')
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
  fsyncDir(dir)
}

/** Async variant used for large snapshots so the event loop keeps serving requests. */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(file)
  const tmp = `${file}.tmp-${process.pid}`
  const handle = await fs.promises.open(tmp, 'w')
  try {
    // Chunked so a 200 MB snapshot does not hold one long write.
    const chunk = 8 * 1024 * 1024
    for (let off = 0; off < data.byteLength; off += chunk) {
      await handle.write(data, off, Math.min(chunk, data.byteLength - off))
    }
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fs.promises.rename(tmp, file)
  fsyncDir(dir)
}

export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true })
}
