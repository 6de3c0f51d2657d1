// Measure categories of ../shared/TAXONOMY.md (ids are fixed: JSON, exports and comparisons use them),
// with the highest level of each and the OxCGRT indicator it maps to (for the composite index).
export const MEASURE_CATEGORIES = [
  'testing',
  'health_code',
  'quarantine',
  'health_monitoring',
  'lockdown_zones',
  'gatherings',
  'masks',
  'cold_chain',
  'venues',
  'schools',
  'vaccination',
  'transport',
  'travel_reporting',
  'medical',
  'supplies',
  'other'
] as const

export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number]

export const MAX_LEVEL: Record<MeasureCategory, number> = {
  testing: 4,
  health_code: 4,
  quarantine: 4,
  health_monitoring: 3,
  lockdown_zones: 4,
  gatherings: 4,
  masks: 4,
  cold_chain: 4,
  venues: 3,
  schools: 3,
  vaccination: 4,
  transport: 3,
  travel_reporting: 3,
  medical: 3,
  supplies: 3,
  // TAXONOMY.md gives `other` no scale: a stated measure is 1 (0 means nothing stated).
  other: 1
}

/** Categories that map to an OxCGRT indicator and so enter the composite index. */
export const OXCGRT: Partial<Record<MeasureCategory, string>> = {
  health_code: 'C2/C3, C7',
  quarantine: 'C8',
  lockdown_zones: 'C6',
  gatherings: 'C4',
  masks: 'H6',
  venues: 'C2',
  schools: 'C1',
  vaccination: 'H7',
  transport: 'C5, C7',
  travel_reporting: 'C7'
}
