// Expands .zip archives (recursively) into RawInputs named "a.zip!/inner/x.txt".
//
// A zip is hostile until proven otherwise: we cap the number of members, the total expanded
// size, the nesting depth and the compression ratio, and we count bytes while inflating (the
// sizes in the central directory can lie). A zip that breaks a cap is refused as a whole with
// one clear reason, rather than half-imported.
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import iconv from 'iconv-lite'
import type { RawInput, ReadLimits } from './types'
import { ImportError } from './import-error'
import { readError, type ReadError } from './reasons'
import { formatFromName, isJunkName, sniffFormat, formatMb } from './format'

export type ZipItem = RawInput | ReadError

interface ZipBudget {
  members: number
  bytes: number
}

function openZip(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zf) => {
      if (err || !zf) reject(new ImportError('zipDamaged', {}, { cause: err }))
      else resolve(zf)
    })
  })
}

/** Member names in zips made on Chinese Windows are GBK without the UTF-8 flag. */
function memberName(e: Entry): string {
  const raw = e.fileNameRaw
  const ascii = raw.every((b) => b < 0x80)
  if (ascii || (e.generalPurposeBitFlag & 0x800) !== 0 || e.extraFields.some((f) => f.id === 0x7075)) return e.fileName
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    return iconv.decode(raw, 'gb18030')
  }
}

function nextEntry(zf: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (e: Entry): void => {
      cleanup()
      resolve(e)
    }
    const onEnd = (): void => {
      cleanup()
      resolve(null)
    }
    const onError = (err: Error): void => {
      cleanup()
      reject(new ImportError('zipDamaged', {}, { cause: err }))
    }
    const cleanup = (): void => {
      zf.off('entry', onEntry)
      zf.off('end', onEnd)
      zf.off('error', onError)
    }
    zf.on('entry', onEntry)
    zf.on('end', onEnd)
    zf.on('error', onError)
    zf.readEntry()
  })
}

function bombError(zipPath: string, what: string): ImportError {
  return new ImportError('zipBomb', { zip: zipPath, what })
}

/** Inflate one member, stopping as soon as it exceeds `max` bytes. */
function readMember(zf: ZipFile, e: Entry, max: number, onTooBig: () => ImportError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zf.openReadStream(e, (err, stream) => {
      if (err || !stream) {
        reject(new ImportError('zipMemberUnreadable', {}, { cause: err }))
        return
      }
      const chunks: Buffer[] = []
      let n = 0
      stream.on('data', (c: Buffer) => {
        n += c.length
        if (n > max) {
          stream.destroy()
          reject(onTooBig())
          return
        }
        chunks.push(c)
      })
      stream.on('error', (e2) => reject(new ImportError('zipMemberDamaged', {}, { cause: e2 })))
      stream.on('end', () => resolve(Buffer.concat(chunks)))
    })
  })
}

/**
 * Yields the members of a zip (already in memory). Member-level problems (an unsupported or
 * oversized member) are error items; archive-level ones (bomb, damage) throw ImportError.
 */
export async function* expandZip(
  bytes: Uint8Array,
  zipPath: string,
  limits: ReadLimits,
  depth = 1,
  budget: ZipBudget = { members: 0, bytes: 0 }
): AsyncGenerator<ZipItem> {
  if (depth > limits.maxZipDepth) {
    throw bombError(zipPath, `zip archives are nested more than ${limits.maxZipDepth} deep`)
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const zf = await openZip(buf)
  try {
    if (budget.members + zf.entryCount > limits.maxZipMembers) {
      throw bombError(zipPath, `it has more than ${limits.maxZipMembers.toLocaleString('en')} files`)
    }
    // Collect entries first (sorted, like folders), checking the declared sizes up front.
    const entries: Array<{ e: Entry; name: string }> = []
    let declared = budget.bytes
    for (let e = await nextEntry(zf); e; e = await nextEntry(zf)) {
      const name = memberName(e)
      if (name.endsWith('/') || name.split('/').some((seg) => isJunkName(seg))) continue
      declared += e.uncompressedSize
      if (declared > limits.maxZipTotalBytes) {
        throw bombError(zipPath, `it expands to more than ${formatMb(limits.maxZipTotalBytes)}`)
      }
      if (e.uncompressedSize > 1 << 20 && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
        throw bombError(zipPath, `a member is compressed ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} to 1`)
      }
      entries.push({ e, name })
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const { e, name } of entries) {
      budget.members++
      if (budget.members > limits.maxZipMembers) {
        throw bombError(zipPath, `it has more than ${limits.maxZipMembers.toLocaleString('en')} files`)
      }
      const path = `${zipPath}!/${name}`
      if (e.isEncrypted()) {
        yield readError(path, 'zipEncrypted')
        continue
      }
      const byName = formatFromName(name)
      if (byName === 'unsupported') {
        yield readError(path, 'unsupportedType', { ext: extOf(name) })
        continue
      }
      if (e.uncompressedSize > limits.maxFileBytes) {
        yield readError(path, 'tooLarge', { size: formatMb(e.uncompressedSize), limit: formatMb(limits.maxFileBytes) })
        continue
      }
      const remaining = limits.maxZipTotalBytes - budget.bytes
      const data = await readMember(zf, e, Math.min(remaining, limits.maxFileBytes), () =>
        remaining < limits.maxFileBytes
          ? bombError(zipPath, `it expands to more than ${formatMb(limits.maxZipTotalBytes)}`)
          : bombError(zipPath, 'a member is larger than its header says')
      )
      budget.bytes += data.length
      if (data.length === 0) {
        yield readError(path, 'empty')
        continue
      }
      const format = sniffFormat(data, byName)
      if (format === 'zip') {
        yield* expandZip(data, path, limits, depth + 1, budget)
        continue
      }
      yield { path, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), format, zipPath }
    }
  } finally {
    zf.close()
  }
}

function extOf(name: string): string {
  const i = name.lastIndexOf('.')
  return i > 0 ? name.slice(i) : 'no extension'
}
