// Worker thread entry: writes one snapshot (archive/checkpoint.ts) and reports back; the archive starts a
// fresh worker per snapshot, so the memory of the copy it builds is returned when it ends.
import { parentPort } from 'node:worker_threads'
import { checkpoint, type CheckpointRequest, type CheckpointResult } from '../archive/checkpoint'

export type SnapshotWorkerResponse = { ok: true; result: CheckpointResult } | { ok: false; message: string }

parentPort?.once('message', (req: CheckpointRequest) => {
  checkpoint(req).then(
    (result) => parentPort!.postMessage({ ok: true, result } satisfies SnapshotWorkerResponse),
    (e: unknown) => parentPort!.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) } satisfies SnapshotWorkerResponse)
  )
})
