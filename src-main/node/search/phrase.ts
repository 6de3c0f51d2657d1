// Exact phrase matching over decoded positional lists: documents in every list, then positions at the
// phrase's relative offsets. Driven by the element with the fewest positions (so a rare word in a phrase
// of common ones bounds the work), with no allocation per document.
import type { PhraseElement } from './tokenize'

/** One list (or several merged) decoded: slots ascending, positions ascending within a slot. */
export interface Decoded {
  n: number
  slots: Int32Array
  offs: Int32Array
  /** Stored positions: position × 2, + 1 after a separator. */
  pos: Int32Array
}

export interface PhraseSink {
  push(slot: number, title: number, body: number): void
}

export function matchPhrase(elements: PhraseElement[], lists: Decoded[], alive: Uint8Array, bodyStart: Int32Array, out: PhraseSink): void {
  const k = lists.length
  let d = 0
  for (let j = 1; j < k; j++) if (lists[j].pos.length < lists[d].pos.length) d = j
  const drv = lists[d]
  // Offsets of every element from the driver's, and whether a separator must precede it.
  const shift = Int32Array.from(elements, (e) => e.rel - elements[d].rel)
  const sep = Uint8Array.from(elements, (e) => (e.afterSep ? 1 : 0))
  const ptr = new Int32Array(k)
  const cursor = new Int32Array(k)
  const ends = new Int32Array(k)
  const start0 = elements[d].rel
  for (let i = 0; i < drv.n; i++) {
    const slot = drv.slots[i]
    if (!alive[slot]) continue
    let all = true
    for (let j = 0; j < k; j++) {
      if (j === d) continue
      const l = lists[j]
      let p = ptr[j]
      while (p < l.n && l.slots[p] < slot) p++
      ptr[j] = p
      if (p >= l.n || l.slots[p] !== slot) {
        all = false
        break
      }
      cursor[j] = l.offs[p]
      ends[j] = l.offs[p + 1]
    }
    if (!all) continue
    const bs = bodyStart[slot]
    let title = 0
    let body = 0
    for (let a = drv.offs[i], aEnd = drv.offs[i + 1]; a < aEnd; a++) {
      const v = drv.pos[a]
      const p = v >> 1
      if (sep[d] && (v & 1) === 0) continue
      let ok = true
      for (let j = 0; j < k && ok; j++) {
        if (j === d) continue
        const l = lists[j].pos
        const want = p + shift[j]
        let c = cursor[j]
        const end = ends[j]
        while (c < end && l[c] >> 1 < want) c++
        cursor[j] = c
        ok = c < end && l[c] >> 1 === want && (sep[j] === 0 || (l[c] & 1) === 1)
      }
      if (ok) {
        if (p - start0 < bs) title++
        else body++
      }
    }
    if (title + body > 0) out.push(slot, title, body)
  }
}

/** One list as stored, read into an array: per document a slot delta, a count, then that many position deltas (from 0). */
export interface RawList {
  values: Int32Array
  n: number
}

/**
 * The same match over lists as read from the pool, without decoding them into arrays first: no
 * allocation per list, one pass over each (the decoding and its allocations were most of a phrase's cost).
 */
export function matchPhraseRaw(elements: PhraseElement[], lists: RawList[], alive: Uint8Array, bodyStart: Int32Array, out: PhraseSink): void {
  const k = lists.length
  let d = 0
  for (let j = 1; j < k; j++) if (lists[j].n < lists[d].n) d = j
  const shift = Int32Array.from(elements, (e) => e.rel - elements[d].rel)
  const sep = Uint8Array.from(elements, (e) => (e.afterSep ? 1 : 0))
  // Per list: index of the next unread document header, and the slot of the last document passed.
  const next = new Int32Array(k)
  const passed = new Int32Array(k).fill(-1)
  // Per list, inside the current document: cursor, its end, and the position value at the cursor.
  const cur = new Int32Array(k)
  const end = new Int32Array(k)
  const val = new Int32Array(k)
  const start0 = elements[d].rel
  const dv = lists[d].values
  const dn = lists[d].n
  let slot = -1
  for (let a = 0; a < dn; ) {
    slot += dv[a]
    const from = a + 2
    const to = from + dv[a + 1]
    a = to
    if (!alive[slot]) continue
    let all = true
    for (let j = 0; j < k && all; j++) {
      if (j === d) continue
      const v = lists[j].values
      const n = lists[j].n
      let at = next[j]
      let s = passed[j]
      while (at < n && s + v[at] < slot) {
        s += v[at]
        at += 2 + v[at + 1]
      }
      next[j] = at
      passed[j] = s
      if (at >= n || s + v[at] !== slot) all = false
      else {
        cur[j] = at + 2
        end[j] = at + 2 + v[at + 1]
        val[j] = v[at + 2]
      }
    }
    if (!all) continue
    const bs = bodyStart[slot]
    let title = 0
    let body = 0
    let pv = 0
    for (let c = from; c < to; c++) {
      pv += dv[c]
      const p = pv >> 1
      if (sep[d] && (pv & 1) === 0) continue
      let ok = true
      for (let j = 0; j < k && ok; j++) {
        if (j === d) continue
        const v = lists[j].values
        const want = p + shift[j]
        let c2 = cur[j]
        let x = val[j]
        const e = end[j]
        while (c2 < e && x >> 1 < want) {
          c2++
          if (c2 < e) x += v[c2]
        }
        cur[j] = c2
        val[j] = x
        ok = c2 < e && x >> 1 === want && (sep[j] === 0 || (x & 1) === 1)
      }
      if (ok) {
        if (p - start0 < bs) title++
        else body++
      }
    }
    if (title + body > 0) out.push(slot, title, body)
  }
}

/** A term's hits: parallel arrays in slot order. */
export class Hits {
  n = 0
  slots: Int32Array = new Int32Array(16)
  title: Int32Array = new Int32Array(16)
  body: Int32Array = new Int32Array(16)

  reserve(n: number): void {
    if (n <= this.slots.length) return
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n)
      b.set(a.subarray(0, this.n))
      return b
    }
    this.slots = grow(this.slots)
    this.title = grow(this.title)
    this.body = grow(this.body)
  }

  push(slot: number, title: number, body: number): void {
    if (this.n === this.slots.length) this.reserve(this.n * 2)
    this.slots[this.n] = slot
    this.title[this.n] = title
    this.body[this.n++] = body
  }
}
