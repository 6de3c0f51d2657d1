// A small pool of pipeline workers. On 2 cores one worker runs the pipeline while the main thread reads
// files and commits batches; a failure to start workers (an unusual packaging) falls back to in-process.
import os from 'node:os'
import type { Worker } from 'node:worker_threads'
import { startWorker } from '../workers/start'
import { processInput, ImportError } from '../pipeline/pipeline'
import type { PipelineDocument, RawInput } from '../pipeline/types'
import type { WorkRequest, WorkResponse } from '../workers/pipeline-worker'

type Pending = { resolve: (r: PoolResult) => void; reject: (e: Error) => void; worker: Worker; input?: RawInput; encoding?: string }

/** The pipeline's documents (from a worker, with their texts already in stored form). */
export interface PoolResult {
  docs: PipelineDocument[]
}

function inProcess(input: RawInput, encoding?: string): Promise<PoolResult> {
  return processInput(input, encoding ? { encoding } : undefined).then((docs) => ({ docs }))
}

export class PipelinePool {
  private workers: Worker[] = []
  private load = new Map<Worker, number>()
  private pending = new Map<number, Pending>()
  private nextId = 0
  private broken = false
  /** Workers that have finished at least one input (a later failure is the input's, not the start-up's). */
  private proven = new Set<Worker>()

  constructor(size = Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1)) {
    for (let i = 0; i < size; i++) {
      try {
        const w = startWorker('pipeline-worker')
        if (!w) break
        w.on('message', (res: WorkResponse) => this.settle(w, res))
        w.on('error', (e) => this.fail(w, e))
        w.unref()
        this.workers.push(w)
        this.load.set(w, 0)
      } catch {
        this.broken = true
      }
    }
    if (!this.workers.length) this.broken = true
  }

  /** How many inputs may be in flight to keep every worker busy. */
  get capacity(): number {
    return Math.max(1, this.workers.length * 2)
  }

  process(input: RawInput, encoding?: string): Promise<PoolResult> {
    if (this.broken || !this.workers.length) return inProcess(input, encoding)
    const w = [...this.load].sort((a, b) => a[1] - b[1])[0][0]
    const id = this.nextId++
    this.load.set(w, (this.load.get(w) ?? 0) + 1)
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: w, input, encoding })
      w.ref()
      // Bytes are copied, not transferred: the caller still stores the original.
      w.postMessage({ id, input, encoding } satisfies WorkRequest)
    })
  }

  private settle(w: Worker, res: WorkResponse): void {
    const p = this.pending.get(res.id)
    this.pending.delete(res.id)
    const left = (this.load.get(w) ?? 1) - 1
    this.load.set(w, left)
    if (left === 0) w.unref()
    this.proven.add(w)
    if (!p) return
    if (res.ok) p.resolve({ docs: res.docs })
    else p.reject(res.importError ? new ImportError(res.importError.code, res.importError.params) : new Error(res.message))
  }

  /**
   * A worker that never finished an input could not start: its inputs run in-process instead. A worker
   * that stops mid-work fails the inputs it held (one of them may be what stopped it). Later inputs run in-process.
   */
  private fail(w: Worker, e: Error): void {
    this.broken = true
    const startup = !this.proven.has(w)
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue
      this.pending.delete(id)
      if (startup && p.input) inProcess(p.input, p.encoding).then(p.resolve, p.reject)
      else p.reject(new ImportError('workerStopped', { detail: e.message }))
    }
    this.load.delete(w)
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers = []
  }
}
