// Warming the search code when an engine is first loaded or built in a long-running process (the app,
// serve). The first queries of a process run every path (phrases, each filter, facets, snippets) in
// V8's interpreter before it compiles them, several times slower than the same queries a minute later.
// A few queries of every kind, made of the archive's own commonest words, run in the background once the
// engine is ready (one per turn of the event loop); then every cache they filled is emptied, so only the
// compiled code remains and the next queries start cold on data.
import type { Archive } from '../archive/archive'
import type { SearchFilter, SearchSort } from '../../common/search'
import type { SearchEngine } from './engine'

/** Set once per process by whoever keeps one open (the command line answers one query and exits). */
let enabled = false
let warmed = false

export function enableSearchWarmup(): void {
  enabled = true
}

export interface WarmRequest {
  query: string
  filter?: SearchFilter
  sort?: SearchSort
  offset?: number
}

/** Queries covering every path, from the engine's commonest two-character words (none if it has none). */
export function warmupQueries(engine: SearchEngine): WarmRequest[] {
  const { index, cols } = engine
  const words: string[] = []
  for (const [key, l] of index.dict) {
    if (key.length === 2 && key[0] !== '\u0001' && index.df[l] > 0) words.push(key)
  }
  words.sort((a, b) => index.df[index.dict.get(b)!] - index.df[index.dict.get(a)!])
  const [a, b, c, d] = words
  if (!a) return []
  const w = (i: number, fallback: string): string => words[i] ?? fallback
  const filters: SearchFilter[] = [
    { type: cols.types.names[0] as SearchFilter['type'] },
    { from: '1900-01-01', to: '2999-12-31' },
    { hasSimilar: true, hasWarnings: false }
  ]
  if (cols.facetCodes.size) filters.push({ region: cols.facetCodes.names[0] })
  if (cols.categories.size) filters.push({ measure: cols.categories.names[0] as SearchFilter['measure'], minLevel: 1 })
  const queries: WarmRequest[] = [
    { query: a[0] },
    { query: a },
    { query: a + w(1, a) },
    { query: `"${w(1, a)}${w(2, a)}${w(3, a)}"` },
    { query: `${a} OR ${w(1, a)}` },
    { query: `${a} -${w(1, a)}` },
    { query: `${w(2, a)} ${w(3, a)}` },
    { query: a, sort: 'date', offset: 50 },
    { query: a, sort: 'newest' },
    { query: b ?? a, sort: 'title' },
    ...filters.map((filter) => ({ query: c ?? a, filter })),
    ...filters.map((filter) => ({ query: '', filter })),
    { query: d ?? a, filter: { region: '\u0000' } }
  ]
  return queries
}

let done: Promise<void> = Promise.resolve()

/** Settles when the warm-up under way (if any) is over: the bench waits for it as a user takes a moment to type. */
export function searchWarmed(): Promise<void> {
  return done
}

/**
 * Starts the warm-up once per process when enabled, in the background: one query per turn of the event
 * loop, so calls that arrive meanwhile wait for one query at most. `run` answers one query, `drop`
 * empties the caches at the end. A failure stops it quietly: warming never makes a search fail.
 */
export function warmInBackground(engine: SearchEngine, archive: Archive, run: (archive: Archive, req: WarmRequest) => unknown, drop: () => void): void {
  if (!enabled || warmed) return
  warmed = true
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
  done = (async () => {
    try {
      // Not inside the search that loaded the engine: from the next turn on.
      await turn()
      const queries = warmupQueries(engine)
      // Twice: V8 compiles a function after it has run a while, and a loop after enough turns.
      for (let round = 0; round < 2; round++) {
        for (const req of queries) {
          if (archive.isClosed) return
          await turn()
          run(archive, { ...req })
        }
      }
    } catch {
      // Nothing to do: the user's own queries follow.
    } finally {
      if (!archive.isClosed) drop()
    }
  })()
}
