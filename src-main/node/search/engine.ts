// The search engine of one open archive: the text index and metadata (loaded from search-index.bin
// or built from the database), kept current from the search_changes log before every query.
import type { Archive } from '../archive/archive'
import { TextIndex } from './text-index'
import { readDocRows, readMeta, type DocMeta } from './meta'
import { indexFile, readImage, writeImage, type IndexImage } from './persist'
import { MetaColumns } from './columns'

/** Rebuild instead of patching once this share of slots holds replaced or deleted documents. */
const DEAD_SHARE = 0.3
const SAVE_AFTER_MS = 5000

export interface EngineStats {
  /** How the engine came to be: loaded from disk, or built from the database. */
  origin: 'loaded' | 'built'
  ms: number
}

export class SearchEngine {
  index: TextIndex
  meta: (DocMeta | null)[]
  /** The same metadata as typed columns (filters, facets); kept in step with `meta` by setMeta. */
  cols: MetaColumns
  slotOf = new Map<string, number>()
  changeSeq: number
  /** Changes applied since the image was last written. */
  unsaved = 0
  stats: EngineStats
  /** Bumped whenever results may differ (for caches of ranked lists). */
  version = 0

  constructor(img: IndexImage, stats: EngineStats) {
    this.index = img.index
    this.meta = img.meta
    this.cols = new MetaColumns(img.meta)
    this.changeSeq = img.changeSeq
    this.stats = stats
    for (let s = 0; s < this.index.slots; s++) if (this.index.alive[s]) this.slotOf.set(this.index.ids[s], s)
  }

  static build(archive: Archive): SearchEngine {
    const t0 = performance.now()
    const changeSeq = lastChange(archive)
    const index = new TextIndex()
    const rows = readDocRows(archive, null)
    const metas = readMeta(archive, rows, null)
    const meta: (DocMeta | null)[] = []
    for (const r of rows) meta[index.add(r.id, r.title, r.body)] = metas.get(r.id) ?? null
    const engine = new SearchEngine({ index, meta, changeSeq }, { origin: 'built', ms: performance.now() - t0 })
    engine.unsaved = rows.length || 1
    return engine
  }

  /** Applies logged changes; false when the log cannot say what changed (then rebuild). */
  sync(archive: Archive): boolean {
    if (this.changeSeq < 0) return false
    const last = lastChange(archive)
    if (last === this.changeSeq) return true
    if (last < this.changeSeq) return false
    const changes = archive.all<{ seq: number; id: string; kind: string }>(
      'SELECT seq, document_id AS id, kind FROM search_changes WHERE seq > ? ORDER BY seq',
      [this.changeSeq]
    )
    const text = new Set<string>()
    const meta = new Set<string>()
    for (const c of changes) (c.kind === 't' ? text : meta).add(c.id)
    for (const id of text) meta.delete(id)
    if (text.size) {
      for (const id of text) {
        const slot = this.slotOf.get(id)
        if (slot !== undefined) {
          this.index.remove(slot)
          this.setMeta(slot, null)
          this.slotOf.delete(id)
        }
      }
      const ids = [...text]
      const rows = readDocRows(archive, ids)
      const metas = readMeta(archive, rows, ids)
      for (const r of rows) {
        const slot = this.index.add(r.id, r.title, r.body)
        this.setMeta(slot, metas.get(r.id) ?? null)
        this.slotOf.set(r.id, slot)
      }
    }
    if (meta.size) {
      const ids = [...meta].filter((id) => this.slotOf.has(id))
      const rows = readDocRows(archive, ids, false)
      const metas = readMeta(archive, rows, ids)
      for (const id of ids) {
        const m = metas.get(id)
        const slot = this.slotOf.get(id)!
        if (m) this.setMeta(slot, m)
      }
    }
    this.changeSeq = last
    this.unsaved += text.size + meta.size
    this.version++
    return true
  }

  private setMeta(slot: number, m: DocMeta | null): void {
    this.meta[slot] = m
    this.cols.set(slot, m)
  }

  get needsCompaction(): boolean {
    return this.index.deadCount > 1000 && this.index.deadCount > this.index.slots * DEAD_SHARE
  }

  image(): IndexImage {
    return { index: this.index, meta: this.meta, changeSeq: this.changeSeq }
  }
}

/** The newest change-log entry (0: none yet; -1: an archive without the log, opened read-only). */
function lastChange(archive: Archive): number {
  if (!archive.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_changes'")) return -1
  return Number(archive.get<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'search_changes'")?.seq ?? 0)
}

interface Entry {
  engine: SearchEngine
  saveTimer: NodeJS.Timeout | null
  saving: Promise<unknown> | null
  /** archive.sequence when an archive without a change log was indexed. */
  sequence: number
}

const engines = new WeakMap<Archive, Entry>()

type ReadyHook = (archive: Archive, engine: SearchEngine) => void
let readyHook: ReadyHook | null = null

/** Called with every engine loaded or built, before it answers (search.ts warms the code with it). */
export function onEngineReady(hook: ReadyHook): void {
  readyHook = hook
}

/** The archive's engine, current with the database: loaded, built or patched as needed. */
export function searchEngine(archive: Archive): SearchEngine {
  let entry = engines.get(archive)
  if (entry && entry.engine.changeSeq < 0 && entry.sequence !== archive.sequence) entry = undefined
  if (!entry) {
    const t0 = performance.now()
    const img = readImage(indexFile(archive.layout.dir))
    let engine = img ? new SearchEngine(img, { origin: 'loaded', ms: performance.now() - t0 }) : null
    if (!engine || !engine.sync(archive)) engine = SearchEngine.build(archive)
    entry = { engine, saveTimer: null, saving: null, sequence: archive.sequence }
    engines.set(archive, entry)
    readyHook?.(archive, engine)
  } else if (!entry.engine.sync(archive) || entry.engine.needsCompaction) {
    entry.engine = SearchEngine.build(archive)
    readyHook?.(archive, entry.engine)
  }
  if (entry.engine.unsaved) scheduleSave(archive, entry)
  return entry.engine
}

function scheduleSave(archive: Archive, entry: Entry): void {
  if (archive.readOnly || entry.engine.changeSeq < 0 || entry.saveTimer) return
  entry.saveTimer = setTimeout(() => {
    entry.saveTimer = null
    void saveNow(archive, entry)
  }, SAVE_AFTER_MS)
  entry.saveTimer.unref()
}

function saveNow(archive: Archive, entry: Entry): Promise<unknown> {
  const engine = entry.engine
  if (!engine.unsaved || archive.readOnly || engine.changeSeq < 0) return Promise.resolve()
  const pending = engine.unsaved
  // Encoding happens synchronously inside writeImage, so the image is consistent.
  const p = writeImage(indexFile(archive.layout.dir), engine.image())
    .then(() => {
      engine.unsaved = Math.max(0, engine.unsaved - pending)
    })
    // A cache that could not be written is rebuilt next time; nothing is lost.
    .catch(() => undefined)
  entry.saving = p
  return p
}

/** Write the index now (the command line, before closing the archive). */
export async function flushSearchIndex(archive: Archive): Promise<void> {
  const entry = engines.get(archive)
  if (!entry) return
  if (entry.saveTimer) clearTimeout(entry.saveTimer)
  entry.saveTimer = null
  await entry.saving
  await saveNow(archive, entry)
}
