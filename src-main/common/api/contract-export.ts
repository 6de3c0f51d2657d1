// The Export domain of the API contract, and the cancel operation every long job answers.
import { z } from 'zod'
import { op } from './contract-base'
import { EXPORT_FORMATS, ExportRequestSchema, type ExportPreview } from '../export'
import type { ExportOperation } from './operations'
import type { JobStarted } from './contract'

export const exportContract = {
  /** The HTML layout of the export (the one the PDF is printed from), long lists capped. */
  'export.preview': op<ExportPreview>()(z.object({ request: ExportRequestSchema }).strict()),
  /**
   * Run the export as a job (job.* events with kind 'export'). Desktop: asks where to save first (the
   * save dialog remembers the last folder) and resolves to null when the user cancels. Serve: the
   * file is kept for export.download once the job is done.
   */
  'export.start': op<JobStarted | null>()(z.object({ request: ExportRequestSchema, format: z.enum(EXPORT_FORMATS) }).strict()),
  /** Serve mode: the finished export's bytes (base64), once; the temporary copy is then removed. */
  'export.download': op<{ name: string; mime: string; base64: string }>()(z.object({ jobId: z.string().uuid() }).strict()),
  /** Stop a running import, export or re-processing job. */
  'jobs.cancel': op<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(64) }).strict())
} satisfies Record<ExportOperation, { args: z.ZodType; result: unknown }>
