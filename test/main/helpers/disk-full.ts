// A full disk, simulated: writes into one folder get `free` more bytes (a write that does not fit is cut
// short, as the kernel does, and the next one fails with ENOSPC). Wraps the synchronous fs calls the
// journal, the atomic file writes and the pack writer use; the real file system stays underneath.
import fs from 'node:fs'
import path from 'node:path'
import { vi } from 'vitest'

export interface FullDisk {
  /** ENOSPC failures served so far. */
  readonly refusals: number
  /** Space is back: every call goes straight through again. */
  free(): void
}

function enospc(syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', errno: -28, syscall })
}

export function fillDisk(dir: string, free = 0): FullDisk {
  const root = path.resolve(dir) + path.sep
  let left = free
  let refusals = 0
  const inside = (fd: number): boolean => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(root)
    } catch {
      return false
    }
  }
  const realWrite = fs.writeSync.bind(fs) as (...a: unknown[]) => number
  const realWritev = fs.writevSync.bind(fs)
  const write = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: NodeJS.ArrayBufferView | string, ...rest: unknown[]) => {
    if (!inside(fd)) return realWrite(fd, data, ...rest)
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    const offset = typeof rest[0] === 'number' ? rest[0] : 0
    const length = typeof rest[1] === 'number' ? rest[1] : bytes.byteLength - offset
    if (left <= 0) {
      refusals++
      throw enospc('write')
    }
    const n = Math.min(left, length)
    left -= n
    return realWrite(fd, bytes, offset, n)
  }) as typeof fs.writeSync)
  const writev = vi.spyOn(fs, 'writevSync').mockImplementation((fd, buffers, position) => {
    const size = buffers.reduce((sum, b) => sum + b.byteLength, 0)
    if (inside(fd) && size > left) {
      refusals++
      throw enospc('write')
    }
    if (inside(fd)) left -= size
    return realWritev(fd, buffers, position)
  })
  return {
    get refusals() {
      return refusals
    },
    free() {
      if (!vi.isMockFunction(fs.writeSync)) return
      write.mockRestore()
      writev.mockRestore()
    }
  }
}
