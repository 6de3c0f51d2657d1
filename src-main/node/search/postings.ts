// Posting lists in one growable byte pool: each list is a chain of blocks that double in size
// (16 bytes up to 32 KiB; the last 4 bytes of a block point to the next), filled with varints.
// Hundreds of thousands of short lists (one per document number or code) cost a few bytes each
// instead of a typed-array object each, and the whole pool saves and loads as one buffer.
const FIRST_BLOCK = 16
const MAX_BLOCK = 32768

function nextSize(size: number): number {
  return Math.min(MAX_BLOCK, size * 2)
}

export class PostingPool {
  bytes: Uint8Array
  used: number
  /** Per list: first block, write offset, end of the current block, bytes written. */
  head: Int32Array
  tail: Int32Array
  blockEnd: Int32Array
  blockSize: Int32Array
  count = 0

  constructor(capacity = 1 << 16, lists = 1024) {
    this.bytes = new Uint8Array(capacity)
    this.used = 1 // offset 0 means "no block"
    this.head = new Int32Array(lists)
    this.tail = new Int32Array(lists)
    this.blockEnd = new Int32Array(lists)
    this.blockSize = new Int32Array(lists)
  }

  /** A new empty list; returns its number. */
  newList(): number {
    const id = this.count++
    if (id >= this.head.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(Math.max(1024, a.length * 2))
        b.set(a)
        return b
      }
      this.head = grow(this.head)
      this.tail = grow(this.tail)
      this.blockEnd = grow(this.blockEnd)
      this.blockSize = grow(this.blockSize)
    }
    const start = this.alloc(FIRST_BLOCK)
    this.head[id] = start
    this.tail[id] = start
    this.blockEnd[id] = start + FIRST_BLOCK - 4
    this.blockSize[id] = FIRST_BLOCK
    return id
  }

  private alloc(size: number): number {
    if (this.used + size > this.bytes.length) {
      let cap = this.bytes.length * 2
      while (this.used + size > cap) cap *= 2
      const b = new Uint8Array(cap)
      b.set(this.bytes.subarray(0, this.used))
      this.bytes = b
    }
    const at = this.used
    this.used += size
    return at
  }

  private byte(list: number, v: number): void {
    let t = this.tail[list]
    if (t === this.blockEnd[list]) {
      const size = nextSize(this.blockSize[list])
      const block = this.alloc(size)
      const b = this.bytes
      b[t] = block & 0xff
      b[t + 1] = (block >>> 8) & 0xff
      b[t + 2] = (block >>> 16) & 0xff
      b[t + 3] = (block >>> 24) & 0xff
      this.blockSize[list] = size
      this.blockEnd[list] = block + size - 4
      t = block
    }
    this.bytes[t] = v
    this.tail[list] = t + 1
  }

  /** Append an unsigned integer (< 2^31) as a varint. */
  write(list: number, v: number): void {
    while (v >= 0x80) {
      this.byte(list, (v & 0x7f) | 0x80)
      v >>>= 7
    }
    this.byte(list, v)
  }

  /** Drop spare capacity (before saving). */
  trimmed(): Uint8Array {
    return this.bytes.subarray(0, this.used)
  }

  static fromParts(bytes: Uint8Array, head: Int32Array, tail: Int32Array, blockEnd: Int32Array, blockSize: Int32Array): PostingPool {
    const p = new PostingPool(1, 1)
    p.bytes = bytes
    p.used = bytes.length
    p.count = head.length
    p.head = head
    p.tail = tail
    p.blockEnd = blockEnd
    p.blockSize = blockSize
    return p
  }
}

/**
 * Every value of a list, decoded in one pass over its blocks into `buf` (grown as needed; returned
 * with the count): a tight loop per block instead of a call and a block check per byte.
 */
export function readAll(pool: PostingPool, list: number, buf: Int32Array): { values: Int32Array; n: number } {
  const b = pool.bytes
  const stop = pool.tail[list]
  let at = pool.head[list]
  let size = FIRST_BLOCK
  let end = at + size - 4
  let n = 0
  let v = 0
  let shift = 0
  for (;;) {
    // The list's last block is the one its write offset falls in.
    const last = stop >= at && stop <= end
    const lim = last ? stop : end
    if (n + (lim - at) > buf.length) {
      let cap = Math.max(1024, buf.length * 2)
      while (cap < n + (lim - at)) cap *= 2
      const grown = new Int32Array(cap)
      grown.set(buf.subarray(0, n))
      buf = grown
    }
    for (; at < lim; at++) {
      const c = b[at]
      v |= (c & 0x7f) << shift
      if (c < 0x80) {
        buf[n++] = v
        v = 0
        shift = 0
      } else shift += 7
    }
    if (last) break
    const next = b[end] | (b[end + 1] << 8) | (b[end + 2] << 16) | (b[end + 3] << 24)
    size = nextSize(size)
    at = next
    end = next + size - 4
  }
  return { values: buf, n }
}
