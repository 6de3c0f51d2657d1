// How closely a document speaks for a region it names (own, shared, foreign). The archive stores the
// tier of every document × region (document_regions.tier, kept by archive/region-tiers.ts), so that a
// comparison reads the newest documents of each tier from the index instead of judging every document.
import { issuerRegion } from './issuer'
import { isWithin, type RegionId } from './ancestry'

export const OWN = 0
export const SHARED = 1
export const FOREIGN = 2
export type Tier = typeof OWN | typeof SHARED | typeof FOREIGN

type Key = Pick<RegionId, 'code' | 'name'>

/**
 * A document is the region's own when its issuer is the region, or (issuer unknown or above it) every
 * place it names lies in the region; documents naming it among other places, or issued by a place inside
 * it (a district's notice, for its city), share it; an issuer elsewhere makes the document foreign.
 */
export function tierOf(doc: { issuer: string | null; regions: readonly Key[] }, region: Key): Tier {
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

export function asTier(v: unknown): Tier {
  const n = Number(v)
  return n === OWN || n === FOREIGN ? n : SHARED
}
