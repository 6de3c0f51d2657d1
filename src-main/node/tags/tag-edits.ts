// Tag management: create, rename (with everything below it in the "/" hierarchy), recolour, merge and
// delete. Each is one durable write with one audit entry whose statements reverse it, so history.undo
// (corrections.ts undoLast) takes it back like any correction.
import type { Archive, Tx } from '../archive/archive'
import type { SqlParam, Statement } from '../archive/journal'
import { AppError } from '../../common/errors'
import { isSameOrDescendant, normalizeTagName, type DocumentTag, type TagInfo } from '../../common/tags'

const CHUNK = 300

interface TagRow {
  id: number
  name: string
  color: string | null
}

export function auditTags(tx: Tx, action: string, detail: unknown, undo: Statement[]): void {
  tx.run('INSERT INTO audit_log (at, action, document_id, detail_json, undo_json) VALUES (?, ?, ?, ?, ?)', [
    new Date().toISOString(), action, null, JSON.stringify(detail), JSON.stringify(undo)
  ])
}

/**
 * Statements putting rows back (chunked: a tag may sit on tens of thousands of documents). Rows of
 * documents deleted for good since (empty trash) are skipped, so an old undo never fails on them.
 */
export function reinsertRows(table: 'document_tags' | 'tag_tombstones', cols: [string, string, string], rows: SqlParam[][]): Statement[] {
  const out: Statement[] = []
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    out.push([
      `INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) SELECT * FROM (VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')})
       WHERE column1 IN (SELECT id FROM documents)`,
      chunk.flat()
    ])
  }
  return out
}

/** Statements deleting the given documents' rows of one tag (chunked). */
function deleteRows(table: 'document_tags' | 'tag_tombstones', tagId: number, docs: string[]): Statement[] {
  const out: Statement[] = []
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK)
    out.push([`DELETE FROM ${table} WHERE tag_id = ? AND document_id IN (${chunk.map(() => '?').join(', ')})`, [tagId, ...chunk]])
  }
  return out
}

function allTags(tx: Pick<Tx, 'all'>): TagRow[] {
  return tx.all<TagRow>('SELECT id, name, color FROM tags ORDER BY length(name), name')
}

/** The tag and every tag below it; a parent that is only a prefix of its children's names counts too. */
function subtree(tx: Tx, name: string): TagRow[] {
  const found = allTags(tx).filter((t) => isSameOrDescendant(t.name, name))
  if (!found.length) throw new AppError('errors.tags.notFound', { name }, `there is no tag "${name}"`)
  return found
}

function tagByName(tx: Pick<Tx, 'get'>, name: string): TagRow | undefined {
  return tx.get<TagRow>('SELECT id, name, color FROM tags WHERE name = ?', [name])
}

function checkColor(color: string | null): string | null {
  if (color !== null && !/^#[0-9a-fA-F]{6}$/.test(color)) throw new AppError('errors.tags.badColor', { color }, `"${color}" is not a colour (use #rrggbb)`)
  return color
}

/** Statements that recreate a tag exactly as it is now: its row, its documents, tombstones and (optionally) rules. */
function snapshotTag(tx: Tx, tag: TagRow, withRules: boolean): Statement[] {
  const docs = tx.all<{ document_id: string; origin: string }>('SELECT document_id, origin FROM document_tags WHERE tag_id = ?', [tag.id])
  const tombs = tx.all<{ document_id: string; removed_at: string }>('SELECT document_id, removed_at FROM tag_tombstones WHERE tag_id = ?', [tag.id])
  const out: Statement[] = [
    ['INSERT INTO tags (id, name, color) VALUES (?, ?, ?)', [tag.id, tag.name, tag.color]],
    ...reinsertRows('document_tags', ['document_id', 'tag_id', 'origin'], docs.map((d) => [d.document_id, tag.id, d.origin])),
    ...reinsertRows('tag_tombstones', ['document_id', 'tag_id', 'removed_at'], tombs.map((d) => [d.document_id, tag.id, d.removed_at]))
  ]
  if (withRules) {
    for (const r of tx.all<Record<string, SqlParam>>('SELECT id, name, match_json, enabled, created_at FROM tag_rules WHERE tag_id = ?', [tag.id])) {
      out.push(['INSERT INTO tag_rules (id, name, tag_id, match_json, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)', [r.id, r.name, tag.id, r.match_json, r.enabled, r.created_at]])
    }
  }
  return out
}

export function listTagInfo(archive: Archive): TagInfo[] {
  return archive
    .all<{ name: string; color: string | null; count: number; rules: number }>(
      `SELECT t.name, t.color, COUNT(d.id) AS count, (SELECT COUNT(*) FROM tag_rules r WHERE r.tag_id = t.id) AS rules
       FROM tags t LEFT JOIN document_tags dt ON dt.tag_id = t.id LEFT JOIN documents d ON d.id = dt.document_id AND d.trashed_at IS NULL
       GROUP BY t.id ORDER BY t.name`
    )
    .map((r) => ({ name: r.name, color: r.color, count: Number(r.count), rules: Number(r.rules) }))
}

export function tagsOfDocument(archive: Archive, id: string): DocumentTag[] {
  return archive
    .all<{ name: string; color: string | null; origin: string; rule_name: string | null }>(
      `SELECT t.name, t.color, dt.origin, r.name AS rule_name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
       LEFT JOIN tag_rules r ON dt.origin = 'rule:' || r.id WHERE dt.document_id = ? ORDER BY t.name`,
      [id]
    )
    .map((r) => {
      const rule = r.origin.startsWith('rule:') ? { id: r.origin.slice(5), name: r.rule_name } : null
      return { name: r.name, color: r.color, origin: rule ? 'rule' : r.origin, rule }
    })
}

/** Find or make a tag inside a write; returns its id. */
export function ensureTag(tx: Tx, name: string): number {
  tx.run('INSERT OR IGNORE INTO tags (name) VALUES (?)', [name])
  return tagByName(tx, name)!.id
}

export function createTag(archive: Archive, rawName: string, color: string | null = null): TagInfo {
  const name = normalizeTagName(rawName)
  checkColor(color)
  return archive.write((tx) => {
    if (tagByName(tx, name)) throw new AppError('errors.tags.exists', { name }, `a tag "${name}" already exists`)
    tx.run('INSERT INTO tags (name, color) VALUES (?, ?)', [name, color])
    const id = tagByName(tx, name)!.id
    auditTags(tx, 'tag-create', { name }, [['DELETE FROM tags WHERE id = ?', [id]]])
    return { name, color, count: 0, rules: 0 }
  })
}

export function recolorTag(archive: Archive, name: string, color: string | null): void {
  checkColor(color)
  archive.write((tx) => {
    const tag = tagByName(tx, name)
    if (!tag) throw new AppError('errors.tags.notFound', { name }, `there is no tag "${name}"`)
    if (tag.color === color) return
    tx.run('UPDATE tags SET color = ? WHERE id = ?', [color, tag.id])
    auditTags(tx, 'tag-color', { name, color }, [['UPDATE tags SET color = ? WHERE id = ?', [tag.color, tag.id]]])
  })
}

/**
 * Rename a tag and everything below it (防控 → 防疫 also turns 防控/隔离 into 防疫/隔离). A name
 * already taken is refused: joining two tags is a merge. Names pass through temporary ones, so a
 * move inside its own subtree (防控 → 防控/旧) never collides with itself.
 */
export function renameTag(archive: Archive, from: string, rawTo: string): number {
  const to = normalizeTagName(rawTo)
  return archive.write((tx) => {
    const moved = subtree(tx, from)
    if (to === from) return 0
    const next = new Map(moved.map((t) => [t.id, to + t.name.slice(from.length)]))
    const movedIds = new Set(moved.map((t) => t.id))
    for (const n of next.values()) {
      const other = tagByName(tx, n)
      if (other && !movedIds.has(other.id)) throw new AppError('errors.tags.exists', { name: n }, `a tag "${n}" already exists; merge the tags instead`)
      if (n.length > 64) throw new AppError('errors.tags.tooLong', { name: n }, `the tag name "${n}" would be longer than 64 characters`)
    }
    const rename = (names: Map<number, string>): Statement[] => [
      ...[...names.keys()].map((id): Statement => ['UPDATE tags SET name = ? WHERE id = ?', [`\u0000${id}`, id]]),
      ...[...names].map(([id, n]): Statement => ['UPDATE tags SET name = ? WHERE id = ?', [n, id]])
    ]
    for (const [sql, params] of rename(next)) tx.run(sql, params)
    auditTags(tx, 'tag-rename', { from, to, tags: moved.length }, rename(new Map(moved.map((t) => [t.id, t.name]))))
    return moved.length
  })
}

/** Move one tag's documents, tombstones and rules onto another and drop it; returns its undo. */
function mergeOne(tx: Tx, src: TagRow, dst: TagRow): Statement[] {
  const undo = snapshotTag(tx, src, false)
  const have = new Set(tx.column<string>('SELECT document_id FROM document_tags WHERE tag_id = ?', [dst.id]))
  const added: string[] = []
  for (const d of tx.all<{ document_id: string; origin: string }>('SELECT document_id, origin FROM document_tags WHERE tag_id = ?', [src.id])) {
    if (have.has(d.document_id)) continue
    tx.run('INSERT INTO document_tags (document_id, tag_id, origin) VALUES (?, ?, ?)', [d.document_id, dst.id, d.origin])
    have.add(d.document_id)
    added.push(d.document_id)
  }
  const tombed: string[] = []
  for (const d of tx.all<{ document_id: string; removed_at: string }>('SELECT document_id, removed_at FROM tag_tombstones WHERE tag_id = ?', [src.id])) {
    if (have.has(d.document_id)) continue
    tx.run('INSERT OR IGNORE INTO tag_tombstones (document_id, tag_id, removed_at) VALUES (?, ?, ?)', [d.document_id, dst.id, d.removed_at])
    tombed.push(d.document_id)
  }
  const rules = tx.column<string>('SELECT id FROM tag_rules WHERE tag_id = ?', [src.id])
  tx.run('UPDATE tag_rules SET tag_id = ? WHERE tag_id = ?', [dst.id, src.id])
  tx.run('DELETE FROM tags WHERE id = ?', [src.id])
  if (rules.length) undo.push([`UPDATE tag_rules SET tag_id = ? WHERE id IN (${rules.map(() => '?').join(', ')})`, [src.id, ...rules]])
  undo.push(...deleteRows('document_tags', dst.id, added), ...deleteRows('tag_tombstones', dst.id, tombed))
  return undo
}

/**
 * Merge tags into one: their documents, rules and tombstones move to `into` (made when missing), and
 * tags below them move below it (防控/隔离 merged into 防疫 becomes 防疫/隔离, joining one already there).
 */
export function mergeTags(archive: Archive, from: string[], rawInto: string): number {
  const into = normalizeTagName(rawInto)
  return archive.write((tx) => {
    let undo: Statement[] = []
    let merged = 0
    for (const source of from) {
      if (isSameOrDescendant(into, source)) {
        if (into === source) continue
        throw new AppError('errors.tags.mergeIntoChild', { name: source, into }, `"${source}" cannot be merged into "${into}", which is below it`)
      }
      for (const tag of subtree(tx, source)) {
        const target = into + tag.name.slice(source.length)
        const existing = tagByName(tx, target)
        if (existing) undo = [...mergeOne(tx, tag, existing), ...undo]
        else {
          tx.run('UPDATE tags SET name = ? WHERE id = ?', [target, tag.id])
          undo = [['UPDATE tags SET name = ? WHERE id = ?', [tag.name, tag.id]], ...undo]
        }
        merged++
      }
    }
    if (!tagByName(tx, into)) {
      const id = ensureTag(tx, into)
      undo.push(['DELETE FROM tags WHERE id = ?', [id]])
    }
    if (merged) auditTags(tx, 'tag-merge', { from, into }, undo)
    return merged
  })
}

/** Delete tags and everything below them, with their rules; one undo brings all of it back. */
export function deleteTags(archive: Archive, names: string[]): number {
  return archive.write((tx) => {
    const seen = new Map<number, TagRow>()
    for (const name of names) for (const t of subtree(tx, name)) seen.set(t.id, t)
    const undo: Statement[] = []
    for (const tag of seen.values()) {
      undo.push(...snapshotTag(tx, tag, true))
      tx.run('DELETE FROM tags WHERE id = ?', [tag.id])
    }
    auditTags(tx, 'tag-delete', { names, tags: seen.size }, undo)
    return seen.size
  })
}
