// Repeats of one measure (a lead restating the body, a heading over its item, a Q&A answering the
// same rule twice) are one measure. Two mentions are repeats when they match the same rule words
// with the same numbers and their statements overlap: most of the shorter one's character pairs
// recur in the other. Two different statements that merely share a keyword (第二天开展A区核酸筛查,
// 第三天开展B镇核酸筛查) stay two measures. Of a repeat, the most directive mention is kept, with
// its params; the level is the stricter of the two.
import type { Measure } from '../../../common/record'

const SAME_STATEMENT = 0.95

function bigrams(s: string): Set<string> {
  const t = s.replace(/[\s\u3000，,。.、:：;；()（）“”"「」『』《》]/g, '')
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  return out
}

/** Share of the shorter statement's character pairs that recur in the longer one. */
export function overlap(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  const [small, big] = x.size <= y.size ? [x, y] : [y, x]
  if (small.size === 0) return 0
  let shared = 0
  for (const g of small) if (big.has(g)) shared++
  return shared / small.size
}

// Words that make a mention an order rather than a mention of one (a headline, a summary).
const DIRECTIVE = /须|必须|应当?|一律|严禁|禁止|不得|实行|实施|落实|暂停|停止|要求|即日起|请|务必/g

function directiveness(s: string): number {
  return (s.match(DIRECTIVE) ?? []).length
}

/**
 * Adds `m` (its simplified span `ms`) to `found` under `key`: merged into a mention it restates, or
 * kept as a measure of its own. `spanOf` gives a stored measure's simplified span. Returns the key
 * the measure is stored under and whether it is new.
 */
export function addMention(
  found: Map<string, Measure>, key: string, m: Measure, ms: string, spanOf: (x: Measure) => string
): { key: string; added: boolean } {
  let k = key
  let old = found.get(k)
  if (!old && ms.length >= 8) {
    // A restatement in other words: same category, and most of the statement recurs.
    for (const [ok, o] of found) {
      if (o.category === m.category && overlap(spanOf(o), ms) >= SAME_STATEMENT) {
        k = ok
        old = o
        break
      }
    }
  }
  if (!old) {
    found.set(k, m)
    return { key: k, added: true }
  }
  {
    const os = spanOf(old)
    const keepNew = directiveness(os) === 0 && directiveness(ms) > 0
    const kept = keepNew ? m : old
    found.set(k, { ...kept, level: Math.max(old.level, m.level) })
    return { key: k, added: false }
  }
}
