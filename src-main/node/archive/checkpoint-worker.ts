// Talking to one snapshot worker: one request, one answer, then the worker ends.
import type { Worker } from 'node:worker_threads'
import type { CheckpointRequest, CheckpointResult } from './checkpoint'
import type { SnapshotWorkerResponse } from '../workers/snapshot-worker'

export function runCheckpoint(worker: Worker, req: CheckpointRequest): Promise<CheckpointResult> {
  return new Promise<CheckpointResult>((resolve, reject) => {
    worker.once('message', (res: SnapshotWorkerResponse) => (res.ok ? resolve(res.result) : reject(new Error(res.message))))
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the snapshot worker stopped (exit code ${code})`)))
    worker.postMessage(req)
  }).finally(() => void worker.terminate())
}
