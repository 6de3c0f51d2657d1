// Pipeline output as CONTRACT.md document records (for `extract`, which stores nothing).
import type { DocumentRecord } from '../../common/record'
import type { PipelineDocument } from '../pipeline/types'
import { estimateSimilarity } from '../pipeline/fingerprint'
import { SIMILAR_THRESHOLD } from '../archive/near-duplicates'

export function pipelineRecord(doc: PipelineDocument): DocumentRecord {
  return {
    source: { ...doc.source },
    title: doc.title,
    titleDerived: doc.titleDerived === true,
    docType: doc.docType,
    docTypeDetail: doc.docTypeDetail,
    issuer: doc.issuer,
    docNumber: doc.docNumber,
    date: doc.date,
    script: doc.script,
    regions: doc.regions,
    measures: doc.measures,
    text: doc.text,
    removed: doc.removed,
    duplicateOf: null,
    similar: [],
    tags: [],
    warnings: doc.warnings,
    extractorVersion: doc.extractorVersion
  }
}

/**
 * Link the records of one `extract` run to each other as a stored import would. They have no ids,
 * so a reference is "path#part".
 */
export function linkBatch(docs: PipelineDocument[], records: DocumentRecord[]): void {
  const ref = (d: PipelineDocument): string => `${d.source.path}#${d.source.part}`
  docs.forEach((d, i) => {
    for (let j = 0; j < i; j++) {
      if (docs[j].contentHash === d.contentHash) {
        records[i].duplicateOf = ref(docs[j])
        return
      }
    }
    for (let j = 0; j < docs.length; j++) {
      if (j === i || docs[j].contentHash === d.contentHash) continue
      const score = estimateSimilarity(d.minhash, docs[j].minhash)
      if (score >= SIMILAR_THRESHOLD) records[i].similar.push({ id: ref(docs[j]), score })
    }
    records[i].similar.sort((a, b) => b.score - a.score)
  })
}
