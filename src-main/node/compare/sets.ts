// Saved comparison sets: rows of saved_views (kind 'compare'), written through the archive's journal
// so they survive a restart or a crash. At most one set is `current` (the one the Compare view shows).
// Deleting a set is recorded with the statement that restores it, so the app's undo brings it back.
import type { Archive, Tx } from '../archive/archive'
import type { Statement } from '../archive/journal'
import { newId } from '../archive/documents-write'
import { AppError } from '../../common/errors'
import type { CompareSet } from '../../common/compare'

interface ViewRow {
  id: string
  name: string
  query_json: string
  created_at: string
}

interface SetQuery {
  regions: string[]
  asOf: string | null
  current: boolean
  updatedAt: string
}

function parse(row: ViewRow): CompareSet {
  let q: Partial<SetQuery> = {}
  try {
    q = JSON.parse(row.query_json) as Partial<SetQuery>
  } catch {
    // A damaged row still lists, empty, so it can be renamed or deleted.
  }
  return {
    id: row.id,
    name: row.name,
    regions: Array.isArray(q.regions) ? q.regions.filter((r): r is string => typeof r === 'string') : [],
    asOf: typeof q.asOf === 'string' ? q.asOf : null,
    current: q.current === true,
    updatedAt: typeof q.updatedAt === 'string' ? q.updatedAt : row.created_at
  }
}

function query(s: CompareSet): string {
  const q: SetQuery = { regions: s.regions, asOf: s.asOf, current: s.current, updatedAt: s.updatedAt }
  return JSON.stringify(q)
}

function rows(tx: Pick<Tx, 'all'>): CompareSet[] {
  return tx.all<ViewRow>("SELECT id, name, query_json, created_at FROM saved_views WHERE kind = 'compare'").map(parse)
}

/** The current set first, then the most recently changed. */
export function listSets(archive: Archive): CompareSet[] {
  return rows(archive).sort((a, b) => Number(b.current) - Number(a.current) || b.updatedAt.localeCompare(a.updatedAt))
}

export interface SetInput {
  id?: string
  name: string
  regions: string[]
  asOf: string | null
  current: boolean
}

export function saveSet(archive: Archive, input: SetInput): CompareSet {
  return archive.write((tx) => {
    const now = new Date().toISOString()
    const existing = rows(tx)
    const before = input.id ? existing.find((s) => s.id === input.id) : undefined
    if (input.id && !before) throw new AppError('errors.compare.setNotFound', { id: input.id }, `no comparison set with id ${input.id}`)
    const set: CompareSet = { id: before?.id ?? newId(), name: input.name.trim(), regions: [...new Set(input.regions)], asOf: input.asOf, current: input.current, updatedAt: now }
    if (set.current) {
      for (const other of existing) {
        if (other.id !== set.id && other.current) tx.run('UPDATE saved_views SET query_json = ? WHERE id = ?', [query({ ...other, current: false }), other.id])
      }
    }
    if (before) tx.run('UPDATE saved_views SET name = ?, query_json = ? WHERE id = ?', [set.name, query(set), set.id])
    else tx.run("INSERT INTO saved_views (id, name, kind, query_json, created_at) VALUES (?, ?, 'compare', ?, ?)", [set.id, set.name, query(set), now])
    return set
  })
}

export function deleteSet(archive: Archive, id: string): { count: number } {
  return archive.write((tx) => {
    const row = tx.get<ViewRow>("SELECT id, name, query_json, created_at FROM saved_views WHERE kind = 'compare' AND id = ?", [id])
    if (!row) return { count: 0 }
    tx.run('DELETE FROM saved_views WHERE id = ?', [id])
    const undo: Statement[] = [["INSERT INTO saved_views (id, name, kind, query_json, created_at) VALUES (?, ?, 'compare', ?, ?)", [row.id, row.name, row.query_json, row.created_at]]]
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json, undo_json) VALUES (?, ?, NULL, ?, ?)', [
      new Date().toISOString(), 'delete-compare-set', JSON.stringify({ id, name: row.name }), JSON.stringify(undo)
    ])
    return { count: 1 }
  })
}
