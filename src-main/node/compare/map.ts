// Values for the map: every province, or every city of the provinces the archive covers, coloured by
// one category's level (a lifted measure: 0) or by the composite index, as of a date, by the matrix's
// rules (a city without documents of its own shows its province's measures).
import type { Archive } from '../archive/archive'
import type { MapValue } from '../../common/compare'
import { MEASURE_CATEGORIES, type MeasureCategory } from '../../common/taxonomy'
import { allPlaces, provinceOf } from '../extract/regions/gazetteer'
import { withReader, type CompareReader } from './load'
import { Resolver } from './resolve'
import { cellFor, today } from './compare'
import { compositeIndex } from './composite'
import type { RegionId } from './regions'

export function mapValues(archive: Archive, metric: MeasureCategory | 'index', level: 'province' | 'city', asOf: string | null): MapValue[] {
  return withReader(archive, (reader) => values(archive, reader, metric, level, asOf))
}

function values(archive: Archive, reader: CompareReader, metric: MeasureCategory | 'index', level: 'province' | 'city', asOf: string | null): MapValue[] {
  const resolver = new Resolver(reader, asOf ?? today())
  const present = reader.categoriesPresent()
  const cats = metric === 'index' ? MEASURE_CATEGORIES.filter((c) => present.has(c)) : present.has(metric) ? [metric] : []
  const covered = new Set(
    archive.column<string>(
      `SELECT DISTINCT dr.region_code FROM document_regions dr JOIN documents d INDEXED BY documents_compare ON d.id = dr.document_id
       WHERE d.trashed_at IS NULL AND d.duplicate_of IS NULL`
    ).map((code) => code.slice(0, 2))
  )
  const out: MapValue[] = []
  const seen = new Set<string>()
  for (const p of allPlaces()) {
    // Zones share their parent's code; the map colours administrative units only.
    if (p.level !== level || seen.has(p.code)) continue
    seen.add(p.code)
    const province = provinceOf(p)
    if (level === 'city' && !covered.has(p.code.slice(0, 2))) continue
    const region: RegionId = { key: p.code, code: p.code, name: p.name, level: p.level, province: province.name }
    const cells = cats.map((c) => cellFor(resolver, region, p.code, c)).filter((c) => c !== null)
    let value: number | null = null
    if (metric === 'index') value = compositeIndex(cells).index
    else if (cells[0]) value = cells[0].level
    out.push({ code: p.code, name: p.name, value })
  }
  return out
}
