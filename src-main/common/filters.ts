// Document filters shared by the command line, the API and the library view.
import { z } from 'zod'
import { DOC_TYPES } from './record'

export const DocumentFilterSchema = z
  .object({
    /** Region name or six-digit code; includes its sub-regions. */
    region: z.string().trim().min(1).max(64).optional(),
    type: z.enum(DOC_TYPES).optional(),
    tag: z.string().trim().min(1).max(64).optional(),
    measure: z.string().trim().min(1).max(40).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** Words in the title or text (either script). */
    text: z.string().trim().max(200).optional(),
    trashed: z.boolean().optional()
  })
  .strict()

export type DocumentFilter = z.infer<typeof DocumentFilterSchema>
