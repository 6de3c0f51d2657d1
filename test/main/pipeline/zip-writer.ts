// A minimal zip writer for tests (store or deflate, no zip64), so hostile archives such as zip
// bombs and deep nesting can be built on the fly without adding a dependency.
import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipEntryInput {
  name: string
  data: Uint8Array
  /** Store without compression (default: deflate). */
  store?: boolean
  /** Write this as the declared uncompressed size instead of the real one (a lying header). */
  declaredSize?: number
  /** Raw name bytes without the UTF-8 flag (as Chinese Windows zips store GBK names). */
  rawName?: Uint8Array
}

export function makeZip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = e.rawName ? Buffer.from(e.rawName) : Buffer.from(e.name, 'utf8')
    const flags = e.rawName ? 0 : 0x0800
    const body = e.store ? Buffer.from(e.data) : deflateRawSync(e.data)
    const crc = crc32(e.data)
    const size = e.declaredSize ?? e.data.length
    const method = e.store ? 0 : 8
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6) // 0x0800: UTF-8 names
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, body)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc >>> 0, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
