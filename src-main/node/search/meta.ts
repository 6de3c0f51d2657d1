// What filters and facets need of each document, kept beside the text index (by slot) so a query
// filters and counts 20,000 documents without SQL: type, date, trash, warnings, near-duplicates,
// regions, tags (by id: a renamed tag needs no update here) and the highest level per measure category.
import type { Archive } from '../archive/archive'
import type { SqlParam } from '../archive/journal'
import { indexTexts } from './texts'

export interface DocMeta {
  title: string
  type: string
  date: string | null
  importedAt: string
  trashed: boolean
  warnings: boolean
  similar: boolean
  /** "code:name" of each stated region. */
  regions: string[]
  tags: number[]
  /** Category → highest level. */
  measures: Record<string, number>
}

export interface DocRow {
  id: string
  title: string
  body: string
  doc_type: string
  date: string | null
  imported_at: string
  trashed: number
  warn: number
  dup: number
}

const COLUMNS = `d.id, d.title, d.doc_type, d.date, d.imported_at,
  d.trashed_at IS NOT NULL AS trashed, d.warnings_json NOT IN ('[]', '') AS warn, d.duplicate_of IS NOT NULL AS dup`

/** Batches of ids per IN (…) list: SQLite's parameter limit is far above this. */
const BATCH = 500

/**
 * Runs `fn` over ids in IN (…) lists of a few fixed sizes (padded by repeating an id, which IN
 * ignores), so the archive's prepared-statement cache holds a handful of statements, not one per size.
 */
export function inBatches<T>(ids: string[], fn: (marks: string, batch: string[]) => T[]): T[] {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH)
    const size = [1, 8, 64, BATCH].find((n) => n >= batch.length)!
    while (batch.length < size) batch.push(batch[0])
    for (const row of fn(batch.map(() => '?').join(','), batch)) out.push(row)
  }
  return out
}

/** Document rows (with their simplified text unless told) for the given ids, or every document when `ids` is null. */
export function readDocRows(archive: Archive, ids: string[] | null, withText = true): DocRow[] {
  const rows =
    ids === null
      ? archive.all<DocRow>(`SELECT ${COLUMNS} FROM documents d ORDER BY d.rowid`)
      : inBatches(ids, (marks, batch) => archive.all<DocRow>(`SELECT ${COLUMNS} FROM documents d WHERE d.id IN (${marks})`, batch))
  const bodies = withText ? indexTexts(archive, ids) : null
  for (const r of rows) r.body = bodies?.get(r.id) ?? ''
  return rows
}

/** Metadata of the given documents (null: all), from their rows and the tables around them. */
export function readMeta(archive: Archive, rows: DocRow[], ids: string[] | null): Map<string, DocMeta> {
  const out = new Map<string, DocMeta>()
  for (const r of rows) {
    out.set(r.id, {
      title: r.title,
      type: r.doc_type,
      date: r.date,
      importedAt: r.imported_at,
      trashed: r.trashed === 1,
      warnings: r.warn === 1,
      similar: r.dup === 1,
      regions: [],
      tags: [],
      measures: {}
    })
  }
  const each = <T>(sql: string, where: string, fn: (row: T) => void): void => {
    const rowsOf = (marks: string | null, batch: SqlParam[]): T[] => archive.all<T>(sql.replace('$WHERE', marks === null ? '' : where.replace('$IDS', marks)), batch)
    const got = ids === null ? rowsOf(null, []) : inBatches(ids, (marks, batch) => rowsOf(marks, batch))
    for (const row of got) fn(row)
  }
  each<{ id: string; code: string; name: string }>(
    'SELECT document_id AS id, region_code AS code, region_name AS name FROM document_regions $WHERE',
    'WHERE document_id IN ($IDS)',
    (r) => out.get(r.id)?.regions.push(`${r.code}:${r.name}`)
  )
  each<{ id: string; tag: number }>('SELECT document_id AS id, tag_id AS tag FROM document_tags $WHERE', 'WHERE document_id IN ($IDS)', (r) => out.get(r.id)?.tags.push(r.tag))
  each<{ id: string; category: string; level: number }>(
    'SELECT document_id AS id, category, max(level) AS level FROM measures WHERE deleted = 0 $WHERE GROUP BY document_id, category',
    'AND document_id IN ($IDS)',
    (r) => {
      const m = out.get(r.id)
      if (m) m.measures[r.category] = r.level
    }
  )
  const mark = (r: { id: string }): void => {
    const m = out.get(r.id)
    if (m) m.similar = true
  }
  each<{ id: string }>('SELECT a AS id FROM similar $WHERE', 'WHERE a IN ($IDS)', mark)
  each<{ id: string }>('SELECT b AS id FROM similar $WHERE', 'WHERE b IN ($IDS)', mark)
  return out
}

export interface RegionMatcher {
  /** Any region whose code starts with this (sub-regions included)… */
  prefix?: string
  /** …or exactly this place (a zone that borrows its parent's code). */
  key?: string
}

export function regionMatches(regions: string[], matchers: RegionMatcher[]): boolean {
  for (const r of regions) {
    for (const m of matchers) {
      if (m.key !== undefined ? r === m.key : r.startsWith(m.prefix!)) return true
    }
  }
  return false
}
