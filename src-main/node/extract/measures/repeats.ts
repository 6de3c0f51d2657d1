// Repeats of one measure (a lead restating the body, a heading over its item, a Q&A answering the
// same rule twice) are one measure: the caller keys a mention by its category, the rule words that
// matched and the numbers stated, so mentions with the same key are one statement repeated. Of a
// repeat, the mention that orders is kept over one that only names the measure (a headline), with
// its params; the level is the stricter of the two. (Merging by character overlap across keys was
// measured and dropped: it merged different statements as often as true restatements.)
import type { Measure } from '../../../common/record'

// Words that make a mention an order rather than a mention of one (a headline, a summary).
const DIRECTIVE = /须|必须|(?<![对相供反适效])应当?|一律|严禁|禁止|不得|实行|实施|落实|暂停|停止|要求|即日起|请|务必/g

function directiveness(s: string): number {
  return (s.match(DIRECTIVE) ?? []).length
}

/**
 * Adds `m` (its simplified span `ms`) to `found` under `key`, merged into an earlier mention with
 * the same key. `spanOf` gives a stored measure's simplified span. True when the measure is new.
 */
export function addMention(found: Map<string, Measure>, key: string, m: Measure, ms: string, spanOf: (x: Measure) => string): boolean {
  const old = found.get(key)
  if (!old) {
    found.set(key, m)
    return true
  }
  const keepNew = directiveness(spanOf(old)) === 0 && directiveness(ms) > 0
  found.set(key, { ...(keepNew ? m : old), level: Math.max(old.level, m.level) })
  return false
}
