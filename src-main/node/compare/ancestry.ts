// Where a region sits in the gazetteer: its ancestors and containment. Kept apart from regions.ts
// (picker names and pinyin) because the archive's writers judge tiers with it (compare/tier.ts) and
// need not load the picker's pinyin library.
import type { RegionLevel } from '../../common/record'
import { ancestorsOf, placeByCode, provinceOf } from '../extract/regions/gazetteer'

export interface RegionId {
  /** Canonical key: "code" for the gazetteer's place of that code, "code:name" for a zone sharing it. */
  key: string
  code: string
  name: string
  level: RegionLevel
  province: string
}

/**
 * Ancestors of a region, nearest first (county → city → province). A zone that shares its parent's
 * code ("410100:郑东新区"-style keys) has the place of that code as its first ancestor.
 */
export function ancestryOf(r: Pick<RegionId, 'code' | 'name'>): RegionId[] {
  const byCode = placeByCode(r.code)
  const chain = ancestorsOf(r.code).map((p) => ({ key: p.code, code: p.code, name: p.name, level: p.level, province: provinceOf(p).name }))
  if (byCode && byCode.name !== r.name) {
    chain.unshift({ key: byCode.code, code: byCode.code, name: byCode.name, level: byCode.level, province: provinceOf(byCode).name })
  }
  return chain
}

/** True when `inner` lies inside `outer` (strictly). */
export function isWithin(inner: Pick<RegionId, 'code' | 'name'>, outer: Pick<RegionId, 'code' | 'name'>): boolean {
  return ancestryOf(inner).some((a) => a.code === outer.code && a.name === outer.name)
}
