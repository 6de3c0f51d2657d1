// Long-running jobs of every kind: each gets its own AbortController (aborted by a user's cancel or
// by the service shutting down) and sends the generic job.* events. Kind-specific events (import.*)
// stay with their code.
import { randomUUID } from 'node:crypto'
import type { JobDetail, JobKind } from '../../common/api/jobs'
import { AppError } from '../../common/errors'
import type { EventBus } from './event-bus'

export interface JobHandle {
  jobId: string
  signal: AbortSignal
  /** Report progress (sent at most every PROGRESS_MS, and always for the last step). */
  progress(done: number, total: number, stage?: string | null): void
}

const PROGRESS_MS = 200

export class JobRegistry {
  private readonly running = new Map<string, { kind: JobKind; controller: AbortController; promise: Promise<void> }>()

  constructor(
    private readonly bus: EventBus,
    private readonly shutdown: AbortSignal
  ) {}

  /** Start a job; `run` resolves to its detail figures, or rejects (an error event, never a crash). */
  start(kind: JobKind, run: (job: JobHandle) => Promise<JobDetail>, jobId: string = randomUUID()): { jobId: string } {
    const controller = new AbortController()
    const signal = AbortSignal.any([controller.signal, this.shutdown])
    const t0 = Date.now()
    let last = 0
    const handle: JobHandle = {
      jobId,
      signal,
      progress: (done, total, stage = null) => {
        const now = Date.now()
        if (done < total && now - last < PROGRESS_MS) return
        last = now
        this.bus.emit('job.progress', { jobId, kind, done, total, stage })
      }
    }
    this.bus.emit('job.started', { jobId, kind })
    const promise = Promise.resolve()
      .then(() => run(handle))
      .then(
        (detail) => this.bus.emit('job.done', { jobId, kind, ms: Date.now() - t0, cancelled: controller.signal.aborted, detail }),
        (err: unknown) => {
          if (controller.signal.aborted) this.bus.emit('job.done', { jobId, kind, ms: Date.now() - t0, cancelled: true, detail: {} })
          else {
            const e = err instanceof Error ? err : new Error(String(err))
            this.bus.emit('job.error', { jobId, kind, message: e.message, ...(e instanceof AppError ? { key: e.key, params: e.params } : {}) })
          }
        }
      )
      .finally(() => this.running.delete(jobId))
    this.running.set(jobId, { kind, controller, promise })
    return { jobId }
  }

  /** Ask a running job to stop; false when no such job runs (it may have just finished). */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId)
    if (!job) return false
    job.controller.abort()
    return true
  }

  /** Resolves when the job has finished (at once when it is not running). */
  wait(jobId: string): Promise<void> {
    return this.running.get(jobId)?.promise ?? Promise.resolve()
  }

  /** Every running job's completion, for shutdown. */
  all(): Promise<void>[] {
    return [...this.running.values()].map((j) => j.promise)
  }
}
