// TAXONOMY.md's composite index: each category that maps to an OxCGRT indicator scores
// 100 × level / max_level (a lifted measure scores 0); the index is their mean. Categories without
// a mapping are shown in the matrix but not averaged.
import { MAX_LEVEL, OXCGRT, type MeasureCategory } from '../../common/taxonomy'

export interface IndexInput {
  category: MeasureCategory
  level: number
  lifted: boolean
}

export function compositeIndex(cells: IndexInput[]): { index: number | null; categories: MeasureCategory[] } {
  const used: MeasureCategory[] = []
  let sum = 0
  for (const c of cells) {
    if (!OXCGRT[c.category] || used.includes(c.category)) continue
    used.push(c.category)
    const level = c.lifted ? 0 : Math.max(0, Math.min(c.level, MAX_LEVEL[c.category]))
    sum += (100 * level) / MAX_LEVEL[c.category]
  }
  if (!used.length) return { index: null, categories: [] }
  return { index: Math.round((sum / used.length) * 10) / 10, categories: used }
}
