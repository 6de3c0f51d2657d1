// A seeded generator (an LCG, as in the import durability test) so a failing fault test reproduces.
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32
}
