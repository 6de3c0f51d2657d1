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
