// Worker thread entry: runs the import pipeline for the inputs the pool sends, so decoding, cleaning
// and extraction never block the thread that answers the interface and commits to the archive.
import { parentPort } from 'node:worker_threads'
import { processInput, ImportError } from '../pipeline/pipeline'
import type { RawInput } from '../pipeline/types'
import { packShadow, packText } from '../archive/text-pack'
import type { PipelineDocument } from '../pipeline/types'
import type { ReasonCode } from '../pipeline/reasons'
import type { ErrorParams } from '../../common/errors'

export interface WorkRequest {
  id: number
  input: RawInput
  encoding?: string
}

export type WorkResponse =
  | { id: number; ok: true; docs: PipelineDocument[] }
  | { id: number; ok: false; message: string; importError?: { code: ReasonCode; params: ErrorParams } }

/**
 * Deflating the texts here spares the main thread, which commits to the archive. The raw decoded text is
 * not stored (the original file is), so it is not copied across either.
 */
function forStore(doc: PipelineDocument): PipelineDocument {
  return { ...doc, rawText: '', packed: { text: packText(doc.text), simplified: packShadow(doc.text, doc.simplified) } }
}

parentPort?.on('message', (req: WorkRequest) => {
  processInput(req.input, req.encoding ? { encoding: req.encoding } : undefined).then(
    (docs) => parentPort!.postMessage({ id: req.id, ok: true, docs: docs.map(forStore) } satisfies WorkResponse),
    (err: unknown) =>
      parentPort!.postMessage({
        id: req.id,
        ok: false,
        message: err instanceof Error ? err.message : String(err),
        importError: err instanceof ImportError ? { code: err.reasonCode, params: err.params } : undefined
      } satisfies WorkResponse)
  )
})
