// Building blocks shared by the domain parts of the API contract.
import { z } from 'zod'

export const Id = z.string().regex(/^[a-z0-9]{4,32}$/, 'not a document id')
export const Ids = z.array(Id).min(1).max(100_000)
export const TagName = z.string().trim().min(1).max(64)
export const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
/** A region as the archive keys it: "code" or "code:name" (zones may share their parent's code). */
export const RegionKey = z.string().regex(/^\d{6}(:.+)?$/, 'not a region key').max(80)

/** One operation: its argument schema and (as a type only) its result. */
export function op<R>() {
  return <A extends z.ZodType>(args: A) => ({ args, result: undefined as unknown as R })
}
