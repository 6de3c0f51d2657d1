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
import type { RegionId } from './ancestry'
import { FOREIGN, OWN, SHARED, type Tier } from './tier'

export { FOREIGN, OWN, SHARED, type Tier } from './tier'

export interface Resolved {
  measure: MeasureRow
  doc: DocInfo
  /** The documents of the deciding date (or the undated ones), the cited document first. */
  documentIds: string[]
  dated: boolean
  tier: Tier
}

type Key = Pick<RegionId, 'code' | 'name'>

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

/**
 * Direct cells of regions (no inheritance), memoised per region and category for one comparison. Each
 * tier is read newest first from the index (region_categories carries the tier) and only its newest
 * date is kept, so a cell costs a few rows however many documents name the region.
 */
export class Resolver {
  private memo = new Map<string, Resolved | null>()

  constructor(
    readonly reader: CompareReader,
    readonly asOf: string
  ) {}

  /** The cell from the region's own documents, else from those it shares. */
  primary(region: Key, category: MeasureCategory): Resolved | null {
    return this.cached(region, category, 'p', () => this.ofTier(region, category, OWN) ?? this.ofTier(region, category, SHARED))
  }

  /** The cell from documents issued by unrelated places (used when nothing nearer says anything). */
  foreign(region: Key, category: MeasureCategory): Resolved | null {
    return this.cached(region, category, 'f', () => this.ofTier(region, category, FOREIGN))
  }

  private cached(region: Key, category: MeasureCategory, kind: string, compute: () => Resolved | null): Resolved | null {
    const key = `${kind}:${region.code}:${region.name}:${category}`
    let hit = this.memo.get(key)
    if (hit === undefined) {
      hit = compute()
      this.memo.set(key, hit)
    }
    return hit
  }

  /** The newest dated group of the tier, else its undated documents. */
  private ofTier(region: Key, category: MeasureCategory, tier: Tier): Resolved | null {
    const ids: string[] = []
    let date: string | null = null
    this.reader.datedHits(region, category, tier, this.asOf, (hit) => {
      if (date !== null && hit.date !== date) return false
      date = hit.date
      if (!ids.includes(hit.documentId)) ids.push(hit.documentId)
      return true
    })
    if (ids.length) return cellOfGroup(this.reader, ids, category, tier, true)
    const undated = this.reader.undatedHits(region, category).filter((h) => h.tier === tier).map((h) => h.documentId)
    return undated.length ? cellOfGroup(this.reader, undated, category, tier, false) : null
  }
}
