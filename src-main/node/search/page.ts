// What a result page shows of each document: its summary and the start of its text (for the snippet).
// The engine already holds most of a summary (title, type, date, regions, tag ids, kept current from the
// change log); the rest and the packed text come in one read per page. Consecutive queries return many
// of the same documents (a refined query, a facet click, the next related word), so the rows are kept
// for the most recently shown documents until the next write to the archive (any write: a renamed tag
// changes summaries without touching the documents).
import type { Archive } from '../archive/archive'
import { toSummary } from '../archive/documents-read'
import { storedHead } from '../archive/text-pack'
import type { SqlValue } from 'sql.js'
import type { DocumentSummary } from '../../common/record'
import type { SearchEngine } from './engine'
import { inBatches } from './meta'
import { Lru } from './lru'

/** Characters of each result's text read for its snippet first (most first matches stand early). */
export const SNIPPET_HEAD = 1000
/** Documents kept (a summary and up to SNIPPET_HEAD characters each: about 2.5 KB). */
const KEEP = 4000

export interface TextHead {
  /** The original text, or its first SNIPPET_HEAD characters. */
  text: string
  /** Only the first SNIPPET_HEAD characters were read (the text is longer). */
  partial: boolean
}

export interface PageDoc {
  summary: DocumentSummary
  head: TextHead
}

interface PageCache {
  sequence: number
  docs: Lru<string, PageDoc>
  tagNames: Map<number, string> | null
}

const caches = new WeakMap<SearchEngine, PageCache>()

interface Row {
  id: string
  title_derived: number
  doc_type_detail: string | null
  format: string
  warnings_json: string
  source_sha256: string
  text: SqlValue
}

/** Region names in the order the summaries of documents-read give them (by code, then name). */
function regionNames(regions: string[]): string {
  return [...regions]
    .sort()
    .map((r) => r.slice(r.indexOf(':') + 1))
    .join('、')
}

function read(archive: Archive, engine: SearchEngine, cache: PageCache, ids: string[]): PageDoc[] {
  const rows = inBatches(ids, (marks, batch) =>
    archive.all<Row>(`SELECT id, title_derived, doc_type_detail, format, warnings_json, source_sha256, text FROM documents WHERE id IN (${marks})`, batch)
  )
  const seen = new Set<string>()
  const out: PageDoc[] = []
  for (const r of rows) {
    const slot = engine.slotOf.get(r.id)
    const m = slot === undefined ? null : engine.meta[slot]
    // (A padded batch repeats an id; a document the engine does not know is gone.)
    if (!m || seen.has(r.id)) continue
    seen.add(r.id)
    cache.tagNames ??= new Map(archive.all<{ id: number; name: string }>('SELECT id, name FROM tags').map((t) => [t.id, t.name]))
    const names = cache.tagNames
    const tags = [...m.tags].sort((a, b) => a - b).flatMap((t) => names.get(t) ?? [])
    const summary = toSummary({
      ...r,
      title: m.title,
      doc_type: m.type,
      date: m.date,
      imported_at: m.importedAt,
      regions: regionNames(m.regions),
      tags: tags.join('、')
    })
    out.push({ summary, head: storedHead(r.text, SNIPPET_HEAD) ?? { text: '', partial: false } })
  }
  return out
}

/** Summaries and text heads of `ids` (documents that no longer exist are left out). */
export function pageDocs(archive: Archive, engine: SearchEngine, ids: string[]): Map<string, PageDoc> {
  let cache = caches.get(engine)
  if (!cache || cache.sequence !== archive.sequence) caches.set(engine, (cache = { sequence: archive.sequence, docs: new Lru(KEEP), tagNames: null }))
  const out = new Map<string, PageDoc>()
  const missing: string[] = []
  for (const id of ids) {
    const d = cache.docs.get(id)
    if (d) out.set(id, d)
    else missing.push(id)
  }
  if (missing.length) {
    for (const d of read(archive, engine, cache, missing)) {
      out.set(d.summary.id, d)
      cache.docs.set(d.summary.id, d)
    }
  }
  return out
}

export function dropPageCache(engine: SearchEngine): void {
  caches.delete(engine)
}
