// The rule editor's form state and its conversion to and from a rule's match; the summary line of a rule.
import type { RuleKind, RuleMatch, TagRule } from '@common/tags'
import type { DocType } from '@common/record'
import type { MeasureCategory } from '@common/taxonomy'
import { categoryName, typeLabel } from '@/lib/format'

export interface RuleForm {
  name: string
  tag: string
  enabled: boolean
  kind: RuleKind
  mode: 'any' | 'all'
  words: string[]
  pattern: string
  ignoreCase: boolean
  region: string
  regionLabel: string
  category: MeasureCategory
  minLevel: number
  docType: DocType
  issuer: string
}

export function emptyForm(tag = ''): RuleForm {
  return {
    name: '', tag, enabled: true, kind: 'words', mode: 'any', words: [], pattern: '', ignoreCase: false, region: '', regionLabel: '',
    category: 'quarantine', minLevel: 1, docType: 'notice', issuer: ''
  }
}

export function formOf(rule: TagRule): RuleForm {
  const f = { ...emptyForm(rule.tag), name: rule.name, enabled: rule.enabled, kind: rule.match.kind }
  const m = rule.match
  if (m.kind === 'words') Object.assign(f, { mode: m.mode, words: [...m.words] })
  else if (m.kind === 'regex') Object.assign(f, { pattern: m.pattern, ignoreCase: m.ignoreCase })
  else if (m.kind === 'region') Object.assign(f, { region: m.region, regionLabel: m.label })
  else if (m.kind === 'measure') Object.assign(f, { category: m.category, minLevel: m.minLevel })
  else if (m.kind === 'docType') f.docType = m.docType
  else f.issuer = m.contains
  return f
}

export function matchOf(f: RuleForm): RuleMatch {
  switch (f.kind) {
    case 'words':
      return { kind: 'words', mode: f.mode, words: f.words.map((w) => w.trim()).filter(Boolean) }
    case 'regex':
      return { kind: 'regex', pattern: f.pattern, ignoreCase: f.ignoreCase }
    case 'region':
      return { kind: 'region', region: f.region, label: f.regionLabel }
    case 'measure':
      return { kind: 'measure', category: f.category, minLevel: f.minLevel }
    case 'docType':
      return { kind: 'docType', docType: f.docType }
    case 'issuer':
      return { kind: 'issuer', contains: f.issuer.trim() }
  }
}

/** A form the editor may save (main checks the rest, e.g. the pattern). */
export function formReady(f: RuleForm): boolean {
  if (!f.name.trim() || !f.tag.trim()) return false
  if (f.kind === 'words') return f.words.some((w) => w.trim())
  if (f.kind === 'regex') return f.pattern.trim().length > 0
  if (f.kind === 'region') return f.region !== ''
  if (f.kind === 'issuer') return f.issuer.trim().length > 0
  return true
}

type T = (key: string, values?: Record<string, unknown>) => string

export function ruleSummary(t: T, te: (key: string) => boolean, m: RuleMatch): string {
  switch (m.kind) {
    case 'words':
      return t('tags.summary.words', { mode: t(`tags.wordsMode.${m.mode}`), words: m.words.join('、') })
    case 'regex':
      return t('tags.summary.regex', { pattern: m.pattern })
    case 'region':
      return t('tags.summary.region', { region: m.label || m.region })
    case 'measure':
      return t('tags.summary.measure', { category: categoryName(t, te, m.category), level: m.minLevel })
    case 'docType':
      return t('tags.summary.docType', { type: typeLabel(t, m.docType, null) })
    case 'issuer':
      return t('tags.summary.issuer', { text: m.contains })
  }
}
