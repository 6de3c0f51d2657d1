// Filters over document metadata and the facet counts of a result set.
import type { Archive } from '../archive/archive'
import type { SearchFacets, SearchFilter, FacetValue, RegionFacet } from '../../common/search'
import { regionByCode } from '../extract/regions/gazetteer'
import { regionMatches, type DocMeta } from './meta'
import { resolveRegionMatchers } from './region-filter'

const TOP = 40

/** A predicate over metadata for the filter (trashed documents never pass). */
export function compileFilter(archive: Archive, f: SearchFilter): (m: DocMeta) => boolean {
  const checks: ((m: DocMeta) => boolean)[] = [(m) => !m.trashed]
  if (f.region) {
    const matchers = resolveRegionMatchers(archive, f.region)
    checks.push((m) => regionMatches(m.regions, matchers))
  }
  if (f.type) checks.push((m) => m.type === f.type)
  if (f.tag) {
    // A tag covers the tags below it in the hierarchy (防控 covers 防控/隔离).
    const ids = new Set(archive.column<number>("SELECT id FROM tags WHERE name = ? OR substr(name, 1, length(?) + 1) = ? || '/'", [f.tag, f.tag, f.tag]))
    checks.push((m) => m.tags.some((t) => ids.has(t)))
  }
  if (f.measure) {
    const cat = f.measure
    const min = f.minLevel ?? 0
    checks.push((m) => (m.measures[cat] ?? -1) >= min)
  } else if (f.minLevel !== undefined) {
    const min = f.minLevel
    checks.push((m) => Object.values(m.measures).some((l) => l >= min))
  }
  if (f.from) {
    const from = f.from
    checks.push((m) => m.date !== null && m.date >= from)
  }
  if (f.to) {
    const to = f.to
    checks.push((m) => m.date !== null && m.date <= to)
  }
  if (f.hasSimilar !== undefined) checks.push((m) => m.similar === f.hasSimilar)
  if (f.hasWarnings !== undefined) checks.push((m) => m.warnings === f.hasWarnings)
  return (m) => checks.every((c) => c(m))
}

function top(counts: Map<string, number>): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, TOP)
}

function bump<K>(m: Map<K, number>, k: K): void {
  m.set(k, (m.get(k) ?? 0) + 1)
}

const regionKeys = new WeakMap<DocMeta, string[]>()

/** A document counts towards its provinces and cities (the levels a person narrows by); kept per document. */
function facetRegions(m: DocMeta, names: Map<string, string>): string[] {
  let keys = regionKeys.get(m)
  if (!keys) {
    const seen = new Set<string>()
    for (const r of m.regions) {
      const code = r.slice(0, 6)
      seen.add(`${code.slice(0, 2)}0000`)
      if (!code.endsWith('0000')) seen.add(`${code.slice(0, 4)}00`)
    }
    keys = [...seen]
    regionKeys.set(m, keys)
  }
  for (const r of m.regions) if (!names.has(r.slice(0, 6))) names.set(r.slice(0, 6), r.slice(7))
  return keys
}

/** Counts per value over the matched documents: each document counts once per value. */
export function computeFacets(archive: Archive, metas: DocMeta[]): SearchFacets {
  const regions = new Map<string, number>()
  const names = new Map<string, string>()
  const types = new Map<string, number>()
  const tags = new Map<number, number>()
  const measures = new Map<string, number>()
  let hasSimilar = 0
  let hasWarnings = 0
  for (const m of metas) {
    bump(types, m.type)
    for (const t of m.tags) bump(tags, t)
    for (const c of Object.keys(m.measures)) bump(measures, c)
    if (m.similar) hasSimilar++
    if (m.warnings) hasWarnings++
    for (const c of facetRegions(m, names)) bump(regions, c)
  }
  const regionList: RegionFacet[] = [...regions]
    .map(([code, count]) => {
      const ref = regionByCode(code)
      return { code, name: ref?.name ?? names.get(code) ?? code, level: ref?.level ?? (code.endsWith('0000') ? 'province' : 'city'), count }
    })
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, TOP)
  const tagNames = new Map(archive.all<{ id: number; name: string }>('SELECT id, name FROM tags').map((t) => [t.id, t.name]))
  const tagCounts = new Map<string, number>()
  for (const [id, n] of tags) {
    const name = tagNames.get(id)
    if (name !== undefined) tagCounts.set(name, n)
  }
  return { regions: regionList, types: top(types), tags: top(tagCounts), measures: top(measures), hasSimilar, hasWarnings }
}
