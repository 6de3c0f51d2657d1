// The only stage that touches the file system: turns paths (files and folders) into RawInputs.
//
// Folders are walked recursively in sorted order, skipping hidden entries and OS junk.
// Each problem (unreadable, empty, too large, unsupported, symlink loop, damaged zip) becomes
// ONE error item for that path, so an import of a thousand files never stops on one bad file.
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { RawInput, ReadLimits } from './types'
import { asImportError } from './import-error'
import { readError, type ReadError } from './reasons'
import { formatFromName, formatMb, isJunkName, sniffFormat } from './format'
import { expandZip } from './read-zip'

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxZipMembers: 10_000,
  maxZipTotalBytes: 500 * 1024 * 1024,
  maxZipDepth: 3,
  maxCompressionRatio: 200
}

export type ReadItem = RawInput | ReadError

export function isReadError(item: ReadItem): item is ReadError {
  return 'error' in item
}

/** Pasted text: stored as UTF-8 bytes so it hashes and re-processes like a file. */
export function rawInputFromText(text: string, name = 'pasted text'): RawInput {
  return { path: name, bytes: new Uint8Array(Buffer.from(text, 'utf8')), format: 'paste' }
}

/** A file-system failure as a reason; `folder` words it for a folder being listed. */
function fsError(path: string, err: unknown, folder = false): ReadError {
  const code = (err as NodeJS.ErrnoException)?.code
  switch (code) {
    case 'ENOENT':
      return readError(path, folder ? 'folderMissing' : 'fileMissing')
    case 'EACCES':
    case 'EPERM':
      return readError(path, folder ? 'folderPermission' : 'permission')
    case 'ELOOP':
      return readError(path, 'linkLoop')
    case 'EISDIR':
      return readError(path, 'isFolder')
    case 'EIO':
      return readError(path, 'ioError')
    case 'ENAMETOOLONG':
      return readError(path, 'nameTooLong')
    default:
      return readError(path, folder ? 'folderUnreadable' : 'unreadable', { detail: code ?? String((err as Error)?.message ?? err) })
  }
}

export async function* readInputs(paths: string[], limits?: Partial<ReadLimits>): AsyncGenerator<ReadItem> {
  const lim: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits }
  // Real paths of the folders being walked: a symlink leading back into one of them is a loop.
  const visiting = new Set<string>()
  for (const p of paths) yield* readPath(p, lim, visiting, true)
}

async function* readPath(path: string, lim: ReadLimits, visiting: Set<string>, explicit: boolean): AsyncGenerator<ReadItem> {
  let st
  try {
    st = await fs.stat(path)
  } catch (err) {
    yield fsError(path, err)
    return
  }
  if (st.isDirectory()) {
    let real: string
    try {
      real = await fs.realpath(path)
    } catch (err) {
      yield fsError(path, err)
      return
    }
    if (visiting.has(real)) {
      yield readError(path, 'folderLoop')
      return
    }
    let names: string[]
    try {
      names = await fs.readdir(path)
    } catch (err) {
      yield fsError(path, err, true)
      return
    }
    visiting.add(real)
    try {
      names.sort()
      for (const name of names) {
        if (isJunkName(name)) continue
        yield* readPath(join(path, name), lim, visiting, false)
      }
    } finally {
      visiting.delete(real)
    }
    return
  }
  if (!st.isFile()) {
    // Sockets, FIFOs, devices: reading them could block forever.
    if (explicit) yield readError(path, 'notRegular')
    return
  }
  yield* readFile(path, st.size, lim)
}

async function* readFile(path: string, size: number, lim: ReadLimits): AsyncGenerator<ReadItem> {
  const byName = formatFromName(path)
  if (byName === 'unsupported') {
    const ext = path.slice(path.lastIndexOf('.'))
    yield readError(path, 'unsupportedType', { ext })
    return
  }
  if (size > lim.maxFileBytes) {
    yield readError(path, 'tooLarge', { size: formatMb(size), limit: formatMb(lim.maxFileBytes) })
    return
  }
  if (size === 0) {
    yield readError(path, 'empty')
    return
  }
  let bytes: Uint8Array
  try {
    const buf = await fs.readFile(path)
    // The size can change between stat and read (a file being written): re-check.
    if (buf.length > lim.maxFileBytes) {
      yield readError(path, 'tooLarge', { size: formatMb(buf.length), limit: formatMb(lim.maxFileBytes) })
      return
    }
    if (buf.length === 0) {
      yield readError(path, 'empty')
      return
    }
    bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
  } catch (err) {
    yield fsError(path, err)
    return
  }
  const format = sniffFormat(bytes, byName)
  if (format === 'zip') {
    // Members are yielded as they are expanded; an archive-level refusal is one error item.
    const items: ReadItem[] = []
    try {
      for await (const item of expandZip(bytes, path, lim)) items.push(item)
    } catch (err) {
      const e = asImportError(err, 'zipDamaged')
      yield readError(path, e.reasonCode, e.params)
      return
    }
    // Buffered so that a bomb found late in the archive refuses it as a whole.
    yield* items
    if (items.length === 0) yield readError(path, 'zipNoDocuments')
    return
  }
  yield { path, bytes, format }
}
