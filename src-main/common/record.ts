// The document record of ../shared/CONTRACT.md. It is the product's outside interface:
// fields may be added, never renamed or dropped.

export const DOC_TYPES = ['notice', 'report', 'news', 'guide', 'other'] as const
export type DocType = (typeof DOC_TYPES)[number]

export const SCRIPTS = ['simplified', 'traditional', 'mixed'] as const
export type Script = (typeof SCRIPTS)[number]

export const SOURCE_FORMATS = ['txt', 'md', 'docx', 'doc', 'pdf', 'html', 'mhtml', 'zip-member', 'paste'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

export const REGION_LEVELS = ['province', 'city', 'county', 'district'] as const
export type RegionLevel = (typeof REGION_LEVELS)[number]

export const REMOVED_REASONS = ['link-list', 'comments', 'spam', 'seo', 'navigation', 'html', 'other'] as const
export type RemovedReason = (typeof REMOVED_REASONS)[number]

export interface SourceInfo {
  path: string
  sha256: string
  format: SourceFormat | string
  encoding: string
  part: number
  parts: number
}

export interface RegionRef {
  name: string
  code: string
  level: RegionLevel
  province: string
}

export interface MeasureParams {
  days?: number
  hours?: number
  people?: number
  times?: number
  per_days?: number
  rounds?: number
  meters?: number
  percent?: number
  min_age?: number
  max_age?: number
  months?: number
  formula?: string
}

export interface Measure {
  category: string
  level: number
  params: MeasureParams
  target: string | null
  lifted: boolean
  /** Evidence span: equals text.slice(start, end) of the record. */
  text: string
  start: number
  end: number
  /** Set when a person added or corrected it; re-processing never overwrites it. */
  manual?: boolean
  id?: string
}

export interface Removed {
  text: string
  reason: RemovedReason
  /** Where in the document text it stood (line-level removals), so it can be put back there. */
  at?: number
}

export interface SimilarRef {
  id: string
  score: number
}

export interface DocumentRecord {
  id?: string
  source: SourceInfo
  title: string
  /** The title was built by the extractor (a split part without a heading); a person's edit clears it. */
  titleDerived?: boolean
  docType: DocType
  docTypeDetail: string | null
  issuer: string | null
  docNumber: string | null
  date: string | null
  script: Script
  regions: RegionRef[]
  measures: Measure[]
  text: string
  removed: Removed[]
  duplicateOf: string | null
  similar: SimilarRef[]
  tags: string[]
  warnings: string[]
  /** Extra fields (allowed by the contract). */
  extractorVersion?: number
  importedAt?: string
  trashed?: boolean
}

/** The light row the library list shows. */
export interface DocumentSummary {
  id: string
  title: string
  titleDerived?: boolean
  docType: DocType
  docTypeDetail: string | null
  date: string | null
  regions: string[]
  tags: string[]
  format: string
  importedAt: string
  warnings: number
  /** The original file's sha256: documents split from one file share it (only they can be merged). */
  source?: string
}
