// The index on disk: search-index.bin beside the database, so opening an archive never rebuilds it.
// It is derived data (rebuilt from the database whenever it is missing, damaged, of another format,
// tokenizer or extractor, or older than the change log allows), written to a temporary file and renamed.
import fs from 'node:fs'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import { PostingPool } from './postings'
import { TextIndex } from './text-index'
import { TOKENIZER_VERSION } from './tokenize'
import { EXTRACTOR_VERSION } from '../extract/extract'
import type { DocMeta } from './meta'

/** 2: images written before schema 9 may miss tags added in bulk (see migration 9): built again once. */
export const INDEX_FORMAT = 2
const MAGIC = 'PASEARCH'

export interface IndexImage {
  index: TextIndex
  meta: (DocMeta | null)[]
  /** The last change-log entry the image includes. */
  changeSeq: number
}

interface Header {
  format: number
  tokenizer: number
  extractor: number
  changeSeq: number
  lists: number
  slots: number
  sections: number[]
  crc: number
}

export function indexFile(archiveDir: string): string {
  return path.join(archiveDir, 'search-index.bin')
}

function bytesOf(a: Int32Array | Uint8Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
}

export function encodeImage(img: IndexImage): Buffer {
  const { index } = img
  const lists = index.pool.count
  const slots = index.slots
  const keys: string[] = new Array(lists)
  for (const [k, id] of index.dict) keys[id] = k
  const pool = index.pool
  const sections = [
    pool.trimmed(),
    bytesOf(pool.head.subarray(0, lists)),
    bytesOf(pool.tail.subarray(0, lists)),
    bytesOf(pool.blockEnd.subarray(0, lists)),
    bytesOf(pool.blockSize.subarray(0, lists)),
    bytesOf(index.lastSlot.subarray(0, lists)),
    bytesOf(index.df.subarray(0, lists)),
    index.alive.subarray(0, slots),
    bytesOf(index.bodyStart.subarray(0, slots)),
    bytesOf(index.bodyLength.subarray(0, slots)),
    Buffer.from(keys.join('\u0000'), 'utf8'),
    Buffer.from(index.ids.join('\n'), 'utf8'),
    Buffer.from(JSON.stringify(img.meta), 'utf8')
  ]
  const body = Buffer.concat(sections.map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength)))
  const header: Header = {
    format: INDEX_FORMAT,
    tokenizer: TOKENIZER_VERSION,
    extractor: EXTRACTOR_VERSION,
    changeSeq: img.changeSeq,
    lists,
    slots,
    sections: sections.map((s) => s.byteLength),
    crc: crc32(body)
  }
  const h = Buffer.from(JSON.stringify(header), 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32LE(h.length)
  return Buffer.concat([Buffer.from(MAGIC), len, h, body])
}

/** The image, or null when the file is missing, damaged or made by another version. */
export function decodeImage(buf: Buffer): IndexImage | null {
  try {
    if (buf.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return null
    const hlen = buf.readUInt32LE(MAGIC.length)
    const header = JSON.parse(buf.subarray(MAGIC.length + 4, MAGIC.length + 4 + hlen).toString('utf8')) as Header
    if (header.format !== INDEX_FORMAT || header.tokenizer !== TOKENIZER_VERSION || header.extractor !== EXTRACTOR_VERSION) return null
    const body = buf.subarray(MAGIC.length + 4 + hlen)
    if (body.length !== header.sections.reduce((a, b) => a + b, 0) || crc32(body) !== header.crc) return null
    let at = 0
    const next = (): Uint8Array => {
      const n = header.sections.shift()!
      // A copy: typed arrays need aligned, owned buffers.
      const out = new Uint8Array(n)
      out.set(body.subarray(at, at + n))
      at += n
      return out
    }
    const i32 = (): Int32Array => {
      const b = next()
      return new Int32Array(b.buffer, 0, b.byteLength >> 2)
    }
    const poolBytes = next()
    const pool = PostingPool.fromParts(poolBytes, i32(), i32(), i32(), i32())
    const lastSlot = i32()
    const df = i32()
    const alive = next()
    const bodyStart = i32()
    const bodyLength = i32()
    const keys = Buffer.from(next()).toString('utf8')
    const idsText = Buffer.from(next()).toString('utf8')
    const meta = JSON.parse(Buffer.from(next()).toString('utf8')) as (DocMeta | null)[]
    const dict = new Map<string, number>()
    if (header.lists) keys.split('\u0000').forEach((k, i) => dict.set(k, i))
    const ids = header.slots ? idsText.split('\n') : []
    if (dict.size !== header.lists || ids.length !== header.slots || meta.length !== header.slots) return null
    const index = new TextIndex({ pool, dict, lastSlot, df, ids, alive, bodyStart, bodyLength })
    return { index, meta, changeSeq: header.changeSeq }
  } catch {
    return null
  }
}

export function readImage(file: string): IndexImage | null {
  let buf: Buffer
  try {
    buf = fs.readFileSync(file)
  } catch {
    return null
  }
  return decodeImage(buf)
}

/** Written aside and renamed: a crash leaves the old file or the new one, never half of one. */
export async function writeImage(file: string, img: IndexImage): Promise<number> {
  const buf = encodeImage(img)
  const tmp = `${file}.tmp`
  await fs.promises.writeFile(tmp, buf)
  await fs.promises.rename(tmp, file)
  return buf.length
}
