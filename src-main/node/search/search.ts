// Running a query: match every term through the index, combine (AND of OR groups, minus NOT terms),
// filter by metadata, rank with BM25 (a title hit weighs like a well-repeated body hit), count
// facets, and cut snippets for the page asked for. Never throws on any query string.
import type { Archive } from '../archive/archive'
import type { SearchFilter, SearchResult, SearchSort, SearchHit } from '../../common/search'
import type { DocumentFilter } from '../../common/filters'
import { onEngineReady, searchEngine, type SearchEngine } from './engine'
import { Hits } from './phrase'
import { parseQuery, positiveTerms, type QueryTerm } from './query'
import { compileFilter, countFacets, countFacetsWithin, nameFacets, type FacetCounts } from './facets'
import { makeSnippet } from './snippet'
import type { DocMeta } from './meta'
import { displayTexts } from './texts'
import { dropPageCache, pageDocs } from './page'
import { warmInBackground } from './warm'
import { Lru } from './lru'

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

/**
 * Per-slot working arrays of one engine, reused query after query: allocated afresh, these few
 * hundred kilobytes a query were what kept the garbage collector busy between keystrokes.
 */
class Scratch {
  score: Float64Array
  byScore: Float64Array
  ok: Uint8Array
  seen: Uint8Array
  all: Int32Array
  readonly hits = new Hits()

  constructor(readonly slots: number) {
    this.score = new Float64Array(slots)
    this.byScore = new Float64Array(slots)
    this.ok = new Uint8Array(slots)
    this.seen = new Uint8Array(slots)
    this.all = new Int32Array(slots)
  }
}

const scratches = new WeakMap<SearchEngine, Scratch>()

function scratchOf(engine: SearchEngine): Scratch {
  let s = scratches.get(engine)
  if (!s || s.slots !== engine.index.slots) scratches.set(engine, (s = new Scratch(engine.index.slots)))
  return s
}

/** Adds a term's BM25 scores into `score` and marks its documents in `seen`. */
function addTerm(engine: SearchEngine, term: QueryTerm, score: Float64Array, seen: Uint8Array, live: number, avgLen: number): void {
  const { index, cols } = engine
  const h = index.match(term.tokens, scratchOf(engine).hits)
  let df = 0
  for (let i = 0; i < h.n; i++) if (cols.live(h.slots[i])) df++
  const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5))
  for (let i = 0; i < h.n; i++) {
    const slot = h.slots[i]
    const norm = K1 * (1 - B + (B * index.bodyLength[slot]) / avgLen)
    const body = h.body[i] ? (h.body[i] * (K1 + 1)) / (h.body[i] + norm) : 0
    score[slot] += idf * (body + (h.title[i] ? TITLE_WEIGHT * (K1 + 1) : 0))
    seen[slot] = 1
  }
}

/** Scores per slot and which slots the query matches (before filters); `all` when there are no positive terms. */
function matchQuery(engine: SearchEngine, groups: QueryTerm[][], exclude: QueryTerm[]): { score: Float64Array; ok: Uint8Array; all: boolean } {
  const { index } = engine
  const slots = index.slots
  const live = Math.max(1, index.liveCount)
  const avgLen = Math.max(1, index.totalBodyLength / live)
  const { score, ok, seen } = scratchOf(engine)
  score.fill(0)
  // Documents that matched every group so far (AND of OR groups).
  ok.fill(1)
  for (const group of groups) {
    seen.fill(0)
    for (const term of group) addTerm(engine, term, score, seen, live, avgLen)
    for (let s = 0; s < slots; s++) ok[s] &= seen[s]
  }
  for (const term of exclude) {
    const h = index.match(term.tokens, scratchOf(engine).hits)
    for (let i = 0; i < h.n; i++) ok[h.slots[i]] = 0
  }
  return { score, ok, all: groups.length === 0 }
}

type Cmp = (a: number, b: number) => number

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function comparator(sort: SearchSort, scores: Float64Array | null, meta: (DocMeta | null)[]): Cmp {
  // ISO dates and times order as strings.
  const byDate: Cmp = (a, b) => cmpStr(meta[b]!.date ?? '', meta[a]!.date ?? '') || b - a
  const byNewest: Cmp = (a, b) => cmpStr(meta[b]!.importedAt, meta[a]!.importedAt) || b - a
  if (sort === 'date') return byDate
  if (sort === 'newest') return byNewest
  if (sort === 'title') return (a, b) => meta[a]!.title.localeCompare(meta[b]!.title, 'zh-CN') || b - a
  if (!scores) return byNewest
  return (a, b) => scores[b] - scores[a] || byDate(a, b)
}

/** The first `k` slots in `cmp` order, without sorting the whole list (a bounded max-heap). */
export function topK(slots: ArrayLike<number>, k: number, cmp: Cmp): number[] {
  if (k <= 0) return []
  if (slots.length <= k * 4) return Array.from(slots).sort(cmp).slice(0, k)
  const heap: number[] = []
  const worse = (i: number, j: number): boolean => cmp(heap[i], heap[j]) > 0
  const swap = (i: number, j: number): void => {
    const t = heap[i]
    heap[i] = heap[j]
    heap[j] = t
  }
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]
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

interface MatchEntry {
  version: number
  /** Matched slots, ascending, and their scores (null: no positive terms). */
  matched: Int32Array
  scores: Float64Array | null
  facets: FacetCounts | null
}

/** Memory for matched sets kept between queries (about 24 bytes per matched document). */
const MATCH_CACHE_BYTES = 24 * 1024 * 1024
const matchCache = new WeakMap<SearchEngine, Lru<string, MatchEntry>>()

function cachedMatch(engine: SearchEngine, key: string): MatchEntry | undefined {
  const cache = matchCache.get(engine)
  const e = cache?.get(key)
  if (e && e.version !== engine.version) {
    cache!.delete(key)
    return undefined
  }
  return e
}

function cacheMatch(engine: SearchEngine, key: string, e: MatchEntry): void {
  let cache = matchCache.get(engine)
  if (!cache) matchCache.set(engine, (cache = new Lru(MATCH_CACHE_BYTES)))
  cache.set(key, e, e.matched.byteLength + (e.scores?.byteLength ?? 0) + 256)
}

/** Every live document of an engine version and their facet counts (what a large result is counted against). */
const liveCounts = new WeakMap<SearchEngine, { version: number; all: Int32Array; total: FacetCounts }>()

function facetCounts(engine: SearchEngine, matched: Int32Array): FacetCounts {
  const { index, cols } = engine
  let c = liveCounts.get(engine)
  if (!c || c.version !== engine.version) {
    const all = new Int32Array(index.slots)
    let n = 0
    for (let s = 0; s < all.length; s++) if (index.alive[s] && cols.live(s)) all[n++] = s
    const live = all.slice(0, n)
    c = { version: engine.version, all: live, total: countFacets(cols, live) }
    liveCounts.set(engine, c)
  }
  return countFacetsWithin(cols, matched, c.all, c.total)
}

/** Empties every cache of an engine's answers and lists (after a warm-up: the code stays compiled, the data cold). */
function dropCaches(engine: SearchEngine): void {
  matchCache.delete(engine)
  liveCounts.delete(engine)
  dropPageCache(engine)
  engine.index.dropCaches()
}

// A new engine warms the search code (warm.ts) in the background, where that is enabled.
onEngineReady((archive, engine) => warmInBackground(engine, archive, searchDocuments, () => dropCaches(engine)))

/** CPU time per phase of every query, summed, while `on` (test/bench/search-only.ts reads it; wall time on a shared machine counts waiting). */
export const searchProfile = { on: false, phases: {} as Record<string, number> }
let lap = 0
function phase(name: string): void {
  if (!searchProfile.on) return
  const u = process.cpuUsage()
  const now = (u.user + u.system) / 1000
  if (name) searchProfile.phases[name] = (searchProfile.phases[name] ?? 0) + now - lap
  lap = now
}

/**
 * Every document whose title or text matches `query` as the search box reads it (words in either script,
 * phrases, OR, -NOT), trashed ones included and unranked: for lists and exports that filter by words the
 * way the library does, with their other filters applied in SQL.
 */
export function textMatches(archive: Archive, query: string): string[] {
  const engine = searchEngine(archive)
  const q = parseQuery(query)
  const { ok } = matchQuery(engine, q.groups, q.exclude)
  const { alive, ids } = engine.index
  const out: string[] = []
  for (let s = 0; s < ids.length; s++) if (ok[s] && alive[s]) out.push(ids[s])
  return out
}

/** The documents a filter's words match (for filterSql's `only`); undefined when it has no words. */
export function filterWords(archive: Archive, f: DocumentFilter): string[] | undefined {
  return f.text?.trim() ? textMatches(archive, f.text) : undefined
}

export function searchDocuments(archive: Archive, req: SearchRequest): SearchResult {
  const t0 = performance.now()
  phase('')
  const engine = searchEngine(archive)
  phase('engine')
  const q = parseQuery(req.query)
  const { meta, index, cols } = engine
  const filter = req.filter ?? {}
  // The matched set of a query and filter is kept (until the index changes) for the next page, a re-sort, the facets.
  const key = filter.tag === undefined ? JSON.stringify([q, filter]) : null
  let hit = key === null ? undefined : cachedMatch(engine, key)
  phase('match')
  if (!hit) {
    const m = matchQuery(engine, q.groups, q.exclude)
    phase('match')
    const pass = compileFilter(archive, filter, cols, meta)
    let n = 0
    const all = scratchOf(engine).all
    const { ok, score } = m
    const alive = index.alive
    if (pass) {
      for (let s = 0; s < all.length; s++) if (ok[s] && alive[s] && cols.live(s) && pass(s)) all[n++] = s
    } else {
      for (let s = 0; s < all.length; s++) if (ok[s] && alive[s] && cols.live(s)) all[n++] = s
    }
    const matched = all.slice(0, n)
    let scores: Float64Array | null = null
    if (!m.all) {
      scores = new Float64Array(n)
      for (let i = 0; i < n; i++) scores[i] = score[matched[i]]
    }
    hit = { version: engine.version, matched, scores, facets: null }
    if (key !== null) cacheMatch(engine, key, hit)
    phase('filter')
  }
  const { matched } = hit
  // Scores by slot for the comparator.
  // (Only matched slots are read, so the reused array needs no clearing.)
  let scores: Float64Array | null = null
  if (hit.scores) {
    scores = scratchOf(engine).byScore
    for (let i = 0; i < matched.length; i++) scores[matched[i]] = hit.scores[i]
  }
  const offset = req.offset ?? 0
  const limit = req.limit ?? 50
  const sort = req.sort ?? 'relevance'
  const page = topK(matched, offset + limit, comparator(sort, scores, meta)).slice(offset)
  const ids = page.map((s) => index.ids[s])
  phase('rank')
  const docs = pageDocs(archive, engine, ids)
  phase('page')
  const terms = positiveTerms(q).map((t) => t.tokens)
  const snippets = new Map<string, string>()
  const whole: string[] = []
  for (const [id, { head: t }] of docs) {
    const snip = makeSnippet(t.text, terms, t.partial ? Infinity : t.text.length)
    if (snip === null) whole.push(id)
    else snippets.set(id, snip)
  }
  // The head did not decide (the first match lies further on): the whole text.
  if (whole.length) for (const [id, text] of displayTexts(archive, whole)) snippets.set(id, makeSnippet(text, terms) ?? '')
  const results: SearchHit[] = []
  page.forEach((slot, i) => {
    const s = docs.get(ids[i])?.summary
    if (!s) return
    const score = scores ? scores[slot] : 0
    results.push({ ...s, score: Math.round(score * 1000) / 1000, snippet: snippets.get(ids[i]) ?? '' })
  })
  phase('snippets')
  if (req.facets !== false) hit.facets ??= facetCounts(engine, matched)
  const facets = hit.facets ? nameFacets(archive, cols, hit.facets) : null
  phase('facets')
  return { total: matched.length, results, facets, ms: Math.round((performance.now() - t0) * 10) / 10 }
}
