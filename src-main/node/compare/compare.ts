// compareRegions: the region × category matrix as of a date, with inheritance from parent regions,
// row verdicts, difference sentences, the composite index per region and the undated measures apart.
import type { Archive } from '../archive/archive'
import { AppError } from '../../common/errors'
import { MEASURE_CATEGORIES, type MeasureCategory } from '../../common/taxonomy'
import type { CompareCell, CompareRegion, CompareResult, CompareRow, UndatedMeasure } from '../../common/compare'
import { withReader, type CompareReader } from './load'
import { FOREIGN, OWN, Resolver, type Resolved } from './resolve'
import { ancestryOf, regionOfKey, type RegionId, type RegionRow } from './regions'
import { compositeIndex } from './composite'
import { compareStrictness, sameRequirement } from './strictness'
import { differenceSentence } from './difference'

/** Today as YYYY-MM-DD in local time (a Chinese office's "today", not UTC's). */
export function today(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/** The region of a key, from the gazetteer or the archive's own regions; AppError when neither knows it. */
export function regionForKey(archive: Archive, key: string): RegionId {
  const stored = (code: string, name: string | null): RegionRow | undefined =>
    archive.get<RegionRow>('SELECT code, name, level, province FROM regions WHERE code = ? AND (? IS NULL OR name = ?) LIMIT 1', [code, name, name])
  const r = regionOfKey(key, stored)
  if (!r) throw new AppError('errors.compare.unknownRegion', { region: key }, `no region with code ${key}`)
  return r
}

function toCell(region: RegionId, requestedKey: string, category: MeasureCategory, r: Resolved, inherited: RegionId | null): CompareCell {
  const m = r.measure
  return {
    region: region.code,
    regionKey: requestedKey,
    category,
    level: m.lifted ? 0 : m.level,
    params: m.params,
    target: m.target,
    lifted: m.lifted,
    text: m.text,
    start: m.start,
    end: m.end,
    measureId: m.id,
    documentId: m.documentId,
    title: r.doc.title,
    docNumber: r.doc.docNumber,
    issuer: r.doc.issuer,
    date: r.dated ? r.doc.date : null,
    documents: r.documentIds.length,
    documentIds: r.documentIds,
    inherited: inherited ? { code: inherited.code, name: inherited.name } : null,
    scope: r.tier === OWN ? 'own' : r.tier === FOREIGN ? 'foreign' : 'shared'
  }
}

/** The cell of a region: its own measure, else its nearest ancestor's, else a foreign document's. */
export function cellFor(resolver: Resolver, region: RegionId, key: string, category: MeasureCategory): CompareCell | null {
  const own = resolver.primary(region, category)
  if (own) return toCell(region, key, category, own, null)
  for (const a of ancestryOf(region)) {
    const up = resolver.primary(a, category)
    if (up) return toCell(region, key, category, up, a)
  }
  const foreign = resolver.foreign(region, category)
  return foreign ? toCell(region, key, category, foreign, null) : null
}

function undatedOf(resolver: Resolver, region: RegionId, key: string, categories: MeasureCategory[]): UndatedMeasure[] {
  return resolver.reader.undatedMeasures(region, categories).map(({ measure: m, title }) => ({
    regionKey: key, category: m.category, level: m.level, params: m.params, target: m.target, lifted: m.lifted,
    text: m.text, start: m.start, end: m.end, measureId: m.id, documentId: m.documentId, title
  }))
}

export function rowFor(category: MeasureCategory, regions: { key: string; name: string }[], cells: (CompareCell | null)[]): CompareRow {
  const differs = cells.some((c) => !sameRequirement(c, cells[0]))
  let strictest: string[] = []
  let loosest: string[] = []
  if (differs) {
    let top = 0
    let bottom = 0
    cells.forEach((c, i) => {
      if (compareStrictness(c, cells[top]) > 0) top = i
      if (compareStrictness(c, cells[bottom]) < 0) bottom = i
    })
    if (compareStrictness(cells[top], cells[bottom]) > 0) {
      strictest = regions.filter((_, i) => compareStrictness(cells[i], cells[top]) === 0).map((r) => r.key)
      loosest = regions.filter((_, i) => compareStrictness(cells[i], cells[bottom]) === 0).map((r) => r.key)
    }
  }
  const difference = differs ? differenceSentence(category, regions.map((r, i) => ({ name: r.name, cell: cells[i] }))) : null
  return { category, strictest, loosest, differs, difference }
}

export function compareRegions(archive: Archive, regionKeys: string[], asOf: string | null): CompareResult {
  const keys = [...new Set(regionKeys)]
  const regions = keys.map((k) => regionForKey(archive, k))
  return withReader(archive, (reader) => matrix(reader, keys, regions, asOf))
}

function matrix(reader: CompareReader, keys: string[], regions: RegionId[], asOf: string | null): CompareResult {
  const resolver = new Resolver(reader, asOf ?? today())
  const present = reader.categoriesPresent()
  const candidates = MEASURE_CATEGORIES.filter((c) => present.has(c))
  const grid = regions.map((r, i) => candidates.map((c) => cellFor(resolver, r, keys[i], c)))
  const categories = candidates.filter((_, j) => grid.some((row) => row[j] !== null))
  const cells: CompareCell[] = []
  for (const row of grid) for (const c of row) if (c) cells.push(c)
  const outRegions: CompareRegion[] = regions.map((r, i) => {
    const { index, categories: used } = compositeIndex(grid[i].filter((c): c is CompareCell => c !== null))
    return { key: keys[i], code: r.code, name: r.name, level: r.level, province: r.province, index, indexCategories: used }
  })
  const rows = categories.map((category) => {
    const j = candidates.indexOf(category)
    return rowFor(category, outRegions.map((r) => ({ key: r.key, name: r.name })), grid.map((row) => row[j]))
  })
  const undated = regions.flatMap((r, i) => undatedOf(resolver, r, keys[i], candidates))
  return { asOf, effectiveAsOf: resolver.asOf, regions: outRegions, categories, cells, rows, undated }
}
