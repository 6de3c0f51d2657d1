// The library list: filters and sort, the total, and a sparse cache of rows filled page by page
// (windows of PAGE rows) as the user scrolls. Nothing ever loads the whole list. With a query (or a
// filter only search knows) the rows come ranked from search.run with snippets; the sidebar's facet
// counts come from search.run for the same query and filters either way.
import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowReactive, shallowRef } from 'vue'
import type { DocumentFilter } from '@common/filters'
import type { DocType, DocumentSummary } from '@common/record'
import type { MeasureCategory } from '@common/taxonomy'
import type { SearchFacets, SearchFilter } from '@common/search'
import { call } from '@/api/client'

/**
 * Rows per request. A search page carries a snippet per row (most of a query's time), so a page is
 * about two screens: the first rows of a query arrive as soon as they are ranked.
 */
export const PAGE = 50
/** Rows beyond the visible window that should already be loaded, so short scrolls never show gaps. */
export const MARGIN = 15
const SCROLL_DEBOUNCE_MS = 60

export type SortKey = 'relevance' | 'newest' | 'date' | 'title'

export interface LibraryFilter {
  text: string
  type: DocType | ''
  region: string
  tag: string
  from: string
  to: string
  measure: MeasureCategory | ''
  /** Minimum level of `measure` (or of any measure); null: any. */
  minLevel: number | null
  hasSimilar: boolean
  hasWarnings: boolean
}

/** A listed row; search results carry a snippet with the matches in [brackets]. */
export type LibraryRow = DocumentSummary & { snippet?: string; score?: number }

export function emptyFilter(): LibraryFilter {
  return { text: '', type: '', region: '', tag: '', from: '', to: '', measure: '', minLevel: null, hasSimilar: false, hasWarnings: false }
}

/** The filter as search.run takes it (the text goes as the query). */
export function searchFilterOf(filter: LibraryFilter): SearchFilter {
  const f: SearchFilter = {}
  if (filter.type) f.type = filter.type
  if (filter.region.trim()) f.region = filter.region.trim()
  if (filter.tag.trim()) f.tag = filter.tag.trim()
  if (filter.from) f.from = filter.from
  if (filter.to) f.to = filter.to
  if (filter.measure) f.measure = filter.measure
  if (filter.minLevel !== null) f.minLevel = filter.minLevel
  if (filter.hasSimilar) f.hasSimilar = true
  if (filter.hasWarnings) f.hasWarnings = true
  return f
}

export const useLibraryStore = defineStore('library', () => {
  const filter = reactive<LibraryFilter>(emptyFilter())
  const sort = ref<SortKey>('newest')
  /** Counts per filter value for the current query and filters (null until the first answer). */
  const facets = shallowRef<SearchFacets | null>(null)
  const total = ref(0)
  /** False until the first page answered: the view shows a loader, not the empty state. */
  const ready = ref(false)
  const error = ref<string | null>(null)
  const pages = shallowReactive(new Map<number, LibraryRow[]>())
  const selected = shallowRef<ReadonlySet<string>>(new Set())
  /** Where the list was scrolled and which row had the keyboard cursor, kept across view changes. */
  const position = { scrollTop: 0, active: 0 }
  /** Bumped when a new list starts (filters, sort), so the view scrolls back to the top. */
  const listEpoch = ref(0)
  /** Names of region codes the user filtered by from a facet, so the region box shows 山东省, not 370000. */
  const regionNames = reactive(new Map<string, string>())

  /** What the region box shows for a region filter value: the place's name when the value is a known code. */
  function regionLabel(value: string): string {
    return regionNames.get(value) ?? facets.value?.regions.find((r) => r.code === value)?.name ?? value
  }

  /** Filter by a region facet (its code: a name can be ambiguous), remembering the name to show. */
  function setRegionFacet(code: string, name: string): Promise<void> {
    if (code) regionNames.set(code, name)
    return setFilter({ region: code })
  }

  let generation = 0
  const inflight = new Map<number, Promise<void>>()
  let visible = { start: 0, end: 50 }
  let debounce: ReturnType<typeof setTimeout> | null = null
  let refreshing: Promise<void> | null = null
  let refreshAgain = false

  function apiFilter(): DocumentFilter {
    const f: DocumentFilter = {}
    if (filter.text.trim()) f.text = filter.text.trim()
    if (filter.type) f.type = filter.type
    if (filter.region.trim()) f.region = filter.region.trim()
    if (filter.tag.trim()) f.tag = filter.tag.trim()
    if (filter.measure) f.measure = filter.measure
    if (filter.from) f.from = filter.from
    if (filter.to) f.to = filter.to
    return f
  }

  const filtered = (): boolean => filter.text.trim() !== '' || Object.keys(searchFilterOf(filter)).length > 0

  /** Rows come from search (ranked, with snippets) for a query or a filter only search has. */
  const searching = (): boolean =>
    filter.text.trim() !== '' || filter.measure !== '' || filter.minLevel !== null || filter.hasSimilar || filter.hasWarnings

  function rowAt(index: number): LibraryRow | undefined {
    return pages.get(Math.floor(index / PAGE))?.[index % PAGE]
  }

  /** The loaded rows of these ids (rows not loaded yet are left out). */
  function rowsOf(ids: Iterable<string>): DocumentSummary[] {
    const want = new Set(ids)
    return [...pages.values()].flat().filter((r) => want.has(r.id))
  }

  /** Merging is offered only for parts of one file (main refuses anything else). */
  const mergeable = computed(() => {
    if (selected.value.size < 2) return false
    const rows = rowsOf(selected.value)
    return rows.length === selected.value.size && rows[0].source !== undefined && rows.every((r) => r.source === rows[0].source)
  })

  function pagesFor(start: number, end: number): number[] {
    const first = Math.max(0, Math.floor((start - MARGIN) / PAGE))
    let last = Math.max(first, Math.floor((end + MARGIN) / PAGE))
    if (ready.value) last = Math.min(last, Math.max(0, Math.floor((total.value - 1) / PAGE)))
    const out: number[] = []
    for (let p = first; p <= last; p++) out.push(p)
    return out
  }

  async function fetchPage(page: number, gen: number): Promise<LibraryRow[] | null> {
    if (searching()) {
      const res = await call('search.run', {
        query: filter.text.trim(),
        filter: searchFilterOf(filter),
        sort: sort.value,
        offset: page * PAGE,
        limit: PAGE,
        facets: page === 0
      })
      if (gen !== generation) return null // filters changed meanwhile: the answer is for an old list
      if (res.facets) facets.value = res.facets
      total.value = res.total
      ready.value = true
      error.value = null
      return res.results
    }
    const res = await call('documents.list', { filter: apiFilter(), sort: sort.value === 'relevance' ? 'newest' : sort.value, offset: page * PAGE, limit: PAGE })
    if (gen !== generation) return null
    total.value = res.total
    ready.value = true
    error.value = null
    return res.rows
  }

  /** The generation whose facet counts were last asked for (the first list of a visit asks too). */
  let facetsFor = -1

  /** Facet counts when the rows come from documents.list (search answers them with its first page). */
  async function loadFacets(gen: number): Promise<void> {
    facetsFor = gen
    if (searching()) return
    try {
      const res = await call('search.run', { query: '', filter: searchFilterOf(filter), offset: 0, limit: 0, facets: true })
      if (gen === generation && res.facets) facets.value = res.facets
    } catch {
      // The counts are a convenience: the list itself reports errors.
    }
  }

  /** Loads the pages covering rows [start, end) plus a margin, skipping those cached or in flight. */
  async function ensureRange(start: number, end: number): Promise<void> {
    visible = { start, end }
    const gen = generation
    if (facetsFor !== gen) void loadFacets(gen)
    const waits: Promise<void>[] = []
    for (const p of pagesFor(start, end)) {
      if (pages.has(p)) continue
      let pending = inflight.get(p)
      if (!pending) {
        pending = fetchPage(p, gen)
          .then((rows) => {
            if (rows) pages.set(p, rows)
          })
          .catch((e: Error) => {
            if (gen === generation) error.value = e.message
          })
          .finally(() => {
            if (gen === generation) inflight.delete(p)
          })
        inflight.set(p, pending)
      }
      waits.push(pending)
    }
    await Promise.all(waits)
  }

  /** What the list calls on scroll: waits until scrolling pauses, so a fast drag across 100,000 rows
   *  does not request every page it passes over. */
  function requestRange(start: number, end: number): void {
    visible = { start, end }
    if (debounce) clearTimeout(debounce)
    debounce = setTimeout(() => {
      debounce = null
      void ensureRange(visible.start, visible.end)
    }, SCROLL_DEBOUNCE_MS)
  }

  /** Filters or sort changed: a new list from the top. */
  async function reload(): Promise<void> {
    generation++
    inflight.clear()
    pages.clear()
    ready.value = false
    selected.value = new Set()
    position.scrollTop = 0
    position.active = 0
    listEpoch.value++
    void loadFacets(generation)
    await ensureRange(0, Math.max(visible.end - visible.start, 50))
  }

  /** The archive changed (import, trash, tags): refetch the visible pages and swap them in at once,
   *  keeping the stale rows on screen meanwhile so the list does not flicker. */
  async function refresh(): Promise<void> {
    if (refreshing) {
      refreshAgain = true
      return refreshing
    }
    refreshing = (async () => {
      do {
        refreshAgain = false
        const gen = ++generation
        inflight.clear()
        void loadFacets(gen)
        const wanted = pagesFor(visible.start, visible.end)
        // The first page brings the facets of a search: refetch it too.
        if (searching() && !wanted.includes(0)) wanted.unshift(0)
        try {
          const fresh = await Promise.all(wanted.map((p) => fetchPage(p, gen)))
          if (gen !== generation) continue
          pages.clear()
          wanted.forEach((p, i) => {
            const rows = fresh[i]
            if (rows) pages.set(p, rows)
          })
        } catch (e) {
          error.value = (e as Error).message
        }
      } while (refreshAgain)
    })().finally(() => {
      refreshing = null
    })
    return refreshing
  }

  function setFilter(patch: Partial<LibraryFilter>): Promise<void> {
    const hadText = filter.text.trim() !== ''
    Object.assign(filter, patch)
    const hasText = filter.text.trim() !== ''
    // A query ranks by relevance until the user picks another order; without one, newest first.
    if (!hadText && hasText && sort.value === 'newest') sort.value = 'relevance'
    else if (hadText && !hasText && sort.value === 'relevance') sort.value = 'newest'
    return reload()
  }

  /** Replace every filter at once (a saved view). */
  function applyView(text: string, f: SearchFilter): Promise<void> {
    return setFilter({
      ...emptyFilter(),
      text,
      type: f.type ?? '',
      region: f.region ?? '',
      tag: f.tag ?? '',
      from: f.from ?? '',
      to: f.to ?? '',
      measure: f.measure ?? '',
      minLevel: f.minLevel ?? null,
      hasSimilar: f.hasSimilar ?? false,
      hasWarnings: f.hasWarnings ?? false
    })
  }

  function resetFilter(): Promise<void> {
    return setFilter(emptyFilter())
  }

  function setSort(s: SortKey): Promise<void> {
    sort.value = s
    return reload()
  }

  function setSelected(ids: Iterable<string>): void {
    selected.value = new Set(ids)
  }

  function toggleSelected(id: string, on?: boolean): void {
    const next = new Set(selected.value)
    if (on ?? !next.has(id)) next.add(id)
    else next.delete(id)
    selected.value = next
  }

  async function trash(ids: string[]): Promise<number> {
    const { count } = await call('documents.trash', { ids })
    selected.value = new Set()
    await refresh()
    return count
  }

  async function restore(ids: string[]): Promise<number> {
    const { count } = await call('documents.restore', { ids })
    await refresh()
    return count
  }

  async function tag(ids: string[], add: string[], remove: string[]): Promise<number> {
    const { count } = await call('documents.tag', { ids, add, remove })
    await refresh()
    return count
  }

  /** Joins parts of one file back into one document (in the order given); returns the merged id. */
  async function merge(ids: string[]): Promise<string | undefined> {
    const rec = await call('documents.merge', { ids })
    selected.value = new Set()
    await refresh()
    return rec.id
  }

  return {
    filter,
    sort,
    total,
    ready,
    error,
    pages,
    selected,
    position,
    listEpoch,
    facets,
    filtered,
    apiFilter,
    searching,
    rowAt,
    ensureRange,
    requestRange,
    reload,
    refresh,
    setFilter,
    regionLabel,
    setRegionFacet,
    applyView,
    resetFilter,
    setSort,
    setSelected,
    toggleSelected,
    trash,
    restore,
    tag,
    merge,
    mergeable,
    rowsOf
  }
})
