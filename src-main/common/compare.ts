// Types of the comparison: the region × category matrix "as of" a date, its timeline and map, and
// saved comparison sets. The CLI's `compare --json` (CONTRACT.md) is a subset of CompareResult.
import type { MeasureParams, RegionLevel } from './record'
import type { MeasureCategory } from './taxonomy'

/** A region of a comparison. `key` is "code" or "code:name" (zones may share their parent's code). */
export interface CompareRegion {
  key: string
  code: string
  name: string
  level: RegionLevel
  province: string
  /** TAXONOMY.md's composite index as of the date; null when no mapped category has a cell. */
  index: number | null
  /** The categories the index averaged. */
  indexCategories: MeasureCategory[]
}

/**
 * The measure in force for one region and category, with its source. A cell whose latest measure lifts
 * the category has `lifted` true and level 0; `date` null means it comes from undated documents only
 * (no dated measure in force), which the interface marks "date unknown".
 */
export interface CompareCell {
  /** Region code (CONTRACT.md). */
  region: string
  regionKey: string
  category: MeasureCategory
  level: number
  params: MeasureParams
  target: string | null
  lifted: boolean
  /** Evidence: equals the source document's text.slice(start, end). */
  text: string
  start: number
  end: number
  measureId: string
  documentId: string
  title: string
  docNumber: string | null
  issuer: string | null
  date: string | null
  /** How many documents support this cell (same date and category, ties included). */
  documents: number
  documentIds: string[]
  /** Set when the region has no measure of its own and takes its parent's. */
  inherited: { code: string; name: string } | null
  /**
   * Whose document it is: `own` (issued by the region, or naming only it and places inside it), `shared`
   * (naming it among other places), `foreign` (issued by an unrelated place; used only when nothing else is).
   */
  scope: 'own' | 'shared' | 'foreign'
}

export interface CompareRow {
  category: MeasureCategory
  /** Region keys with the strictest and the loosest cell (ties list several); empty when the row agrees. */
  strictest: string[]
  loosest: string[]
  /** False when every region has the same level and key parameters (hidden by "differences only"). */
  differs: boolean
  /** One Chinese sentence built from params and targets, e.g. 聊城市要求48小时核酸阴性证明，太原市要求72小时. */
  difference: string | null
}

/** A measure of an undated document: listed apart, never mixed into the matrix. */
export interface UndatedMeasure {
  regionKey: string
  category: MeasureCategory
  level: number
  params: MeasureParams
  target: string | null
  lifted: boolean
  text: string
  start: number
  end: number
  measureId: string
  documentId: string
  title: string
}

export interface CompareResult {
  asOf: string | null
  /** The date the matrix was computed for (asOf, or today when asOf is null). */
  effectiveAsOf: string
  regions: CompareRegion[]
  categories: MeasureCategory[]
  cells: CompareCell[]
  rows: CompareRow[]
  undated: UndatedMeasure[]
}

/** A region of the archive for the picker: province → city → county, with document counts. */
export interface RegionNode {
  key: string
  code: string
  name: string
  /** Name without its level suffix (聊城市 → 聊城). */
  shortName: string
  /** Pinyin initials of the short name (聊城 → lc). */
  initials: string
  level: RegionLevel
  province: string
  /** Documents (not in the trash) that name this region or one below it. */
  documents: number
  children: RegionNode[]
}

export interface TimelineStep {
  date: string
  level: number
  lifted: boolean
  measureId: string
  documentId: string
  title: string
}

export interface TimelineSeries {
  regionKey: string
  category: MeasureCategory
  steps: TimelineStep[]
}

export interface MapValue {
  code: string
  name: string
  /** The category's level, or the composite index; null when nothing is known. */
  value: number | null
}

export interface CompareSet {
  id: string
  name: string
  regions: string[]
  asOf: string | null
  /** The set the Compare view shows now (restored after a restart); one at most. */
  current: boolean
  updatedAt: string
}
