// A region filter as a person types it: a six-digit code, an official name (山东省), a short name
// (山东), in either script. Each place covers its sub-regions by code prefix, except a zone that
// carries its parent's code (郑东新区 has 410100), which matches only itself.
import type { Archive } from '../archive/archive'
import { regionCodePrefix } from '../archive/documents-read'
import { resolveRegion } from '../extract/regions/gazetteer'
import { toSimplified } from '../pipeline/script'
import type { RegionMatcher } from './meta'

export function resolveRegionMatchers(archive: Archive, query: string): RegionMatcher[] {
  const q = toSimplified(query.trim())
  if (!q) return []
  if (/^\d{6}$/.test(q)) return [{ prefix: regionCodePrefix(q) }]
  const places = new Map<string, { code: string; name: string; level: string }>()
  for (const r of resolveRegion(q)) places.set(`${r.code}:${r.name}`, r)
  // Places documents name that the gazetteer does not know (kept in the archive's regions table).
  const own = archive.all<{ code: string; name: string; level: string }>('SELECT code, name, level FROM regions WHERE name = ?', [q])
  for (const r of own) places.set(`${r.code}:${r.name}`, r)
  if (!places.size) {
    for (const r of archive.all<{ code: string; name: string; level: string }>('SELECT code, name, level FROM regions WHERE name LIKE ? LIMIT 50', [`${q.replace(/[%_]/g, '')}%`])) {
      places.set(`${r.code}:${r.name}`, r)
    }
  }
  return [...places.values()].map((p) =>
    (p.level === 'district' || p.level === 'county') && p.code.endsWith('00') ? { key: `${p.code}:${p.name}` } : { prefix: regionCodePrefix(p.code) }
  )
}

/** The same filter as SQL over document_regions dr (for the plain document list). */
export function regionMatchersSql(matchers: RegionMatcher[]): { sql: string; params: string[] } {
  if (!matchers.length) return { sql: '0', params: [] }
  const ors: string[] = []
  const params: string[] = []
  for (const m of matchers) {
    if (m.key !== undefined) {
      const at = m.key.indexOf(':')
      ors.push('(dr.region_code = ? AND dr.region_name = ?)')
      params.push(m.key.slice(0, at), m.key.slice(at + 1))
    } else {
      ors.push('dr.region_code LIKE ?')
      params.push(`${m.prefix}%`)
    }
  }
  return { sql: `EXISTS (SELECT 1 FROM document_regions dr WHERE dr.document_id = d.id AND (${ors.join(' OR ')}))`, params }
}
