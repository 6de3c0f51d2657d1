// Generic events of long-running jobs (import, export, re-processing): one shape for every kind,
// so the interface shows progress and offers Cancel the same way whatever runs.
export const JOB_KINDS = ['import', 'export', 'reprocess'] as const
export type JobKind = (typeof JOB_KINDS)[number]

export interface JobStartedEvent {
  jobId: string
  kind: JobKind
}

export interface JobProgressEvent {
  jobId: string
  kind: JobKind
  done: number
  total: number
  /** What the job is doing now, as a short key (e.g. 'collect', 'render', 'write') or a file name. */
  stage: string | null
}

/** Figures a finished job reports, e.g. {imported: 3} or {name: 'x.docx', bytes: 1234}. */
export type JobDetail = Record<string, string | number | boolean | null>

export interface JobDoneEvent {
  jobId: string
  kind: JobKind
  ms: number
  /** True when the user cancelled it: what was done so far stays, nothing half-written is left. */
  cancelled: boolean
  detail: JobDetail
}

export interface JobErrorEvent {
  jobId: string
  kind: JobKind
  message: string
  /** For an AppError: the i18n key and its parameters. */
  key?: string
  params?: Record<string, string | number>
}
