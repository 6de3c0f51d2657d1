// The measure categories of TAXONOMY.md, each with a colour for highlights. Colours are soft
// backgrounds with a darker underline so the text stays readable and categories stay distinct.
import { MEASURE_CATEGORIES, type MeasureCategory } from '@common/taxonomy'

// One list of category ids for main and renderer (TAXONOMY.md fixes them).
export const CATEGORIES = MEASURE_CATEGORIES

export type Category = MeasureCategory

const COLORS: Record<Category, { bg: string; line: string }> = {
  testing: { bg: '#dbeafe', line: '#2563eb' },
  health_code: { bg: '#dcfce7', line: '#16a34a' },
  quarantine: { bg: '#fee2e2', line: '#dc2626' },
  health_monitoring: { bg: '#fef3c7', line: '#d97706' },
  lockdown_zones: { bg: '#fce7f3', line: '#be185d' },
  gatherings: { bg: '#ede9fe', line: '#7c3aed' },
  masks: { bg: '#cffafe', line: '#0891b2' },
  cold_chain: { bg: '#e0f2fe', line: '#0369a1' },
  venues: { bg: '#ffedd5', line: '#ea580c' },
  schools: { bg: '#ecfccb', line: '#65a30d' },
  vaccination: { bg: '#d1fae5', line: '#059669' },
  transport: { bg: '#e0e7ff', line: '#4f46e5' },
  travel_reporting: { bg: '#fae8ff', line: '#a21caf' },
  medical: { bg: '#ffe4e6', line: '#e11d48' },
  supplies: { bg: '#f5f5dc', line: '#8a7a2a' },
  other: { bg: '#e5e7eb', line: '#4b5563' }
}

export function isCategory(c: string): c is Category {
  return (CATEGORIES as readonly string[]).includes(c)
}

export function categoryColor(c: string): { bg: string; line: string } {
  return COLORS[isCategory(c) ? c : 'other']
}
