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

/** An import item's reason in the user's language: main sends a key (errors.import.*) with the English sentence. */
export function reasonLabel(t: T, te: (key: string) => boolean, item: { reason?: string; reasonKey?: string; reasonParams?: Record<string, string | number> }): string {
  if (item.reasonKey && te(item.reasonKey)) return t(item.reasonKey, item.reasonParams ?? {})
  return item.reason ?? ''
}
