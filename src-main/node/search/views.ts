// Saved views: a named query with filters, kept in saved_views (kind 'search') through the archive's
// journaled writes. The order lives in query_json with the query, so the table needs no new column.
// Deleting a view is undoable like any other change (history.undo).
import type { Archive } from '../archive/archive'
import { newId } from '../archive/documents-write'
import { AppError } from '../../common/errors'
import { SearchFilterSchema, type SavedView, type SearchFilter } from '../../common/search'

const KIND = 'search'

interface Row {
  id: string
  name: string
  query_json: string
  created_at: string
}

function fromRow(r: Row): SavedView {
  let body: { query?: unknown; filter?: unknown; position?: unknown } = {}
  try {
    body = JSON.parse(r.query_json) as typeof body
  } catch {
    // A damaged entry still shows (by name) so it can be deleted.
  }
  const filter = SearchFilterSchema.safeParse(body.filter ?? {})
  return {
    id: r.id,
    name: r.name,
    query: typeof body.query === 'string' ? body.query : '',
    filter: filter.success ? filter.data : {},
    position: typeof body.position === 'number' ? body.position : 0,
    createdAt: r.created_at
  }
}

export function listViews(archive: Archive): SavedView[] {
  return archive
    .all<Row>('SELECT id, name, query_json, created_at FROM saved_views WHERE kind = ?', [KIND])
    .map(fromRow)
    .sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt))
}

function body(query: string, filter: SearchFilter, position: number): string {
  return JSON.stringify({ query, filter, position })
}

export function saveView(archive: Archive, v: { id?: string; name: string; query: string; filter: SearchFilter }): SavedView {
  const views = listViews(archive)
  const clash = views.find((x) => x.name === v.name && x.id !== v.id)
  if (clash) throw new AppError('errors.search.viewExists', { name: v.name }, `a saved view named "${v.name}" already exists`)
  const id = v.id ?? newId()
  archive.write((tx) => {
    if (v.id) {
      const old = views.find((x) => x.id === v.id)
      if (!old) throw new AppError('errors.search.noView', { id: v.id }, `no saved view with id ${v.id}`)
      tx.run('UPDATE saved_views SET name = ?, query_json = ? WHERE id = ?', [v.name, body(v.query, v.filter, old.position), v.id])
    } else {
      const position = views.length ? Math.max(...views.map((x) => x.position)) + 1 : 0
      tx.run('INSERT INTO saved_views (id, name, kind, query_json, created_at) VALUES (?, ?, ?, ?, ?)', [
        id, v.name, KIND, body(v.query, v.filter, position), new Date().toISOString()
      ])
    }
  })
  return listViews(archive).find((x) => x.id === id)!
}

export function reorderViews(archive: Archive, ids: string[]): SavedView[] {
  const views = listViews(archive)
  const rank = new Map(ids.map((id, i) => [id, i]))
  const ordered = [...views].sort((a, b) => (rank.get(a.id) ?? ids.length + a.position) - (rank.get(b.id) ?? ids.length + b.position))
  archive.write((tx) => {
    ordered.forEach((v, i) => {
      if (v.position !== i) tx.run('UPDATE saved_views SET query_json = ? WHERE id = ?', [body(v.query, v.filter, i), v.id])
    })
  })
  return listViews(archive)
}

export function deleteView(archive: Archive, id: string): number {
  return archive.write((tx) => {
    const row = tx.get<Row & { kind: string }>('SELECT id, name, kind, query_json, created_at FROM saved_views WHERE id = ? AND kind = ?', [id, KIND])
    if (!row) return 0
    tx.run('DELETE FROM saved_views WHERE id = ?', [id])
    const undo = [['INSERT INTO saved_views (id, name, kind, query_json, created_at) VALUES (?, ?, ?, ?, ?)', [row.id, row.name, row.kind, row.query_json, row.created_at]]]
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json, undo_json) VALUES (?, ?, ?, ?, ?)', [
      new Date().toISOString(), 'view.delete', null, JSON.stringify({ id, name: row.name }), JSON.stringify(undo)
    ])
    return 1
  })
}
