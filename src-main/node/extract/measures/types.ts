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
