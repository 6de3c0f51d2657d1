// Colours of strictness levels (0 none or lifted … 4 strictest), shared by the matrix, its legend
// and the map, so one colour means one level everywhere.
export const LEVEL_COLORS = ['#f1f5f9', '#dcfce7', '#fef08a', '#fdba74', '#f87171'] as const
export const LEVEL_TEXT = ['#475569', '#14532d', '#713f12', '#7c2d12', '#450a0a'] as const

export function levelColor(level: number): { bg: string; fg: string } {
  const i = Math.max(0, Math.min(LEVEL_COLORS.length - 1, Math.round(level)))
  return { bg: LEVEL_COLORS[i], fg: LEVEL_TEXT[i] }
}
