// The measure in force for one region and category as of a date.
//
// Rules (each tested in test/main/compare):
// - among the documents that state the category for the region, the latest date on or before the
//   as-of date wins; at that date the strictest measure not lifted is the cell, and every document of
//   that date counts (ties: the higher level wins, both are counted);
// - if every measure of that date lifts the category, the cell says so: level 0, `lifted` true, citing
//   the lifting document (a lifted measure ends the category, and the user sees where);
// - a region's own documents come first: a document is the region's own when its issuer is the region,
//   or (issuer unknown or above it) every place it names lies in the region; documents naming it among
//   other places, or issued by a place inside it (a district's notice, for its city), come next;
// - undated documents never override or mix with dated ones: they fill a cell only when that tier has
//   no dated measure in force, and such a cell has `date: null` (the UI says "date unknown");
// - documents whose issuer is another, unrelated place count last, after inheritance from the parent.
import type { MeasureCategory } from '../../common/taxonomy'
import type { CompareReader, DocInfo, MeasureRow } from './load'
import { compareStrictness } from './strictness'
import { isWithin, type RegionId } from './regions'
import { issuerRegion } from './issuer'

export const OWN = 0
export const SHARED = 1
export const FOREIGN = 2
export type Tier = typeof OWN | typeof SHARED | typeof FOREIGN

export interface Resolved {
  measure: MeasureRow
  doc: DocInfo
  /** The documents of the deciding date (or the undated ones), the cited document first. */
  documentIds: string[]
  dated: boolean
  tier: Tier
}

type Key = Pick<RegionId, 'code' | 'name'>

export function tierOf(doc: DocInfo, region: Key): Tier {
  const issuer = issuerRegion(doc.issuer)
  if (issuer) {
    if (issuer.code === region.code && issuer.name === region.name) return OWN
    // A district's own notice speaks for the district: for its city it only comes after the city's own.
    if (isWithin(issuer, region)) return SHARED
    if (!isWithin(region, issuer)) return FOREIGN
  }
  const own = doc.regions.every((r) => (r.code === region.code && r.name === region.name) || isWithin(r, region))
  return own ? OWN : SHARED
}

/** The cell a group of documents (same date, or all undated) gives: the strictest measure in force. */
export function cellOfGroup(reader: CompareReader, docIds: string[], category: MeasureCategory, tier: Tier, dated: boolean): Resolved | null {
  let best: MeasureRow | null = null
  let lifting: MeasureRow | null = null
  for (const id of docIds) {
    for (const m of reader.measuresOf(id, category)) {
      if (m.lifted) lifting ??= m
      else if (!best || compareStrictness(m, best) > 0) best = m
    }
  }
  const measure = best ?? lifting
  if (!measure) return null
  const doc = reader.doc(measure.documentId)
  if (!doc) return null
  return { measure, doc, documentIds: [measure.documentId, ...docIds.filter((d) => d !== measure.documentId)], dated, tier }
}

/** Direct cells of regions (no inheritance), memoised per region and category for one comparison. */
export class Resolver {
  private memo = new Map<string, { primary: Resolved | null; foreign: Resolved | null }>()

  constructor(
    readonly reader: CompareReader,
    readonly asOf: string
  ) {}

  direct(region: Key, category: MeasureCategory): { primary: Resolved | null; foreign: Resolved | null } {
    const key = `${region.code}:${region.name}:${category}`
    let hit = this.memo.get(key)
    if (!hit) {
      hit = this.compute(region, category)
      this.memo.set(key, hit)
    }
    return hit
  }

  private compute(region: Key, category: MeasureCategory): { primary: Resolved | null; foreign: Resolved | null } {
    const groups: ({ date: string; ids: string[] } | null)[] = [null, null, null]
    this.reader.datedHits(region, category, this.asOf, (hit) => {
      const own = groups[OWN]
      if (own && hit.date < own.date) return false
      const doc = this.reader.doc(hit.documentId)
      if (!doc) return true
      const tier = tierOf(doc, region)
      const g = groups[tier]
      if (!g) groups[tier] = { date: hit.date, ids: [hit.documentId] }
      else if (g.date === hit.date && !g.ids.includes(hit.documentId)) g.ids.push(hit.documentId)
      return true
    })
    let undated: string[][] | null = null
    const undatedOf = (tier: Tier): string[] => {
      if (!undated) {
        undated = [[], [], []]
        for (const id of this.reader.undatedHits(region, category)) {
          const doc = this.reader.doc(id)
          if (doc) undated[tierOf(doc, region)].push(id)
        }
      }
      return undated[tier]
    }
    const pick = (tier: Tier): Resolved | null => {
      const g = groups[tier]
      if (g) return cellOfGroup(this.reader, g.ids, category, tier, true)
      const ids = undatedOf(tier)
      return ids.length ? cellOfGroup(this.reader, ids, category, tier, false) : null
    }
    return { primary: pick(OWN) ?? pick(SHARED), foreign: pick(FOREIGN) }
  }
}
