// The Search domain of the API contract: ranked full-text search with filters and facets, saved views.
import { z } from 'zod'
import { op } from './contract-base'
import { SEARCH_SORTS, SearchFilterSchema, type SavedView, type SearchResult } from '../search'
import type { SearchOperation } from './operations'

const ViewId = z.string().regex(/^[a-z0-9]{4,32}$/, 'not a view id')

export const searchContract = {
  /** Any query string is valid (an empty one lists by the filters alone). */
  'search.run': op<SearchResult>()(
    z
      .object({
        query: z.string().max(1000).default(''),
        filter: SearchFilterSchema.default({}),
        sort: z.enum(SEARCH_SORTS).default('relevance'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(0).max(1000).default(50),
        facets: z.boolean().default(true)
      })
      .strict()
  ),
  'search.views.list': op<SavedView[]>()(z.object({}).strict()),
  /** Create (no id) or update (rename, change the query or filters) a saved view. */
  'search.views.save': op<SavedView>()(
    z
      .object({
        id: ViewId.optional(),
        name: z.string().trim().min(1).max(100),
        query: z.string().max(1000).default(''),
        filter: SearchFilterSchema.default({})
      })
      .strict()
  ),
  /** The views in this order (ids not listed keep their place after these). */
  'search.views.reorder': op<SavedView[]>()(z.object({ ids: z.array(ViewId).min(1).max(500) }).strict()),
  'search.views.delete': op<{ count: number }>()(z.object({ id: ViewId }).strict())
} satisfies Record<SearchOperation, { args: z.ZodType; result: unknown }>
