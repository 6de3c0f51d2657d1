// Chinese wording of categories and levels (TAXONOMY.md), for difference sentences and the CLI table.
import type { MeasureCategory } from '../../common/taxonomy'
import { CATEGORY_ZH, LEVEL_ZH } from '../../common/taxonomy-zh'

export { CATEGORY_ZH, LEVEL_ZH }

export function levelPhrase(category: MeasureCategory, level: number): string {
  const labels = LEVEL_ZH[category]
  return labels[Math.max(1, Math.min(level, labels.length - 1))]
}
