// Small display helpers shared by views; all wording goes through the passed translator.
import type { DocType, MeasureParams } from '@common/record'

type T = (key: string, values?: Record<string, unknown>) => string

export function typeLabel(t: T, docType: DocType, detail: string | null): string {
  const base = t(`docTypes.${docType}`)
  // docTypeDetail is the document's own word (通告, 工作汇报 …); it replaces the broad label when
  // that label already contains it (通告/通知 + 通告 → 通告), and is appended otherwise.
  if (!detail) return base
  return base.includes(detail) ? detail : `${base} · ${detail}`
}

export function paramLabels(t: T, params: MeasureParams): string[] {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => t(`params.${k}`, { n: v }))
}

/** Known backend warnings (English sentences) mapped to localised explanations. */
export function warningLabel(t: T, warning: string): string {
  if (/low confidence/i.test(warning)) return t('warnings.lowConfidence')
  if (/text layer/i.test(warning)) return t('warnings.noTextLayer')
  if (/word document could not be read/i.test(warning)) return t('warnings.wordPartial')
  return warning
}

export function formatDateTime(iso: string | undefined, locale: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale)
}

/** Category names from the taxonomy; an unknown id (newer extractor) is shown as is. */
export function categoryName(t: T, te: (key: string) => boolean, category: string): string {
  return te(`categories.${category}`) ? t(`categories.${category}`) : category
}

// Import reasons arrive as English sentences from main; the common ones are localised here and
// anything else is shown as sent (the original is always available as a tooltip).
const REASONS: [RegExp, string][] = [
  [/restored from the trash/i, 'reasons.duplicateRestored'],
  [/already in the archive, in the trash/i, 'reasons.duplicateTrashed'],
  [/already in the archive/i, 'reasons.duplicate'],
  [/file is empty/i, 'reasons.empty'],
  [/no text to import/i, 'reasons.noText'],
  [/binary data/i, 'reasons.binary'],
  [/encoding could not be determined/i, 'reasons.encoding'],
  [/password-protected/i, 'reasons.password'],
  [/not a valid PDF/i, 'reasons.badPdf'],
  [/not a valid Word 97-2003/i, 'reasons.badDoc'],
  [/not a valid Word document/i, 'reasons.badDocx'],
  [/zip bomb/i, 'reasons.zipBomb'],
  [/zip archive/i, 'reasons.badZip'],
  [/could not be stored/i, 'reasons.store']
]

export function reasonLabel(t: T, reason: string): string {
  const hit = REASONS.find(([re]) => re.test(reason))
  return hit ? t(hit[1]) : reason
}
