// Pack files for originals: originals/pack-NNNNNN.pack, each a sequence of entries
//   "PAO1" · length (u64 LE) · sha256 (32 bytes) · the file's bytes
// appended by one writer and never rewritten. One file per session instead of one per original: on
// ext4 creating and fsyncing thousands of small files cost more CPU than the rest of storing them.
// A process killed mid-append leaves a torn tail; the scan stops there, later sessions write to a new
// pack, and the journal (kept until the pack is synced) restores what the tail held.
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { fsyncDir } from './fs-durable'

const MAGIC = 0x314f4150 // "PAO1" little-endian
const HEADER = 44
/** A new pack is started beyond this size, so no single file grows without bound. */
const PACK_LIMIT = 256 * 1024 * 1024
const NAME = /^pack-(\d{6,})\.pack$/
const LEGACY = /^[0-9a-f]{64}$/

export interface PackEntry {
  pack: string
  offset: number
  length: number
}

export interface PackScan {
  entries: Map<string, PackEntry>
  /** Packs whose last entry was cut short (a process killed mid-append), with the offset of the tear. */
  unreadable: { pack: string; offset: number }[]
  /** Entry headers damaged inside a pack (not at its end): the scan went on at the next sound entry. */
  damaged: { pack: string; offset: number; resumedAt: number | null }[]
  lastNumber: number
  /** Originals kept one file each (originals/<sha256>) by versions before packs. */
  legacy: Set<string>
}

function header(sha256: string, length: number): Buffer {
  const h = Buffer.alloc(HEADER)
  h.writeUInt32LE(MAGIC, 0)
  h.writeUIntLE(length, 4, 6)
  h.write(sha256, 12, 32, 'hex')
  return h
}

/** Index every pack in `dir` (a later entry for the same sha256 replaces an earlier one), and list legacy files. */
export function scanPacks(dir: string): PackScan {
  const scan: PackScan = { entries: new Map(), unreadable: [], damaged: [], lastNumber: 0, legacy: new Set() }
  if (!fs.existsSync(dir)) return scan
  const names = fs.readdirSync(dir)
  for (const f of names) if (LEGACY.test(f)) scan.legacy.add(f)
  const packs = names
    .map((f) => ({ f, m: NAME.exec(f) }))
    .filter((p) => p.m)
    .sort((a, b) => Number(a.m![1]) - Number(b.m![1]))
  const h = Buffer.alloc(HEADER)
  for (const { f, m } of packs) {
    scan.lastNumber = Math.max(scan.lastNumber, Number(m![1]))
    const file = path.join(dir, f)
    const fd = fs.openSync(file, 'r')
    try {
      const size = fs.fstatSync(fd).size
      let at = 0
      while (at + HEADER <= size) {
        if (fs.readSync(fd, h, 0, HEADER, at) < HEADER) break
        const length = h.readUIntLE(4, 6)
        if (h.readUInt32LE(0) !== MAGIC) {
          // A bad header with a full header's bytes in place is damage, not a tear: what follows may be sound.
          const next = nextSoundEntry(fd, size, at + 1)
          scan.damaged.push({ pack: file, offset: at, resumedAt: next })
          if (next === null) at = size
          else at = next
          continue
        }
        if (at + HEADER + length > size) break
        scan.entries.set(h.toString('hex', 12, HEADER), { pack: file, offset: at + HEADER, length })
        at += HEADER + length
      }
      if (at < size) scan.unreadable.push({ pack: file, offset: at })
    } finally {
      fs.closeSync(fd)
    }
  }
  return scan
}

/**
 * The next offset from `from` where an entry starts whose bytes match its sha256 (so a stray "PAO1" in
 * some original's bytes is not taken for a header). Only read after damage, so plain reads are fine.
 */
function nextSoundEntry(fd: number, size: number, from: number): number | null {
  const buf = Buffer.alloc(Math.max(0, size - from))
  fs.readSync(fd, buf, 0, buf.length, from)
  const magic = Buffer.alloc(4)
  magic.writeUInt32LE(MAGIC, 0)
  for (let i = buf.indexOf(magic); i >= 0; i = buf.indexOf(magic, i + 1)) {
    if (i + HEADER > buf.length) return null
    const length = buf.readUIntLE(i + 4, 6)
    if (i + HEADER + length > buf.length) continue
    const sha = buf.toString('hex', i + 12, i + HEADER)
    if (createHash('sha256').update(buf.subarray(i + HEADER, i + HEADER + length)).digest('hex') === sha) return from + i
  }
  return null
}

/** The one pack a session appends to, created on the first append. */
export class PackWriter {
  private fd: number | null = null
  private file = ''
  private size = 0
  /** Bytes appended since the last sync, and whether a new pack file awaits the folder's fsync. */
  private dirty = false
  private created = false

  constructor(
    private readonly dir: string,
    private number: number
  ) {}

  /** Append synchronously (to the page cache; cheap), so a failure leaves no gap before later entries. */
  append(sha256: string, bytes: Uint8Array): PackEntry {
    if (this.fd === null || this.size + HEADER + bytes.byteLength > PACK_LIMIT) this.start()
    const at = this.size
    try {
      fs.writevSync(this.fd!, [header(sha256, bytes.byteLength), bytes], at)
    } catch (e) {
      // A partial write would misplace every later entry: cut it off and go on in a fresh pack.
      try {
        fs.ftruncateSync(this.fd!, at)
      } catch {
        this.closeFd()
      }
      throw e
    }
    this.size = at + HEADER + bytes.byteLength
    this.dirty = true
    return { pack: this.file, offset: at + HEADER, length: bytes.byteLength }
  }

  /** fsync what was appended (on the thread pool), then the folder when a pack was created. */
  async sync(): Promise<void> {
    if (!this.dirty || this.fd === null) return
    this.dirty = false
    const fd = this.fd
    try {
      await new Promise<void>((resolve, reject) => fs.fdatasync(fd, (e) => (e ? reject(e) : resolve())))
    } catch (e) {
      this.dirty = true
      throw e
    }
    if (this.created) {
      this.created = false
      fsyncDir(this.dir)
    }
  }

  close(): void {
    this.closeFd()
  }

  private start(): void {
    this.closeFd()
    fs.mkdirSync(this.dir, { recursive: true })
    this.number++
    this.file = path.join(this.dir, `pack-${String(this.number).padStart(6, '0')}.pack`)
    this.fd = fs.openSync(this.file, 'wx')
    this.size = 0
    this.created = true
  }

  private closeFd(): void {
    if (this.fd === null) return
    try {
      fs.closeSync(this.fd)
    } finally {
      this.fd = null
    }
  }
}

export async function readEntry(e: PackEntry): Promise<Uint8Array> {
  const handle = await fs.promises.open(e.pack, 'r')
  try {
    const out = new Uint8Array(e.length)
    const { bytesRead } = await handle.read(out, 0, e.length, e.offset)
    if (bytesRead < e.length) throw new Error(`the original in ${path.basename(e.pack)} is cut short`)
    return out
  } finally {
    await handle.close()
  }
}

export function readEntrySync(e: PackEntry): Uint8Array | null {
  const fd = fs.openSync(e.pack, 'r')
  try {
    const out = new Uint8Array(e.length)
    return fs.readSync(fd, out, 0, e.length, e.offset) === e.length ? out : null
  } finally {
    fs.closeSync(fd)
  }
}
