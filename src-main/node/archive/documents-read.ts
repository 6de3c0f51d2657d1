// Reading documents back as CONTRACT.md records, and listing them with filters.
import type { Archive } from './archive'
import type { SqlParam } from './journal'
import type { DocumentRecord, DocumentSummary, Measure, RegionRef, DocType, Script } from '../../common/record'
import type { DocumentFilter } from '../../common/filters'
import { regionMatchersSql, resolveRegionMatchers } from '../search/region-filter'

interface DocRow {
  id: string
  source_sha256: string
  source_path: string
  format: string
  encoding: string
  part: number
  parts: number
  text: string
  title: string
  title_derived: number
  doc_type: string
  doc_type_detail: string | null
  issuer: string | null
  doc_number: string | null
  date: string | null
  script: string
  removed_json: string
  warnings_json: string
  duplicate_of: string | null
  extractor_version: number
  imported_at: string
  trashed_at: string | null
}

/** Sub-region match on six-digit division codes: 370000 covers 37xxxx, 371500 covers 3715xx. */
export function regionCodePrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2)
  if (code.endsWith('00')) return code.slice(0, 4)
  return code
}

function parseJson<T>(s: string | null, fallback: T): T {
  if (!s) return fallback
  try {
    return JSON.parse(s) as T
  } catch {
    return fallback
  }
}

export function documentRegions(archive: Archive, id: string): RegionRef[] {
  return archive
    .all<{ name: string; code: string; level: RegionRef['level']; province: string }>(
      `SELECT r.name, r.code, r.level, r.province FROM document_regions dr
       JOIN regions r ON r.code = dr.region_code AND r.name = dr.region_name WHERE dr.document_id = ? ORDER BY r.code, r.level`,
      [id]
    )
    .map((r) => ({ name: r.name, code: r.code, level: r.level, province: r.province }))
}

export function documentMeasures(archive: Archive, id: string): Measure[] {
  return archive
    .all<{
      id: string
      category: string
      level: number
      params_json: string
      target: string | null
      lifted: number
      evidence_start: number
      evidence_end: number
      evidence_text: string
      manual: number
    }>('SELECT * FROM measures WHERE document_id = ? AND deleted = 0 ORDER BY evidence_start, category', [id])
    .map((m) => ({
      id: m.id,
      category: m.category,
      level: m.level,
      params: parseJson(m.params_json, {}),
      target: m.target,
      lifted: m.lifted === 1,
      text: m.evidence_text,
      start: m.evidence_start,
      end: m.evidence_end,
      manual: m.manual === 1
    }))
}

/**
 * Every column of a document row, its text and removed passages unpacked (a later column of the same name wins
 * in a row object); the simplified shadow, which no reader of a whole row needs, stays in its stored form.
 */
export const DOCUMENT_COLUMNS = '*, unpack_text(text) AS text, unpack_text(removed_json) AS removed_json'

export function getRecord(archive: Archive, id: string): DocumentRecord | null {
  const d = archive.get<DocRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ?`, [id])
  if (!d) return null
  const tags = archive.all<{ name: string }>(
    'SELECT t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = ? ORDER BY t.name',
    [id]
  )
  const similar = archive.all<{ id: string; score: number }>(
    `SELECT b AS id, score FROM similar WHERE a = ? UNION SELECT a AS id, score FROM similar WHERE b = ? ORDER BY score DESC`,
    [id, id]
  )
  return {
    id: d.id,
    source: { path: d.source_path, sha256: d.source_sha256, format: d.format, encoding: d.encoding, part: d.part, parts: d.parts },
    title: d.title,
    titleDerived: d.title_derived === 1,
    docType: d.doc_type as DocType,
    docTypeDetail: d.doc_type_detail,
    issuer: d.issuer,
    docNumber: d.doc_number,
    date: d.date,
    script: d.script as Script,
    regions: documentRegions(archive, id),
    measures: documentMeasures(archive, id),
    text: d.text,
    removed: parseJson(d.removed_json, []),
    duplicateOf: d.duplicate_of,
    similar: similar.map((s) => ({ id: s.id, score: s.score })),
    tags: tags.map((t) => t.name),
    warnings: parseJson(d.warnings_json, []),
    extractorVersion: d.extractor_version,
    importedAt: d.imported_at,
    trashed: d.trashed_at !== null
  }
}

/** Tags named `tag` or below it in the hierarchy (防控 covers 防控/隔离), as a condition on the name column `column`. */
export function tagCovers(column: string, tag: string): { sql: string; params: string[] } {
  return { sql: `(${column} = ? OR substr(${column}, 1, length(?) + 1) = ? || '/')`, params: [tag, tag, tag] }
}

/**
 * The WHERE clause and parameters of a filter over `documents d`. Its words (`text`) are matched by the search index, as in the library's
 * search box (either script, several words, phrases): the caller passes the documents they match as `only`
 * (search/search.ts textMatches); a text without them is a caller's mistake, not a filter to guess at.
 */
export function filterSql(archive: Archive, f: DocumentFilter, only?: string[]): { where: string; params: SqlParam[] } {
  const clauses: string[] = [f.trashed ? 'd.trashed_at IS NOT NULL' : 'd.trashed_at IS NULL']
  const params: SqlParam[] = []
  if (f.text?.trim() && !only) throw new Error('a filter by words needs the documents the search index matches (textMatches)')
  if (only) {
    clauses.push('d.id IN (SELECT value FROM json_each(?))')
    params.push(JSON.stringify(only))
  }
  if (f.region) {
    // A code, name or short name in either script; each place covers its sub-regions.
    const r = regionMatchersSql(resolveRegionMatchers(archive, f.region))
    clauses.push(r.sql)
    params.push(...r.params)
  }
  if (f.type) {
    clauses.push('d.doc_type = ?')
    params.push(f.type)
  }
  if (f.tag) {
    const covers = tagCovers('t.name', f.tag)
    clauses.push(`EXISTS (SELECT 1 FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = d.id AND ${covers.sql})`)
    params.push(...covers.params)
  }
  if (f.measure) {
    clauses.push('EXISTS (SELECT 1 FROM measures m WHERE m.document_id = d.id AND m.deleted = 0 AND m.category = ?)')
    params.push(f.measure)
  }
  if (f.from) {
    clauses.push('d.date >= ?')
    params.push(f.from)
  }
  if (f.to) {
    clauses.push('d.date <= ?')
    params.push(f.to)
  }
  return { where: clauses.join(' AND '), params }
}

export type ListSort = 'newest' | 'date' | 'title'

/** The parts of the file `id` came from (itself included), in part order, trashed ones left out. */
export function partsOf(archive: Archive, id: string): (DocumentSummary & { part: number; parts: number })[] {
  const rows = archive.all<{ id: string; part: number; parts: number }>(
    `SELECT d.id, d.part, d.parts FROM documents d JOIN documents me ON me.source_sha256 = d.source_sha256
     WHERE me.id = ? AND d.trashed_at IS NULL ORDER BY d.part`,
    [id]
  )
  const byId = new Map(summariesOf(archive, rows.map((r) => r.id)).map((s) => [s.id, s]))
  return rows.flatMap((r) => {
    const s = byId.get(r.id)
    return s ? [{ ...s, part: r.part, parts: r.parts }] : []
  })
}

/** Summaries of the given documents (trashed ones included), in the order asked; unknown ids are left out. */
export function summariesOf(archive: Archive, ids: string[]): DocumentSummary[] {
  if (!ids.length) return []
  const rows = summaryRows(archive, `d.id IN (${ids.map(() => '?').join(',')})`, ids, 'd.id', ids.length, 0)
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.map((id) => byId.get(id)).filter((r): r is DocumentSummary => r !== undefined)
}

// The two date orders match indexes (migration 11): change them together, or the first page sorts every row.
export const LIST_ORDER: Record<ListSort, string> = {
  newest: 'd.imported_at DESC, d.part ASC',
  date: 'd.date IS NULL, d.date DESC, d.imported_at DESC',
  title: 'd.title COLLATE NOCASE ASC'
}

export function listSummaries(
  archive: Archive,
  f: DocumentFilter,
  opts: { offset?: number; limit?: number; sort?: ListSort; only?: string[] } = {}
): { total: number; rows: DocumentSummary[] } {
  const { where, params } = filterSql(archive, f, opts.only)
  const total = Number(archive.get<{ n: number }>(`SELECT COUNT(*) AS n FROM documents d WHERE ${where}`, params)?.n ?? 0)
  return { total, rows: summaryRows(archive, where, params, LIST_ORDER[opts.sort ?? 'newest'], opts.limit ?? 100, opts.offset ?? 0) }
}

/** A document's summary as stored: its columns, with its region and tag names joined by 、. */
export interface SummaryRow {
  id: string
  title: string
  title_derived: number
  doc_type: string
  doc_type_detail: string | null
  date: string | null
  format: string
  imported_at: string
  warnings_json: string
  source_sha256: string
  regions: string | null
  tags: string | null
}

export function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    ...(r.title_derived === 1 ? { titleDerived: true } : {}),
    docType: r.doc_type as DocType,
    docTypeDetail: r.doc_type_detail,
    date: r.date,
    regions: r.regions ? r.regions.split('、') : [],
    tags: r.tags ? r.tags.split('、') : [],
    format: r.format,
    importedAt: r.imported_at,
    warnings: parseJson<unknown[]>(r.warnings_json, []).length,
    source: r.source_sha256
  }
}

function summaryRows(archive: Archive, where: string, params: SqlParam[], order: string, limit: number, offset: number): DocumentSummary[] {
  const rows = archive.all<SummaryRow>(
    `SELECT d.id, d.title, d.title_derived, d.doc_type, d.doc_type_detail, d.date, d.format, d.imported_at, d.warnings_json, d.source_sha256,
       (SELECT group_concat(dr.region_name, '、') FROM document_regions dr WHERE dr.document_id = d.id) AS regions,
       (SELECT group_concat(t.name, '、') FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = d.id) AS tags
     FROM documents d WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...params, limit, offset]
  )
  return rows.map(toSummary)
}

export function listTags(archive: Archive): { name: string; count: number }[] {
  return archive.all<{ name: string; count: number }>(
    `SELECT t.name, COUNT(d.id) AS count FROM tags t LEFT JOIN document_tags dt ON dt.tag_id = t.id
     LEFT JOIN documents d ON d.id = dt.document_id AND d.trashed_at IS NULL GROUP BY t.id ORDER BY t.name`
  )
}
