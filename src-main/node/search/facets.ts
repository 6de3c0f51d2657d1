// Filters over document metadata and the facet counts of a result set, both over the per-slot
// columns (columns.ts): a region filter is decided once per distinct region string, not per document.
import type { Archive } from '../archive/archive'
import type { SearchFacets, SearchFilter, FacetValue, RegionFacet } from '../../common/search'
import { regionMatches, type DocMeta } from './meta'
import { resolveRegionMatchers } from './region-filter'
import type { MetaColumns } from './columns'
import { tagCovers } from '../archive/documents-read'

const TOP = 40

/** A predicate over live slots for the filter; null when the filter asks nothing (the caller still drops trashed documents). */
export function compileFilter(archive: Archive, f: SearchFilter, cols: MetaColumns, meta: (DocMeta | null)[]): ((slot: number) => boolean) | null {
  const checks: ((s: number) => boolean)[] = []
  if (f.region) {
    const matchers = resolveRegionMatchers(archive, f.region)
    const strings = cols.regionStrings.names
    const ok = Uint8Array.from(strings, (r) => (regionMatches([r], matchers) ? 1 : 0))
    checks.push((s) => {
      const r = cols.regions[s]
      for (let j = 0; j < r.length; j++) if (ok[r[j]]) return true
      return false
    })
  }
  if (f.type) {
    const type = cols.types.get(f.type) ?? -1
    checks.push((s) => cols.type[s] === type)
  }
  if (f.tag) {
    // A tag covers the tags below it in the hierarchy (防控 covers 防控/隔离).
    const covers = tagCovers('name', f.tag)
    const ids = new Set(archive.column<number>(`SELECT id FROM tags WHERE ${covers.sql}`, covers.params))
    checks.push((s) => cols.tags[s].some((t) => ids.has(t)))
  }
  if (f.measure || f.minLevel !== undefined) {
    // Without a category: any measure at or above the level.
    const cat = f.measure ? (cols.categories.get(f.measure) ?? -2) : -1
    const min = f.minLevel ?? 0
    checks.push((s) => {
      const m = cols.measures[s]
      for (let i = 0; i < m.length; i += 2) if ((cat === -1 || m[i] === cat) && m[i + 1] >= min) return true
      return false
    })
  }
  if (f.from) {
    const from = f.from
    checks.push((s) => meta[s]!.date !== null && meta[s]!.date! >= from)
  }
  if (f.to) {
    const to = f.to
    checks.push((s) => meta[s]!.date !== null && meta[s]!.date! <= to)
  }
  if (f.hasSimilar !== undefined) checks.push((s) => cols.similar(s) === f.hasSimilar)
  if (f.hasWarnings !== undefined) checks.push((s) => cols.warnings(s) === f.hasWarnings)
  if (!checks.length) return null
  if (checks.length === 1) return checks[0]
  return (s) => {
    for (let i = 0; i < checks.length; i++) if (!checks[i](s)) return false
    return true
  }
}

function top(counts: Map<string, number>): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, TOP)
}

/** Counts per value (by interned id) as a Map of names, values with no documents left out. */
function named(counts: Int32Array, names: string[]): Map<string, number> {
  const out = new Map<string, number>()
  for (let i = 0; i < counts.length; i++) if (counts[i]) out.set(names[i], counts[i])
  return out
}

/** Facet counts by interned id (names are looked up when answering: a tag may be renamed meanwhile). */
export interface FacetCounts {
  types: Int32Array
  regions: Int32Array
  measures: Int32Array
  tags: Map<number, number>
  hasSimilar: number
  hasWarnings: number
}

/**
 * Counts per value over the matched slots: each document counts once per value; a document counts
 * towards its provinces and cities (the levels a person narrows by).
 */
export function countFacets(cols: MetaColumns, slots: ArrayLike<number>): FacetCounts {
  const types = new Int32Array(cols.types.size)
  const regions = new Int32Array(cols.facetCodes.size)
  const measures = new Int32Array(cols.categories.size)
  const tags = new Map<number, number>()
  let hasSimilar = 0
  let hasWarnings = 0
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]
    types[cols.type[s]]++
    const r = cols.facetRegions[s]
    for (let j = 0; j < r.length; j++) regions[r[j]]++
    const m = cols.measures[s]
    for (let j = 0; j < m.length; j += 2) measures[m[j]]++
    const t = cols.tags[s]
    for (let j = 0; j < t.length; j++) tags.set(t[j], (tags.get(t[j]) ?? 0) + 1)
    if (cols.similar(s)) hasSimilar++
    if (cols.warnings(s)) hasWarnings++
  }
  return { types, regions, measures, tags, hasSimilar, hasWarnings }
}

/**
 * The counts of `matched` (ascending), given the counts of every live document (`all`, ascending) and
 * `total`, their counts: a result holding most of the archive is counted through the few documents it
 * leaves out, so a query that matches nearly everything costs no more than one that matches little.
 */
export function countFacetsWithin(cols: MetaColumns, matched: Int32Array, all: Int32Array, total: FacetCounts): FacetCounts {
  if (matched.length * 2 <= all.length) return countFacets(cols, matched)
  const rest = new Int32Array(all.length - matched.length)
  let n = 0
  for (let i = 0, j = 0; i < all.length; i++) {
    const s = all[i]
    while (j < matched.length && matched[j] < s) j++
    if (j < matched.length && matched[j] === s) continue
    if (n < rest.length) rest[n++] = s
  }
  const out = countFacets(cols, rest.subarray(0, n))
  const minus = (a: Int32Array, b: Int32Array): Int32Array => a.map((v, i) => v - b[i])
  const tags = new Map<number, number>()
  for (const [id, count] of total.tags) {
    const left = count - (out.tags.get(id) ?? 0)
    if (left > 0) tags.set(id, left)
  }
  return {
    types: minus(total.types, out.types),
    regions: minus(total.regions, out.regions),
    measures: minus(total.measures, out.measures),
    tags,
    hasSimilar: total.hasSimilar - out.hasSimilar,
    hasWarnings: total.hasWarnings - out.hasWarnings
  }
}

/** The counts as the sidebar shows them: the top values, by name. */
export function nameFacets(archive: Archive, cols: MetaColumns, c: FacetCounts): SearchFacets {
  const regionList: RegionFacet[] = []
  for (let k = 0; k < c.regions.length; k++) {
    if (!c.regions[k]) continue
    const code = cols.facetCodes.names[k]
    const ref = cols.facetPlaces[k]
    regionList.push({ code, name: ref?.name ?? cols.facetNames[k] ?? code, level: ref?.level ?? (code.endsWith('0000') ? 'province' : 'city'), count: c.regions[k] })
  }
  regionList.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
  const tagCounts = new Map<string, number>()
  if (c.tags.size) {
    const tagNames = new Map(archive.all<{ id: number; name: string }>('SELECT id, name FROM tags').map((t) => [t.id, t.name]))
    for (const [id, count] of c.tags) {
      const name = tagNames.get(id)
      if (name !== undefined) tagCounts.set(name, count)
    }
  }
  return {
    regions: regionList.slice(0, TOP),
    types: top(named(c.types, cols.types.names)),
    tags: top(tagCounts),
    measures: top(named(c.measures, cols.categories.names)),
    hasSimilar: c.hasSimilar,
    hasWarnings: c.hasWarnings
  }
}
