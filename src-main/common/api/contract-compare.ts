// The Compare domain of the API contract.
import { z } from 'zod'
import { DateString, RegionKey, op } from './contract-base'
import { MEASURE_CATEGORIES } from '../taxonomy'
import type { CompareResult, CompareSet, MapValue, RegionNode, TimelineSeries } from '../compare'
import type { CompareOperation } from './operations'

const RegionKeys = z.array(RegionKey).min(1).max(12)

export const compareContract = {
  /** The matrix of the regions as of a date (null: as of today). */
  'compare.run': op<CompareResult>()(z.object({ regions: RegionKeys, asOf: DateString.nullable().default(null) }).strict()),
  /** The regions the archive's documents name, as a province → city → county tree with counts. */
  'compare.regions': op<RegionNode[]>()(z.object({}).strict()),
  /** Each category's level over time for the regions: step lines, each step with its document. */
  'compare.timeline': op<TimelineSeries[]>()(
    z.object({ regions: RegionKeys, categories: z.array(z.enum(MEASURE_CATEGORIES)).max(16).optional() }).strict()
  ),
  /** Provinces or cities coloured by a category's level or the composite index, as of a date. */
  'compare.map': op<MapValue[]>()(
    z
      .object({
        metric: z.union([z.enum(MEASURE_CATEGORIES), z.literal('index')]),
        level: z.enum(['province', 'city']),
        asOf: DateString.nullable().default(null)
      })
      .strict()
  ),
  'compare.sets.list': op<CompareSet[]>()(z.object({}).strict()),
  /** Create (no id) or update (rename, change regions or date) a set; `current` marks the one on screen. */
  'compare.sets.save': op<CompareSet>()(
    z
      .object({
        id: z.string().min(1).max(64).optional(),
        name: z.string().trim().min(1).max(100),
        regions: z.array(RegionKey).max(12),
        asOf: DateString.nullable().default(null),
        current: z.boolean().default(false)
      })
      .strict()
  ),
  'compare.sets.delete': op<{ count: number }>()(z.object({ id: z.string().min(1).max(64) }).strict())
} satisfies Record<CompareOperation, { args: z.ZodType; result: unknown }>
