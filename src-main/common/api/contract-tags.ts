// The Tags domain of the API contract: tag management, tag rules and the trash.
import { z } from 'zod'
import { Id, TagName, op } from './contract-base'
import { DOC_TYPES } from '../record'
import { MEASURE_CATEGORIES } from '../taxonomy'
import type { DocumentTag, TagInfo, TagRule } from '../tags'
import type { DocumentSummary } from '../record'
import type { TagsOperation } from './operations'

const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use #rrggbb')
const RuleId = z.string().regex(/^[a-z0-9]{4,32}$/, 'not a rule id')

export const RuleMatchSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('words'), mode: z.enum(['any', 'all']), words: z.array(z.string().trim().min(1).max(100)).min(1).max(100) }).strict(),
  z.object({ kind: z.literal('regex'), pattern: z.string().min(1).max(300), ignoreCase: z.boolean().default(false) }).strict(),
  z.object({ kind: z.literal('region'), region: z.string().regex(/^\d{6}(:.+)?$/, 'not a region key').max(80), label: z.string().max(80) }).strict(),
  z.object({ kind: z.literal('measure'), category: z.enum(MEASURE_CATEGORIES), minLevel: z.number().int().min(0).max(4) }).strict(),
  z.object({ kind: z.literal('docType'), docType: z.enum(DOC_TYPES) }).strict(),
  z.object({ kind: z.literal('issuer'), contains: z.string().trim().min(1).max(100) }).strict()
])

export interface TrashRow extends DocumentSummary {
  trashedAt: string
}

export const tagsContract = {
  /** Every tag with its colour, document count and number of rules (the tree is built from the names). */
  'tags.all': op<TagInfo[]>()(z.object({}).strict()),
  'tags.create': op<TagInfo>()(z.object({ name: TagName, color: Color.nullable().default(null) }).strict()),
  /** Renames the tag and every tag below it; a name already taken is refused (merge instead). */
  'tags.rename': op<{ count: number }>()(z.object({ name: TagName, to: TagName }).strict()),
  'tags.recolor': op<{ count: number }>()(z.object({ name: TagName, color: Color.nullable() }).strict()),
  'tags.merge': op<{ count: number }>()(z.object({ from: z.array(TagName).min(1).max(100), into: TagName }).strict()),
  /** Deletes the tags and every tag below them (undoable with history.undo). */
  'tags.delete': op<{ count: number }>()(z.object({ names: z.array(TagName).min(1).max(100) }).strict()),
  /** A document's tags and how each got there (which rule applied it). */
  'tags.ofDocument': op<DocumentTag[]>()(z.object({ id: Id }).strict()),
  'tags.rules.list': op<TagRule[]>()(z.object({}).strict()),
  /** Create (no id) or update a rule; an invalid rule (bad pattern, unknown region) is refused with the reason. */
  'tags.rules.save': op<TagRule>()(
    z.object({ id: RuleId.optional(), name: z.string().trim().min(1).max(100), tag: TagName, match: RuleMatchSchema, enabled: z.boolean().default(true) }).strict()
  ),
  'tags.rules.delete': op<{ count: number }>()(z.object({ id: RuleId }).strict()),
  /** Run one rule (or all enabled ones) over the archive; progress comes as tags.progress events. */
  'tags.rules.run': op<{ jobId: string }>()(z.object({ id: RuleId.optional() }).strict()),
  'trash.list': op<{ total: number; rows: TrashRow[] }>()(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }).strict()
  ),
  /** Delete trashed documents for good (all, or the given ones); cannot be undone. */
  'trash.empty': op<{ count: number }>()(z.object({ ids: z.array(Id).min(1).max(100_000).optional() }).strict())
} satisfies Record<TagsOperation, { args: z.ZodType; result: unknown }>
