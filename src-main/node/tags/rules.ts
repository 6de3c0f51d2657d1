// Tag rules as predicates over a document. Words and issuers match as substrings (no word
// boundaries: Chinese has none, so 疫情 must fire inside 新冠疫情防控), in either script: the original
// text is searched with the words as typed and the simplified shadow with their simplified form.
import { AppError } from '../../common/errors'
import type { RuleMatch } from '../../common/tags'
import { toSimplified } from '../pipeline/script'
import { regionCodePrefix } from '../archive/documents-read'
import { allPlaces, placeByCode } from '../extract/regions/gazetteer'

/** What a rule may look at: from a pipeline document on import, from the database on a re-run. */
export interface RuleSubject {
  title: string
  text: string
  /** The simplified shadow; null when the text is already simplified. */
  simplified: string | null
  docType: string
  issuer: string | null
  regions: { code: string; name: string }[]
  measures: { category: string; level: number; lifted: boolean }[]
}

/** A regular expression sees at most this much of a text: bounded work per document. */
export const REGEX_INPUT_LIMIT = 100_000
export const REGEX_PATTERN_LIMIT = 300

/** Full-width letters and digits read as ASCII, letters in lower case: ＫＮ９５ finds kn95. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase()
}

/** Texts folded once per document, whatever the number of rules. */
export class PreparedSubject {
  private orig: string | null = null
  private simp: string | null = null
  constructor(readonly s: RuleSubject) {}
  original(): string {
    return (this.orig ??= fold(`${this.s.title}\n${this.s.text}`))
  }
  simplified(): string {
    return (this.simp ??= fold(`${toSimplified(this.s.title)}\n${this.s.simplified ?? this.s.text}`))
  }
}

export type RulePredicate = (p: PreparedSubject) => boolean

/** A word as typed and in simplified script, folded. */
function forms(word: string): [string, string] {
  return [fold(word), fold(toSimplified(word))]
}

function containsEither(p: PreparedSubject, [orig, simp]: [string, string]): boolean {
  return p.original().includes(orig) || p.simplified().includes(simp)
}

/**
 * Refuse patterns whose time can explode on a long text: a repeated group that itself repeats
 * ((a+)+, (\d*,?)*). Bounded input caps the rest.
 */
export function nestedRepetition(pattern: string): boolean {
  const stack: boolean[] = [false]
  let i = 0
  const quantifierAt = (j: number): boolean => /^(?:[*+]|\{\d+,\d*\})/.test(pattern.slice(j))
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === '\\') i += 2
    else if (c === '[') {
      i++
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1
      i++
    } else if (c === '(') {
      stack.push(false)
      i++
    } else if (c === ')') {
      const inner = stack.length > 1 ? stack.pop()! : false
      i++
      const repeated = quantifierAt(i)
      if (inner && repeated) return true
      stack[stack.length - 1] ||= inner || repeated
    } else {
      if (quantifierAt(i)) stack[stack.length - 1] = true
      i++
    }
  }
  return false
}

export function compileRegex(pattern: string, ignoreCase: boolean): [RegExp, RegExp] {
  if (!pattern.trim()) throw new AppError('errors.tags.emptyRule', {}, 'the rule has nothing to look for')
  if (pattern.length > REGEX_PATTERN_LIMIT) {
    throw new AppError('errors.tags.regexTooLong', { max: REGEX_PATTERN_LIMIT }, `the regular expression is longer than ${REGEX_PATTERN_LIMIT} characters`)
  }
  if (nestedRepetition(pattern)) {
    throw new AppError('errors.tags.regexSlow', { pattern }, `the regular expression ${pattern} repeats a group that itself repeats, which can take very long; simplify it`)
  }
  const flags = ignoreCase ? 'iu' : 'u'
  try {
    return [new RegExp(pattern, flags), new RegExp(toSimplified(pattern), flags)]
  } catch (e) {
    const reason = (e as Error).message.replace(/^Invalid regular expression: /, '')
    throw new AppError('errors.tags.badRegex', { pattern, reason }, `the regular expression ${pattern} is not valid (${reason})`)
  }
}

/** Validate a rule and turn it into a predicate; a bad rule is refused with a message naming what is wrong. */
export function compileRule(m: RuleMatch): RulePredicate {
  switch (m.kind) {
    case 'words': {
      const words = m.words.map((w) => w.trim()).filter(Boolean)
      if (!words.length) throw new AppError('errors.tags.emptyRule', {}, 'the rule has no words to look for')
      const all = words.map(forms)
      return m.mode === 'all' ? (p) => all.every((w) => containsEither(p, w)) : (p) => all.some((w) => containsEither(p, w))
    }
    case 'regex': {
      const [orig, simp] = compileRegex(m.pattern, m.ignoreCase)
      return (p) =>
        orig.test(`${p.s.title}\n${p.s.text.slice(0, REGEX_INPUT_LIMIT)}`) ||
        simp.test(`${toSimplified(p.s.title)}\n${(p.s.simplified ?? p.s.text).slice(0, REGEX_INPUT_LIMIT)}`)
    }
    case 'region': {
      const [code, name] = m.region.split(':')
      const place = name ? allPlaces().find((p) => p.code === code && p.name === name) : placeByCode(code)
      if (!place) throw new AppError('errors.tags.unknownRegion', { region: m.region }, `there is no region ${m.region}`)
      // A zone that carries its parent's code (郑东新区 has 410100) covers only itself.
      const zone = (place.level === 'district' || place.level === 'county') && place.code.endsWith('00')
      const prefix = regionCodePrefix(place.code)
      return zone
        ? (p) => p.s.regions.some((r) => r.code === place.code && r.name === place.name)
        : (p) => p.s.regions.some((r) => r.code.startsWith(prefix))
    }
    case 'measure':
      return (p) => p.s.measures.some((x) => x.category === m.category && x.level >= m.minLevel && !x.lifted)
    case 'docType':
      return (p) => p.s.docType === m.docType
    case 'issuer': {
      if (!m.contains.trim()) throw new AppError('errors.tags.emptyRule', {}, 'the rule has no issuer words to look for')
      const [orig, simp] = forms(m.contains.trim())
      return (p) => {
        const issuer = p.s.issuer
        return issuer !== null && (fold(issuer).includes(orig) || fold(toSimplified(issuer)).includes(simp))
      }
    }
  }
}

/** What a rule needs loaded from the database (text is the expensive part). */
export function needsText(m: RuleMatch): boolean {
  return m.kind === 'words' || m.kind === 'regex'
}
