// Shape of a measure rule. Rules are data: a category's table lists patterns (matched on the
// simplified shadow) with the level they imply. Level functions see the parsed params of the span.
import type { MeasureParams } from '../../../common/record'

export interface Rule {
  /** Matched against the simplified text of one clause. */
  re: RegExp
  /** Ordinal level in TAXONOMY.md, or a function of the clause and its params. */
  level: number | ((clause: string, p: MeasureParams) => number)
  /** The clause must also match this (e.g. an action verb), when given. */
  requires?: RegExp
  /** The pattern matches a verb (暂停, 限流): the object the clause is about is what `requires` found. */
  objectFromRequires?: boolean
  /** A generic word (登记, 管控措施) that yields to a specific rule of another category in the same span. */
  weak?: boolean
  /** In the catch-all `other` table, a rule that is not weak (enforcement: 依法追究). */
  strong?: boolean
  /** The clause must not match this. */
  unless?: RegExp
}

export interface CategoryRules {
  category: string
  rules: Rule[]
  /** Clauses matching this never yield the category (rhetoric, statistics, other senses of a word). */
  exclude?: RegExp
  /**
   * When true, every statement matching the same words (with the same numbers) in one document is
   * one measure: categories whose documents restate one rule many times (报备 in a how-to, 疫苗
   * in a vaccination drive).
   */
  mergeByWord?: boolean
}
