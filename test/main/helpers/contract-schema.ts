// CONTRACT.md's JSON shapes, transcribed as zod schemas so tests fail on any renamed or missing field.
import { z } from 'zod'

const Region = z.object({ name: z.string(), code: z.string().regex(/^\d{6}$/), level: z.enum(['province', 'city', 'county', 'district']), province: z.string() })
const Measure = z.object({
  category: z.string(),
  level: z.number().int().min(0),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  target: z.string().nullable(),
  lifted: z.boolean(),
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0)
})

export const DocumentRecordSchema = z.object({
  id: z.string().optional(),
  source: z.object({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.string(),
    encoding: z.string(),
    part: z.number().int().min(1),
    parts: z.number().int().min(1)
  }),
  title: z.string(),
  docType: z.enum(['notice', 'report', 'news', 'guide', 'other']),
  docTypeDetail: z.string().nullable(),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  script: z.enum(['simplified', 'traditional', 'mixed']),
  regions: z.array(Region),
  measures: z.array(Measure),
  text: z.string(),
  removed: z.array(z.object({ text: z.string(), reason: z.enum(['link-list', 'comments', 'spam', 'seo', 'navigation', 'html', 'other']) })),
  duplicateOf: z.string().nullable(),
  similar: z.array(z.object({ id: z.string(), score: z.number() })),
  tags: z.array(z.string()),
  warnings: z.array(z.string())
})

export type ContractRecord = z.infer<typeof DocumentRecordSchema>

export const ImportEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('imported'), file: z.string(), id: z.string(), part: z.number().int(), parts: z.number().int(), title: z.string() }),
  z.object({ event: z.literal('duplicate'), file: z.string(), of: z.string() }),
  z.object({ event: z.literal('error'), file: z.string(), reason: z.string().min(10) }),
  z.object({ event: z.literal('done'), imported: z.number().int(), duplicates: z.number().int(), errors: z.number().int(), ms: z.number() })
])

/** Measures whose evidence is not exactly the text at their offsets (CONTRACT.md); [] when all match. */
export function evidenceMismatches(r: ContractRecord): string[] {
  return r.measures
    .filter((m) => r.text.slice(m.start, m.end) !== m.text)
    .map((m) => `${r.id ?? r.source.path}: ${m.category} ${m.start}-${m.end} ${JSON.stringify(m.text)} ≠ ${JSON.stringify(r.text.slice(m.start, m.end))}`)
}
