// Running a query: match every term through the index, combine (AND of OR groups, minus NOT terms),
// filter by metadata, rank with BM25 (a title hit weighs like a well-repeated body hit), count
// facets, and cut snippets for the page asked for. Never throws on any query string.
import type { Archive } from '../archive/archive'
import { summariesOf } from '../archive/documents-read'
import type { SearchFilter, SearchResult, SearchSort, SearchHit } from '../../common/search'
import { searchEngine, type SearchEngine } from './engine'
import { parseQuery, positiveTerms, type QueryTerm } from './query'
import { compileFilter, computeFacets } from './facets'
import { makeSnippet } from './snippet'
import { inBatches, type DocMeta } from './meta'

const K1 = 1.2
const B = 0.75
/** A term in the title adds this many times the most a body can add (BM25 saturates at K1 + 1). */
const TITLE_WEIGHT = 1.5

export interface SearchRequest {
  query: string
  filter?: SearchFilter
  sort?: SearchSort
  offset?: number
  limit?: number
  facets?: boolean
}

function termScores(engine: SearchEngine, term: QueryTerm, live: number, avgLen: number): Map<number, number> {
  const { index, meta } = engine
  const hits = index.match(term.tokens)
  let df = 0
  for (const slot of hits.keys()) if (meta[slot] && !meta[slot]!.trashed) df++
  const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5))
  const out = new Map<number, number>()
  for (const [slot, h] of hits) {
    const norm = K1 * (1 - B + (B * index.bodyLength[slot]) / avgLen)
    const body = h.body ? (h.body * (K1 + 1)) / (h.body + norm) : 0
    out.set(slot, idf * (body + (h.title ? TITLE_WEIGHT * (K1 + 1) : 0)))
  }
  return out
}

/** Slots and scores of the documents the query matches (before filters); null: every document. */
function matchQuery(engine: SearchEngine, groups: QueryTerm[][], exclude: QueryTerm[]): Map<number, number> | null {
  const { index } = engine
  const live = Math.max(1, index.liveCount)
  const avgLen = Math.max(1, index.totalBodyLength / live)
  let scores: Map<number, number> | null = null
  for (const group of groups) {
    const g = new Map<number, number>()
    for (const term of group) for (const [slot, s] of termScores(engine, term, live, avgLen)) g.set(slot, (g.get(slot) ?? 0) + s)
    if (scores === null) scores = g
    else {
      const next = new Map<number, number>()
      for (const [slot, s] of scores) {
        const more = g.get(slot)
        if (more !== undefined) next.set(slot, s + more)
      }
      scores = next
    }
    if (!scores.size) return scores
  }
  if (scores === null && exclude.length) {
    scores = new Map()
    for (let s = 0; s < index.slots; s++) if (index.alive[s]) scores.set(s, 0)
  }
  for (const term of exclude) for (const slot of index.match(term.tokens).keys()) scores!.delete(slot)
  return scores
}

type Cmp = (a: number, b: number) => number

function comparator(sort: SearchSort, scores: Map<number, number> | null, meta: (DocMeta | null)[]): Cmp {
  const byDate: Cmp = (a, b) => (meta[b]!.date ?? '').localeCompare(meta[a]!.date ?? '') || b - a
  const byNewest: Cmp = (a, b) => meta[b]!.importedAt.localeCompare(meta[a]!.importedAt) || b - a
  if (sort === 'date') return byDate
  if (sort === 'newest') return byNewest
  if (sort === 'title') return (a, b) => meta[a]!.title.localeCompare(meta[b]!.title, 'zh-CN') || b - a
  if (!scores) return byNewest
  return (a, b) => scores.get(b)! - scores.get(a)! || byDate(a, b)
}

/** The first `k` slots in `cmp` order, without sorting the whole list (a bounded max-heap). */
export function topK(slots: number[], k: number, cmp: Cmp): number[] {
  if (k <= 0) return []
  if (slots.length <= k * 4) return [...slots].sort(cmp).slice(0, k)
  const heap: number[] = []
  const worse = (i: number, j: number): boolean => cmp(heap[i], heap[j]) > 0
  const swap = (i: number, j: number): void => {
    const t = heap[i]
    heap[i] = heap[j]
    heap[j] = t
  }
  for (const s of slots) {
    if (heap.length < k) {
      heap.push(s)
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1)
    } else if (cmp(s, heap[0]) < 0) {
      heap[0] = s
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < heap.length && worse(l, m)) m = l
        if (r < heap.length && worse(r, m)) m = r
        if (m === i) break
        swap(i, m)
        i = m
      }
    }
  }
  return heap.sort(cmp)
}

export function searchDocuments(archive: Archive, req: SearchRequest): SearchResult {
  const t0 = performance.now()
  const engine = searchEngine(archive)
  const q = parseQuery(req.query)
  const scores = matchQuery(engine, q.groups, q.exclude)
  const pass = compileFilter(archive, req.filter ?? {})
  const { meta, index } = engine
  const matched: number[] = []
  const consider = (slot: number): void => {
    const m = meta[slot]
    if (m && index.alive[slot] && pass(m)) matched.push(slot)
  }
  if (scores) for (const slot of scores.keys()) consider(slot)
  else for (let s = 0; s < index.slots; s++) consider(s)
  const offset = req.offset ?? 0
  const limit = req.limit ?? 50
  const sort = req.sort ?? 'relevance'
  const page = topK(matched, offset + limit, comparator(sort, scores, meta)).slice(offset)
  const ids = page.map((s) => index.ids[s])
  const summaries = new Map(summariesOf(archive, ids).map((s) => [s.id, s]))
  const texts = new Map(textsOf(archive, ids))
  const terms = positiveTerms(q).map((t) => t.tokens)
  const results: SearchHit[] = []
  page.forEach((slot, i) => {
    const s = summaries.get(ids[i])
    if (!s) return
    const score = scores?.get(slot) ?? 0
    results.push({ ...s, score: Math.round(score * 1000) / 1000, snippet: makeSnippet(texts.get(ids[i]) ?? '', terms) })
  })
  const facets = req.facets === false ? null : computeFacets(archive, matched.map((s) => meta[s]!))
  return { total: matched.length, results, facets, ms: Math.round((performance.now() - t0) * 10) / 10 }
}

function textsOf(archive: Archive, ids: string[]): [string, string][] {
  return inBatches(ids, (marks, batch) => archive.all<{ id: string; text: string }>(`SELECT id, text FROM documents WHERE id IN (${marks})`, batch)).map(
    (r) => [r.id, r.text]
  )
}
