// Near-duplicate lookup over MinHash signatures with locality-sensitive hashing: documents that
// share a band become candidates, and the signature agreement estimates their similarity.
// 32 bands × 2 rows: a document contained in a longer one (a notice quoted inside a news item) has a
// Jaccard similarity near 0.3 although its containment is ~1; such pairs are found ~95% of the time
// (21 × 3 found them ~44%).
//
// The index lives in memory, derived from documents.minhash: it is rebuilt when any write other than
// an import touched the documents table, and kept up to date by imports. Typed arrays keep it small
// (about 16 bytes per band and 260 per document), and a lookup costs no SQL at all; as a table it
// cost more than the rest of storing a document and grew the database by a fifth.
import type { Archive } from './archive'
import { MINHASH_K, estimateSimilarity } from '../similarity'

const ROWS = 2
const BANDS = 32
const STRIDE = MINHASH_K + 1
/** Bands shared by more documents than this come from boilerplate every notice repeats: they are ignored. */
const BAND_CAP = 30
/** Candidates verified per lookup (those sharing most bands), and links kept. */
const VERIFY = 50
const KEEP = 20

/** Estimated similarity from which two documents are linked as `similar`. */
export const SIMILAR_THRESHOLD = 0.5

/** A signature as stored in documents.minhash. */
export function minhashBlob(sig: number[]): Uint8Array {
  return new Uint8Array(Uint32Array.from(sig).buffer)
}

export function minhashFromBlob(blob: Uint8Array | null): Uint32Array {
  if (!blob) return new Uint32Array(0)
  const copy = new Uint8Array(blob)
  return new Uint32Array(copy.buffer, 0, copy.byteLength >> 2)
}

/** The band keys of a signature: a 32-bit hash of the band number and its rows. */
export function lshBands(sig: ArrayLike<number>): Uint32Array {
  if (sig.length !== STRIDE) return new Uint32Array(0)
  const keys = new Uint32Array(BANDS)
  for (let b = 0; b < BANDS; b++) {
    // FNV-1a, then a murmur finaliser so the low bits spread over the table. A collision only adds
    // a candidate, which verification then drops.
    let h = Math.imul(0x811c9dc5 ^ b, 0x01000193)
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r], 0x01000193)
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    keys[b] = h >>> 0
  }
  return keys
}

export class NearDuplicateIndex {
  private ids: string[] = []
  private sigs = new Uint32Array(1024 * STRIDE)
  /** Open addressing, linear probing: a band key and the slot of a document (+1; 0 = empty). */
  private keys = new Uint32Array(1 << 12)
  private slots = new Int32Array(1 << 12)
  private used = 0
  private popular = new Set<number>()

  get size(): number {
    return this.ids.length
  }

  add(id: string, sig: ArrayLike<number>): void {
    const bands = lshBands(sig)
    if (!bands.length) return
    const slot = this.ids.length
    this.ids.push(id)
    if ((slot + 1) * STRIDE > this.sigs.length) {
      const grown = new Uint32Array(this.sigs.length * 2)
      grown.set(this.sigs)
      this.sigs = grown
    }
    this.sigs.set(sig, slot * STRIDE)
    if ((this.used + BANDS) * 2 > this.keys.length) this.grow()
    for (const key of bands) this.insert(key, slot + 1)
  }

  /** Stored documents similar to a signature, best first. */
  similar(sig: ArrayLike<number>): { id: string; score: number }[] {
    const shared = new Map<number, number>()
    const mask = this.keys.length - 1
    for (const key of lshBands(sig)) {
      if (this.popular.has(key)) continue
      for (let i = key & mask; this.slots[i] !== 0; i = (i + 1) & mask) {
        if (this.keys[i] === key) shared.set(this.slots[i] - 1, (shared.get(this.slots[i] - 1) ?? 0) + 1)
      }
    }
    return [...shared]
      .sort((a, b) => b[1] - a[1])
      .slice(0, VERIFY)
      .map(([slot]) => ({ id: this.ids[slot], score: estimateSimilarity(sig, this.sigs.subarray(slot * STRIDE, (slot + 1) * STRIDE)) }))
      .filter((c) => c.score >= SIMILAR_THRESHOLD)
      .sort((a, b) => b.score - a.score)
      .slice(0, KEEP)
  }

  private insert(key: number, value: number): void {
    if (this.popular.has(key)) return
    const mask = this.keys.length - 1
    let n = 0
    let i = key & mask
    for (; this.slots[i] !== 0; i = (i + 1) & mask) if (this.keys[i] === key) n++
    if (n >= BAND_CAP) {
      this.popular.add(key)
      return
    }
    this.keys[i] = key
    this.slots[i] = value
    this.used++
  }

  private grow(): void {
    const { keys, slots } = this
    this.keys = new Uint32Array(keys.length * 2)
    this.slots = new Int32Array(keys.length * 2)
    this.used = 0
    for (let i = 0; i < keys.length; i++) if (slots[i] !== 0) this.insert(keys[i], slots[i])
  }
}

const cache = new WeakMap<Archive, { index: NearDuplicateIndex; generation: number }>()

/** The archive's index, rebuilt from the database when a write outside imports changed documents. */
export function nearDuplicateIndex(archive: Archive): NearDuplicateIndex {
  const hit = cache.get(archive)
  if (hit && hit.generation === archive.documentsGeneration) return hit.index
  const index = new NearDuplicateIndex()
  for (const row of archive.all<{ id: string; minhash: Uint8Array }>('SELECT id, minhash FROM documents WHERE minhash IS NOT NULL ORDER BY rowid')) {
    if (row.minhash.byteLength === STRIDE * 4) index.add(row.id, minhashFromBlob(row.minhash))
  }
  cache.set(archive, { index, generation: archive.documentsGeneration })
  return index
}

/** After an import's write: the index already holds its documents. */
export function nearDuplicateIndexSynced(archive: Archive, index: NearDuplicateIndex): void {
  cache.set(archive, { index, generation: archive.documentsGeneration })
}

/** After a failed write: what the index was told may not be stored. */
export function forgetNearDuplicateIndex(archive: Archive): void {
  cache.delete(archive)
}
