// Full-text search: the request's filters, the results with snippets, facet counts and saved views.
import { z } from 'zod'
import { DOC_TYPES, type DocumentSummary } from './record'
import { MEASURE_CATEGORIES } from './taxonomy'

export const SearchFilterSchema = z
  .object({
    /** Region name, short name or six-digit code, either script; includes its sub-regions. */
    region: z.string().trim().min(1).max(64).optional(),
    type: z.enum(DOC_TYPES).optional(),
    tag: z.string().trim().min(1).max(64).optional(),
    measure: z.enum(MEASURE_CATEGORIES).optional(),
    /** With `measure`: at least this level; alone: any measure at least this level. */
    minLevel: z.number().int().min(0).max(4).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    hasSimilar: z.boolean().optional(),
    hasWarnings: z.boolean().optional()
  })
  .strict()

export type SearchFilter = z.infer<typeof SearchFilterSchema>

export const SEARCH_SORTS = ['relevance', 'newest', 'date', 'title'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export interface SearchHit extends DocumentSummary {
  score: number
  /** Cut from the original text, matches in [brackets]. */
  snippet: string
}

export interface FacetValue {
  value: string
  count: number
}

export interface RegionFacet {
  code: string
  name: string
  level: string
  count: number
}

export interface SearchFacets {
  regions: RegionFacet[]
  types: FacetValue[]
  tags: FacetValue[]
  measures: FacetValue[]
  hasSimilar: number
  hasWarnings: number
}

export interface SearchResult {
  total: number
  results: SearchHit[]
  facets: SearchFacets | null
  ms: number
}

export interface SavedView {
  id: string
  name: string
  query: string
  filter: SearchFilter
  position: number
  createdAt: string
}
