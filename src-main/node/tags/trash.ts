// The trash: trashed documents are listed, restored (documents.restore, undoable) or deleted for good
// (empty trash, after the interface asked). Importing the file of a trashed document again brings
// that document back instead of refusing it as a duplicate.
import type { Archive, Tx } from '../archive/archive'
import { summariesOf } from '../archive/documents-read'
import type { TrashRow } from '../../common/api/contract-tags'

export function listTrash(archive: Archive, offset: number, limit: number): { total: number; rows: TrashRow[] } {
  const total = Number(archive.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents WHERE trashed_at IS NOT NULL')?.n ?? 0)
  const page = archive.all<{ id: string; trashed_at: string }>(
    'SELECT id, trashed_at FROM documents WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, id LIMIT ? OFFSET ?',
    [limit, offset]
  )
  const at = new Map(page.map((r) => [r.id, r.trashed_at]))
  return { total, rows: summariesOf(archive, page.map((r) => r.id)).map((s) => ({ ...s, trashedAt: at.get(s.id)! })) }
}

/** Take a trashed document out of the trash inside a write (re-import); undoable like a restore. */
export function restoreTrashed(tx: Tx, id: string, trashedAt: string, now: string, file: string): void {
  tx.run('UPDATE documents SET trashed_at = NULL, updated_at = ? WHERE id = ?', [now, id])
  tx.run('INSERT INTO audit_log (at, action, document_id, detail_json, undo_json) VALUES (?, ?, ?, ?, ?)', [
    now, 'restore', id, JSON.stringify({ ids: [id], reimported: file }), JSON.stringify([['UPDATE documents SET trashed_at = ? WHERE id = ?', [trashedAt, id]]])
  ])
}

/**
 * Delete trashed documents for good (all of them, or the given ones that are in the trash), with
 * their measures, regions, tags and links (ON DELETE CASCADE), and the stored texts of files no
 * document comes from any more. Not undoable: the interface asks first. Returns how many went.
 */
export function emptyTrash(archive: Archive, ids?: string[]): number {
  return archive.write((tx) => {
    const gone = ids
      ? ids.filter((id) => tx.get('SELECT 1 FROM documents WHERE id = ? AND trashed_at IS NOT NULL', [id]))
      : tx.column<string>('SELECT id FROM documents WHERE trashed_at IS NOT NULL')
    if (!gone.length) return 0
    for (let i = 0; i < gone.length; i += 500) {
      const chunk = gone.slice(i, i + 500)
      const marks = chunk.map(() => '?').join(', ')
      // Their own changes can no longer be undone (the rows they would restore are gone).
      tx.run(`UPDATE audit_log SET undone = 1 WHERE undo_json IS NOT NULL AND undone = 0 AND document_id IN (${marks})`, chunk)
      tx.run(`UPDATE documents SET duplicate_of = NULL WHERE duplicate_of IN (${marks})`, chunk)
      tx.run(`DELETE FROM documents WHERE id IN (${marks})`, chunk)
    }
    tx.run('DELETE FROM sources WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.source_sha256 = sources.sha256)')
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json) VALUES (?, ?, ?, ?)', [
      new Date().toISOString(), 'empty-trash', null, JSON.stringify({ count: gone.length })
    ])
    return gone.length
  })
}
