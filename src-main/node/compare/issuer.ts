// The place an issuer speaks for, read from the place names its name starts with:
// 聊城市新冠肺炎疫情防控指挥部 → 聊城市; 菏泽市牡丹区卫生健康局 → 牡丹区 (the most specific of a run).
import { isInside, lookupName, maxNameLength, type Place } from '../extract/regions/gazetteer'

const cache = new Map<string, { code: string; name: string } | null>()

function placeAt(s: string, i: number, within: Place | null): { place: Place; len: number } | null {
  for (let len = Math.min(maxNameLength(), s.length - i); len >= 2; len--) {
    const entries = lookupName(s.slice(i, i + len))
    if (!entries) continue
    // Official names, inside the place already read when there is one; a short form (南昌突发疫情…)
    // only at the very start and only for a province or city, where it is how issuers write it.
    const fits = entries.filter(
      (e) => !e.weak && (!e.short || (i === 0 && (e.place.level === 'province' || e.place.level === 'city'))) && (!within || isInside(e.place, within))
    )
    if (fits.length === 1) return { place: fits[0].place, len }
  }
  return null
}

export function issuerRegion(issuer: string | null): { code: string; name: string } | null {
  if (!issuer) return null
  const s = issuer.trim()
  let hit = cache.get(s)
  if (hit !== undefined) return hit
  let at = 0
  let place: Place | null = null
  for (;;) {
    const next = placeAt(s, at, place)
    if (!next) break
    place = next.place
    at += next.len
  }
  hit = place ? { code: place.code, name: place.name } : null
  if (cache.size > 5000) cache.clear()
  cache.set(s, hit)
  return hit
}
