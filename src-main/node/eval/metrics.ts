// Scoring functions of the evaluation, kept pure so tests can check them on tiny synthetic gold.
// Leniency follows the devset README: names match by normalised containment, measures by
// category plus overlapping evidence span.

export interface PRF {
  tp: number
  fp: number
  fn: number
}

export function prf(c: PRF): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp)
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}

export function addPRF(a: PRF, b: PRF): PRF {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }
}

/** Lower-cases and drops whitespace and punctuation, so 「鄭州市 」 and 鄭州市 compare equal. */
export function normalise(s: string): string {
  return s.replace(/[\s\u3000，,。.、:：;；()（）〔〕\[\]【】"“”'‘’]/g, '').toLowerCase()
}

export function containsEither(a: string, b: string): boolean {
  const x = normalise(a)
  const y = normalise(b)
  if (!x || !y) return false
  return x.includes(y) || y.includes(x)
}

/** Greedy one-to-one matching of predicted and gold items under `same`. */
export function matchCount<P, G>(pred: P[], gold: G[], same: (p: P, g: G) => boolean): { pairs: [P, G][]; counts: PRF } {
  const used = new Set<number>()
  const pairs: [P, G][] = []
  for (const p of pred) {
    for (let j = 0; j < gold.length; j++) {
      if (used.has(j) || !same(p, gold[j])) continue
      used.add(j)
      pairs.push([p, gold[j]])
      break
    }
  }
  return { pairs, counts: { tp: pairs.length, fp: pred.length - pairs.length, fn: gold.length - pairs.length } }
}

export function scoreRegions(pred: string[], gold: string[]): PRF {
  // Exact names first, so 朝阳区 pairs with 朝阳区 before containment can pair it with 朝阳.
  const exact = matchCount(pred, gold, (p, g) => normalise(p) === normalise(g))
  const restP = pred.filter((p) => !exact.pairs.some(([x]) => x === p))
  const restG = gold.filter((g) => !exact.pairs.some(([, y]) => y === g))
  const loose = matchCount(restP, restG, containsEither)
  return { tp: exact.counts.tp + loose.counts.tp, fp: loose.counts.fp, fn: loose.counts.fn }
}

/** Null equals null; otherwise containment either way. */
export function nullableContains(pred: string | null, gold: string | null): boolean {
  if (pred === null || gold === null) return pred === gold
  return containsEither(pred, gold)
}

export interface SpanItem {
  category: string
  text: string
  /** Offsets into `docText` when known. */
  start?: number
  end?: number
  params?: Record<string, unknown>
}

function longestCommon(a: string, b: string): number {
  let best = 0
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++
      if (k > best) best = k
    }
  }
  return best
}

/**
 * True when two evidence spans overlap. With offsets on both sides, the intervals decide;
 * otherwise (the gold text could not be located after cleaning) the texts must share a run of
 * at least four characters, or the whole of the shorter one.
 */
export function spansOverlap(p: SpanItem, g: SpanItem): boolean {
  if (p.start !== undefined && p.end !== undefined && g.start !== undefined && g.end !== undefined) {
    return p.start < g.end && g.start < p.end
  }
  const a = normalise(p.text)
  const b = normalise(g.text)
  if (!a || !b) return false
  return longestCommon(a, b) >= Math.min(4, a.length, b.length)
}

/**
 * Locates each gold span in the document text. A span that occurs several times (a headline
 * repeated in the body) takes the occurrence that overlaps a prediction of its category, if any,
 * else the first.
 */
// Pinyin glosses in traditional copies (區(qū)) are removed by the cleaner: a gold span keeps them.
const GLOSS = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňḿ]{1,8}\)/g

export function locateGold(docText: string, gold: SpanItem[], pred: SpanItem[] = []): SpanItem[] {
  return gold.map((g) => {
    const hits: number[] = []
    let t = g.text
    for (let at = docText.indexOf(t); at >= 0 && t; at = docText.indexOf(t, at + 1)) hits.push(at)
    if (!hits.length && GLOSS.test(g.text)) {
      t = g.text.replace(GLOSS, '')
      for (let at = docText.indexOf(t); at >= 0 && t; at = docText.indexOf(t, at + 1)) hits.push(at)
    }
    if (!hits.length) return { ...g }
    const fit = hits.find((at) =>
      pred.some((p) => p.category === g.category && p.start !== undefined && p.end !== undefined && p.start < at + t.length && at < p.end)
    )
    const at = fit ?? hits[0]
    return { ...g, start: at, end: at + t.length }
  })
}

export function paramsEqual(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  const x = a ?? {}
  const y = b ?? {}
  const kx = Object.keys(x).filter((k) => x[k] !== undefined && x[k] !== null).sort()
  const ky = Object.keys(y).filter((k) => y[k] !== undefined && y[k] !== null).sort()
  if (kx.join() !== ky.join()) return false
  return kx.every((k) => String(x[k]) === String(y[k]))
}

export function scoreMeasures(pred: SpanItem[], gold: SpanItem[]): { counts: PRF; pairs: [SpanItem, SpanItem][] } {
  // Exact-category pairs with the largest overlap first would be ideal; greedy in document order
  // is close enough for scoring and keeps the function simple.
  const { pairs, counts } = matchCount(pred, gold, (p, g) => p.category === g.category && spansOverlap(p, g))
  return { counts, pairs }
}
