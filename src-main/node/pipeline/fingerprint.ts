// Duplicate and near-duplicate fingerprints.
//
// contentHash: sha256 of the normalised text (simplified script, no punctuation, no whitespace),
// so the same notice re-published with different line breaks, punctuation width or script
// hashes the same.
//
// minhash: a MinHash signature over character 5-shingles of the normalised text. Each slot is
// the minimum of an independent hash over all shingles, so the fraction of equal slots
// estimates the Jaccard similarity of the shingle sets.
//
// Why containment as well: a web page that republishes a notice usually wraps it in its own
// introduction and commentary (seeds 002/003 style), so the Jaccard score of "A inside B" is
// |A|/|B|, which can be low even when all of A is in B. `estimateSimilarity` therefore turns the
// Jaccard estimate into a containment estimate of the SMALLER document, using the shingle counts
// stored in the signature:  |A∩B| = J·(|A|+|B|)/(1+J),  containment = |A∩B| / min(|A|,|B|).
// That makes "one contains the other" score high, while unrelated texts still score near 0.
import { createHash } from 'node:crypto'
import { simplifiedShadow } from './script'
// Signature size and the similarity estimate are shared with the archive's near-duplicate index.
import { MINHASH_K } from '../similarity'
export { MINHASH_K, estimateJaccard, estimateSimilarity } from '../similarity'

export const SHINGLE = 5

// Everything that is not a letter or digit is dropped: punctuation (both widths), symbols, spaces.
const NON_WORD = /[^\p{L}\p{N}]+/gu

export function normaliseForHash(text: string): string {
  return normaliseSimplified(simplifiedShadow(text))
}

/** Normalise a text already in its simplified shadow form (the pipeline has it at hand). */
export function normaliseSimplified(simplified: string): string {
  return simplified.replace(NON_WORD, '').toLowerCase()
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseForHash(text), 'utf8').digest('hex')
}

/**
 * Both fingerprints of a text, normalising it once. Pass the text's simplified shadow when it is
 * already computed; the result is the same as contentHash(text) / minhash(text).
 */
export function fingerprints(text: string, simplified?: string, k: number = MINHASH_K): { contentHash: string; minhash: number[] } {
  const norm = simplified === undefined ? normaliseForHash(text) : normaliseSimplified(simplified)
  return { contentHash: createHash('sha256').update(norm, 'utf8').digest('hex'), minhash: minhashNormalised(norm, k) }
}

// 32-bit FNV-1a over the shingle's code units, then per-slot mixing with a seed: cheap and good
// enough for MinHash (we need independence between slots, not cryptographic strength).
function fnv1a(s: string, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function mix(x: number, seed: number): number {
  // murmur3 finaliser over x ^ seed
  let h = (x ^ seed) >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const SEEDS: number[] = (() => {
  const out: number[] = []
  let x = 0x9e3779b9
  for (let i = 0; i < 1024; i++) {
    x = mix(x + i, 0x5bd1e995)
    out.push(x)
  }
  return out
})()

function shingleHashes(norm: string): Uint32Array {
  if (norm.length === 0) return new Uint32Array(0)
  if (norm.length <= SHINGLE) return Uint32Array.of(fnv1a(norm, 0, norm.length))
  // Sort + unique is faster than a Set for a few thousand numbers.
  const all = new Uint32Array(norm.length - SHINGLE + 1)
  for (let i = 0; i < all.length; i++) all[i] = fnv1a(norm, i, i + SHINGLE)
  all.sort()
  let n = 0
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]
  return all.subarray(0, n)
}

/**
 * MinHash signature: k slots plus, as the LAST element, the number of distinct shingles (needed
 * for the containment estimate). Length is k + 1.
 *
 * Computed as one-permutation hashing (one hash per shingle, the top bits pick a slot, the slot
 * keeps its minimum) with rotation densification for empty slots: O(shingles) instead of
 * O(k × shingles), which matters at hundreds of documents per second. Slot equality still
 * estimates Jaccard similarity.
 */
export function minhash(text: string, k: number = MINHASH_K): number[] {
  return minhashNormalised(normaliseForHash(text), k)
}

const EMPTY = 0xffffffff

export function minhashNormalised(norm: string, k: number = MINHASH_K): number[] {
  const hashes = shingleHashes(norm)
  const sig = new Array<number>(k + 1).fill(EMPTY)
  for (let i = 0; i < hashes.length; i++) {
    const h = mix(hashes[i], SEEDS[0])
    const slot = Math.floor((h / 0x100000000) * k)
    const v = mix(h, SEEDS[1])
    if (v < sig[slot]) sig[slot] = v
  }
  if (hashes.length > 0) {
    // Rotation densification: an empty slot borrows the value of the next non-empty slot,
    // salted with the distance so that borrowed values only match borrowed values.
    for (let j = 0; j < k; j++) {
      if (sig[j] !== EMPTY) continue
      let d = 1
      while (sig[(j + d) % k] === EMPTY || d === 0) d++
      const src = sig[(j + d) % k]
      sig[j] = src === EMPTY ? EMPTY : (mix(src, SEEDS[2 + (d % 1000)]) | 0x80000000) >>> 0
    }
  }
  sig[k] = hashes.length
  return sig
}
