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

// What a same-worded statement is about: the places its clause names (徐汇区, 琼山区, 华新镇). Two
// districts' testing rounds worded alike in a roundup are two measures; a restatement names the
// same places, or none.
const PLACE = /([\u4e00-\u9fff]{2})(区|县|镇|街道)/g
// Words before 区/县/镇 that name a kind of area or a role, not a place (全区, 封控区, 主城区, 乡镇).
const NOT_PLACE = /^[全本该各我辖]|^(主城|老城|新城|市城|县城|中高|城乡)$|[社小控范险辖园片景街乡]$/

/** The places a clause names, as a sorted key ('' when it names none). */
export function anchorOf(clause: string): string {
  const out = new Set<string>()
  for (const m of clause.matchAll(PLACE)) if (!NOT_PLACE.test(m[1])) out.add(m[0])
  return [...out].sort().join(',')
}

/**
 * Keys mentions apart by the places they name: `key` stays as it is for the first place seen
 * (or for no place), and a mention naming other places gets a key of its own.
 */
export class PlaceKeys {
  private seen = new Map<string, Map<string, string>>()

  keyFor(key: string, anchor: string): string {
    let places = this.seen.get(key)
    if (!places) this.seen.set(key, (places = new Map()))
    const hit = places.get(anchor) ?? (anchor === '' ? places.values().next().value : places.get(''))
    if (hit) return hit
    const stored = places.size === 0 ? key : key + '@' + anchor
    places.set(anchor, stored)
    return stored
  }
}
