// Each category's level over time for the chosen regions: a step wherever the measure in force
// changes, by the same rules as the matrix (own documents first, then shared, then the parent's, then
// foreign), over dated documents only (undated ones have no place on a time axis).
import type { Archive } from '../archive/archive'
import { MEASURE_CATEGORIES, type MeasureCategory } from '../../common/taxonomy'
import type { TimelineSeries, TimelineStep } from '../../common/compare'
import { withReader, type CompareReader } from './load'
import { cellOfGroup, FOREIGN, OWN, SHARED, type Resolved, type Tier } from './resolve'
import { ancestryOf, type RegionId } from './regions'
import { sameRequirement } from './strictness'
import { regionForKey } from './compare'

interface Group {
  date: string
  ids: string[]
}

/** Per tier, the region's document groups by date, oldest first. */
function groupsOf(reader: CompareReader, region: { code: string; name: string }, category: MeasureCategory): Group[][] {
  const tiers: Group[][] = [[], [], []]
  for (const hit of reader.allHits(region, category)) {
    const list = tiers[hit.tier]
    const last = list[list.length - 1]
    if (last && last.date === hit.date) last.ids.push(hit.documentId)
    else list.push({ date: hit.date, ids: [hit.documentId] })
  }
  return tiers
}

/** The latest group on or before `date` (lists are short per region; a scan is enough). */
function latest(list: Group[], date: string): Group | null {
  let found: Group | null = null
  for (const g of list) {
    if (g.date > date) break
    found = g
  }
  return found
}

export function timeline(archive: Archive, keys: string[], categories?: MeasureCategory[]): TimelineSeries[] {
  const regions = [...new Set(keys)].map((key) => ({ key, region: regionForKey(archive, key) }))
  return withReader(archive, (reader) => series(reader, regions, categories))
}

function series(reader: CompareReader, regions: { key: string; region: RegionId }[], categories?: MeasureCategory[]): TimelineSeries[] {
  const present = reader.categoriesPresent()
  const cats = (categories?.length ? MEASURE_CATEGORIES.filter((c) => categories.includes(c)) : MEASURE_CATEGORIES).filter((c) => present.has(c))
  const out: TimelineSeries[] = []
  for (const { key, region } of regions) {
    const chain = [region, ...ancestryOf(region)]
    for (const category of cats) {
      const perRegion = chain.map((r) => groupsOf(reader, r, category))
      const dates = [...new Set(perRegion.flatMap((t) => t.flatMap((l) => l.map((g) => g.date))))].sort()
      const steps: TimelineStep[] = []
      let prev: Resolved | null = null
      for (const date of dates) {
        const cell = cellAt(reader, perRegion, category, date)
        // A step where the requirement changes; a later document restating it adds none.
        if (!cell || (prev && sameRequirement(prev.measure, cell.measure))) continue
        prev = cell
        const level = cell.measure.lifted ? 0 : cell.measure.level
        steps.push({ date, level, lifted: cell.measure.lifted, measureId: cell.measure.id, documentId: cell.measure.documentId, title: cell.doc.title })
      }
      if (steps.length) out.push({ regionKey: key, category, steps })
    }
  }
  return out
}

function cellAt(reader: CompareReader, perRegion: Group[][][], category: MeasureCategory, date: string): Resolved | null {
  const pick = (tiers: Group[][], tier: Tier): Resolved | null => {
    const g = latest(tiers[tier], date)
    return g ? cellOfGroup(reader, g.ids, category, tier, true) : null
  }
  for (const tiers of perRegion) {
    const cell = pick(tiers, OWN) ?? pick(tiers, SHARED)
    if (cell) return cell
  }
  return pick(perRegion[0], FOREIGN)
}
