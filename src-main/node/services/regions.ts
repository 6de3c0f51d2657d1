// Region lookups for the interface (picker) and corrections, over the extractor's gazetteer.
import { allPlaces, placeByCode, toRef } from '../extract/regions/gazetteer'
import type { RegionRef } from '../../common/record'
import { CorrectionError } from '../archive/corrections'

export function regionKey(r: Pick<RegionRef, 'code' | 'name'>): string {
  return `${r.code}:${r.name}`
}

/** "code" or "code:name" (zones share their parent's code) → the gazetteer's place. */
export function regionFromKey(key: string): RegionRef {
  const [code, name] = key.split(':')
  const place = name ? allPlaces().find((p) => p.code === code && p.name === name) : placeByCode(code)
  if (!place) throw new CorrectionError('errors.core.noRegion', { key }, `no region with code ${key}`)
  return toRef(place)
}

export function searchRegions(query: string, limit: number): (RegionRef & { key: string })[] {
  const exact: RegionRef[] = []
  const starts: RegionRef[] = []
  const contains: RegionRef[] = []
  for (const p of allPlaces()) {
    if (p.name === query || p.code === query) exact.push(toRef(p))
    else if (p.name.startsWith(query)) starts.push(toRef(p))
    else if (p.name.includes(query)) contains.push(toRef(p))
  }
  return [...exact, ...starts, ...contains].slice(0, limit).map((r) => ({ ...r, key: regionKey(r) }))
}
