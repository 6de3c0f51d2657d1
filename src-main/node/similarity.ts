// Similarity of MinHash signatures: shared by the pipeline (which computes signatures) and the
// archive (which indexes them and pairs re-processed parts), so neither depends on the other.
/** Signature size: k hash minima plus the shingle count in the last slot. */
export const MINHASH_K = 64

/** Estimated Jaccard similarity of two signatures of the same k. */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const k = Math.min(a.length, b.length) - 1
  if (k <= 0 || a[k] === 0 || b[k] === 0) return 0
  let eq = 0
  for (let i = 0; i < k; i++) if (a[i] === b[i]) eq++
  return eq / k
}

/**
 * Similarity 0..1 used to link documents: the estimated containment of the smaller document in
 * the larger one (see the header comment). Equal texts give 1; unrelated texts give ~0.
 */
export function estimateSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const j = estimateJaccard(a, b)
  if (j === 0) return 0
  const k = Math.min(a.length, b.length) - 1
  const na = a[k]
  const nb = b[k]
  const inter = (j * (na + nb)) / (1 + j)
  const c = inter / Math.min(na, nb)
  return Math.round(Math.min(1, c) * 1000) / 1000
}
