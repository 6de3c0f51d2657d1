// Fonts and colours of exports. Fonts of an official document (GB/T 9704 habits): 方正小标宋 title, 黑体 headings, 仿宋 body,
// each followed by fallbacks found on Windows, macOS and Linux (Noto CJK), in order of preference.
export const FONT_STACKS = {
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', 'SimSun', 'Noto Serif CJK SC'],
  heading: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC'],
  subheading: ['楷体', 'KaiTi', 'STKaiti', '楷体_GB2312', 'AR PL UKai CN', 'Noto Serif CJK SC'],
  body: ['仿宋', 'FangSong', 'STFangsong', '仿宋_GB2312', 'Noto Serif CJK SC'],
  latin: ['Times New Roman']
} as const

export type FontRole = keyof typeof FONT_STACKS

/** A CSS font-family list for a role. */
export function cssFonts(role: FontRole): string {
  return [...FONT_STACKS[role], ...FONT_STACKS.latin].map((f) => `"${f}"`).join(', ') + (role === 'heading' ? ', sans-serif' : ', serif')
}

/** Fill of a cell by measure level (0 none … 4 strictest): the same scale in .xlsx, .docx and the preview. */
export const LEVEL_FILL = ['F3F4F6', 'DCFCE7', 'FEF9C3', 'FED7AA', 'FECACA'] as const

export function levelFill(level: number): string {
  return LEVEL_FILL[Math.max(0, Math.min(LEVEL_FILL.length - 1, Math.round(level)))]
}

/** Border colours marking the strictest and the loosest cell of a row. */
export const MARK_COLOR = { strictest: 'B91C1C', loosest: '15803D' } as const
export const MARK_TEXT = { strictest: '最严', loosest: '最宽' } as const
