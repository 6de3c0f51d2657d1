// The pipeline side of document edits: an edited text (merged parts, a split piece, a restored
// passage) goes through the same stages after splitting as an import (processPart: script, extraction,
// evidence anchoring, fingerprints), and a new decoding through the whole pipeline, in the worker pool
// when there is one. The archive then only stores the result (archive/document-edits.ts).
import type { Archive } from '../archive/archive'
import { mergeParts, restoreRemoved, splitDocument, storeRedecoded, type Rebuild } from '../archive/document-edits'
import { baseName, processInput, processPart } from '../pipeline/pipeline'
import type { SourceFormat } from '../../common/record'
import { noDocument } from '../../common/errors'
import type { PipelinePool } from './pipeline-pool'

/** The document for an edited text, as import would have made it from that text. */
export const rebuildFromText: Rebuild = (row, text, removed, part, parts) => {
  const processed = processPart({ text, removed, fileName: baseName(row.source_path) })
  // Decoding warnings of the original still hold; evidence warnings are those of the new text.
  const kept = (JSON.parse(row.warnings_json) as string[]).filter((w) => !/extracted measure\(s\) were dropped/.test(w))
  return {
    ...processed,
    source: { path: row.source_path, sha256: row.source_sha256, format: row.format, encoding: row.encoding, part, parts },
    rawText: '',
    warnings: [...new Set([...kept, ...processed.warnings])]
  }
}

/** Decode the original again with a chosen encoding (after a doubtful guess); re-processing keeps the choice. */
export async function redecode(archive: Archive, id: string, encoding: string, pool?: Pick<PipelinePool, 'process'>): Promise<void> {
  const row = archive.get<{ source_sha256: string; source_path: string; format: string }>(
    'SELECT d.source_sha256, d.source_path, s.format FROM documents d JOIN sources s ON s.sha256 = d.source_sha256 WHERE d.id = ?',
    [id]
  )
  if (!row) throw noDocument(id)
  const input = { path: row.source_path, bytes: await archive.originals.read(row.source_sha256), format: row.format as SourceFormat }
  const { docs } = pool ? await pool.process(input, encoding) : { docs: await processInput(input, { encoding }) }
  storeRedecoded(archive, id, row.source_sha256, encoding, docs)
}

export const restoreRemovedPassage = (archive: Archive, id: string, index: number): void => restoreRemoved(archive, id, index, rebuildFromText)
export const mergeDocuments = (archive: Archive, ids: string[]): string => mergeParts(archive, ids, rebuildFromText)
export const splitAt = (archive: Archive, id: string, offsets: number[]): string[] => splitDocument(archive, id, offsets, rebuildFromText)
