// What a result page shows of each document: its summary and the start of its text (for the snippet).
// Consecutive queries return many of the same documents (a refined query, a facet click, the next
// related word), so both are kept for the most recently shown documents until the next write to the
// archive (any write: a renamed tag changes summaries without touching the documents).
import type { Archive } from '../archive/archive'
import { summariesOf } from '../archive/documents-read'
import type { DocumentSummary } from '../../common/record'
import type { SearchEngine } from './engine'
import { displayTexts, type TextHead } from './texts'
import { Lru } from './lru'

/** Characters of each result's text read for its snippet first (most first matches stand early). */
export const SNIPPET_HEAD = 1000
/** Documents kept (a summary and up to SNIPPET_HEAD characters each: about 2.5 KB). */
const KEEP = 4000

export interface PageDoc {
  summary: DocumentSummary
  head: TextHead
}

const caches = new WeakMap<SearchEngine, { sequence: number; docs: Lru<string, PageDoc> }>()

/** Summaries and text heads of `ids` (documents that no longer exist are left out). */
export function pageDocs(archive: Archive, engine: SearchEngine, ids: string[]): Map<string, PageDoc> {
  let cache = caches.get(engine)
  if (!cache || cache.sequence !== archive.sequence) caches.set(engine, (cache = { sequence: archive.sequence, docs: new Lru(KEEP) }))
  const out = new Map<string, PageDoc>()
  const missing: string[] = []
  for (const id of ids) {
    const d = cache.docs.get(id)
    if (d) out.set(id, d)
    else missing.push(id)
  }
  if (missing.length) {
    const heads = displayTexts(archive, missing, SNIPPET_HEAD)
    for (const summary of summariesOf(archive, missing)) {
      const d = { summary, head: heads.get(summary.id) ?? { text: '', partial: false } }
      out.set(summary.id, d)
      cache.docs.set(summary.id, d)
    }
  }
  return out
}
