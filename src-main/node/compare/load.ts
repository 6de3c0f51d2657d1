// Reading what a comparison needs from the archive, and no more: for a region and category, the
// documents that state it, newest first (the region_categories index kept by triggers, migration 3),
// then the measures of just the documents that decide a cell. Trashed documents and duplicates are
// skipped; measures deleted by hand are not read.
import type { SqlValue, Statement } from 'sql.js'
import type { Archive } from '../archive/archive'
import type { MeasureParams } from '../../common/record'
import { MEASURE_CATEGORIES, type MeasureCategory } from '../../common/taxonomy'
import { MIGRATIONS } from '../archive/migrations'
import { asTier, FOREIGN, OWN, SHARED, type Tier } from './tier'

/** The migration that adds region_categories. */
const COMPARE_MIGRATION = 3
/** The migration that adds tiers to it. */
const TIER_MIGRATION = 10

export interface DocInfo {
  id: string
  date: string | null
  title: string
  docNumber: string | null
  issuer: string | null
  regions: { code: string; name: string }[]
}

export interface MeasureRow {
  id: string
  documentId: string
  category: MeasureCategory
  level: number
  params: MeasureParams
  target: string | null
  lifted: boolean
  text: string
  start: number
  end: number
}

/** One document naming a region and stating a category ('' date: undated), with its tier for the region. */
export interface DocHit {
  documentId: string
  date: string
  tier: Tier
}

const LIVE = 'd.trashed_at IS NULL AND d.duplicate_of IS NULL'

/** Per-call reader with caches: one comparison touches each document at most once. */
export class CompareReader {
  private docs = new Map<string, DocInfo | null>()
  private measures = new Map<string, Map<string, MeasureRow[]>>()
  private present: Set<string> | null = null
  private undated = new Map<string, Map<string, DocHit[]>>()
  /** Statements prepared once per reader (a comparison runs a few hundred small queries). */
  private stmts = new Map<string, Statement>()

  constructor(readonly archive: Archive) {
    ensureCompareTables(archive)
  }

  /** Free the prepared statements; the reader can still be used (they are prepared again). */
  close(): void {
    for (const s of this.stmts.values()) s.free()
    this.stmts.clear()
  }

  /** Run a query row by row; `onRow` returns false to stop early. */
  private stream(sql: string, params: SqlValue[], onRow: (row: SqlValue[]) => boolean | void): void {
    let stmt = this.stmts.get(sql)
    if (!stmt) this.stmts.set(sql, (stmt = this.archive.db.prepare(sql)))
    try {
      stmt.bind(params)
      while (stmt.step()) if (onRow(stmt.get()) === false) break
    } finally {
      stmt.reset()
    }
  }

  /** Categories some measure not deleted states at all (one index seek per category). */
  categoriesPresent(): Set<string> {
    if (!this.present) {
      const found = new Set<string>()
      for (const c of MEASURE_CATEGORIES) {
        this.stream('SELECT 1 FROM measures INDEXED BY measures_category WHERE category = ? AND deleted = 0 LIMIT 1', [c], () => void found.add(c))
      }
      this.present = found
    }
    return this.present
  }

  /**
   * Dated documents of one tier naming the region and stating the category on or before `asOf`, newest
   * first. `visit` returns false once it has what it needs.
   */
  datedHits(region: { code: string; name: string }, category: string, tier: Tier, asOf: string, visit: (hit: DocHit) => boolean): void {
    this.stream(
      `SELECT rc.document_id, rc.date FROM region_categories rc JOIN documents d INDEXED BY documents_compare ON d.id = rc.document_id
       WHERE rc.region_code = ? AND rc.region_name = ? AND rc.category = ? AND rc.tier = ? AND rc.date <> '' AND rc.date <= ? AND ${LIVE}
       ORDER BY rc.date DESC`,
      [region.code, region.name, category, tier, asOf],
      (r) => visit({ documentId: String(r[0]), date: String(r[1]), tier })
    )
  }

  /** Undated documents naming the region and stating the category (one query per region for all categories). */
  undatedHits(region: { code: string; name: string }, category: string): DocHit[] {
    const key = `${region.code}:${region.name}`
    let byCategory = this.undated.get(key)
    if (!byCategory) {
      const found = new Map<string, DocHit[]>()
      const cats = MEASURE_CATEGORIES
      this.stream(
        `SELECT rc.category, rc.document_id, rc.tier FROM region_categories rc JOIN documents d INDEXED BY documents_compare ON d.id = rc.document_id
         WHERE rc.region_code = ? AND rc.region_name = ? AND rc.category IN (${cats.map(() => '?').join(', ')}) AND rc.tier IN (${OWN}, ${SHARED}, ${FOREIGN}) AND rc.date = '' AND ${LIVE}`,
        [region.code, region.name, ...cats],
        (r) => {
          const hit: DocHit = { documentId: String(r[1]), date: '', tier: asTier(r[2]) }
          const list = found.get(String(r[0]))
          if (list) list.push(hit)
          else found.set(String(r[0]), [hit])
        }
      )
      this.undated.set(key, (byCategory = found))
    }
    return byCategory.get(category) ?? []
  }

  /**
   * The measures of the undated documents naming the region that are not foreign to it, in one query per
   * region (a real archive has hundreds of undated documents; a read per document cost most of a comparison).
   * The documents come from the index (a seek per category and tier), never from all that name the region.
   * Ordered as the categories given, then tier, document and text position.
   */
  undatedMeasures(region: { code: string; name: string }, categories: readonly MeasureCategory[]): { measure: MeasureRow; title: string }[] {
    const out: { measure: MeasureRow; title: string; order: number }[] = []
    if (!categories.length) return []
    const marks = categories.map(() => '?').join(', ')
    this.stream(
      `SELECT m.id, m.document_id, m.category, m.level, m.params_json, m.target, m.lifted, m.evidence_text, m.evidence_start, m.evidence_end, d.title
       FROM (SELECT DISTINCT rc.document_id, rc.tier FROM region_categories rc
             WHERE rc.region_code = ? AND rc.region_name = ? AND rc.category IN (${marks}) AND rc.tier IN (${OWN}, ${SHARED}) AND rc.date = '') u
       JOIN documents d ON d.id = u.document_id
       JOIN measures m INDEXED BY measures_document ON m.document_id = u.document_id
       WHERE ${LIVE} AND m.deleted = 0 AND m.category IN (${marks})
       ORDER BY u.tier, u.document_id, m.evidence_start`,
      [region.code, region.name, ...categories, ...categories],
      (r) => {
        const measure = measureRow(r)
        out.push({ measure, title: String(r[10]), order: categories.indexOf(measure.category) })
      }
    )
    // Stable: within a category the query's order stays.
    return out.sort((a, b) => a.order - b.order).map(({ measure, title }) => ({ measure, title }))
  }

  /** Every dated document naming the region and stating the category, oldest first; for timelines. */
  allHits(region: { code: string; name: string }, category: string): DocHit[] {
    const out: DocHit[] = []
    this.stream(
      `SELECT rc.document_id, rc.date, rc.tier FROM region_categories rc JOIN documents d INDEXED BY documents_compare ON d.id = rc.document_id
       WHERE rc.region_code = ? AND rc.region_name = ? AND rc.category = ? AND rc.date <> '' AND ${LIVE}
       ORDER BY rc.date`,
      [region.code, region.name, category],
      (r) => void out.push({ documentId: String(r[0]), date: String(r[1]), tier: asTier(r[2]) })
    )
    return out
  }

  doc(id: string): DocInfo | null {
    let info = this.docs.get(id)
    if (info === undefined) {
      info = null
      this.stream('SELECT id, date, title, doc_number, issuer FROM documents WHERE id = ?', [id], (r) => {
        info = {
          id: String(r[0]),
          date: r[1] === null ? null : String(r[1]),
          title: String(r[2]),
          docNumber: r[3] === null ? null : String(r[3]),
          issuer: r[4] === null ? null : String(r[4]),
          regions: []
        }
      })
      if (info) {
        const regions = (info as DocInfo).regions
        this.stream('SELECT region_code, region_name FROM document_regions WHERE document_id = ?', [id], (r) => {
          regions.push({ code: String(r[0]), name: String(r[1]) })
        })
      }
      this.docs.set(id, info)
    }
    return info
  }

  /** The document's measures (not deleted) of one category, in text order; each document is read once. */
  measuresOf(documentId: string, category: string): MeasureRow[] {
    let byCategory = this.measures.get(documentId)
    if (!byCategory) {
      byCategory = new Map()
      const found = byCategory
      this.stream(
        `SELECT id, document_id, category, level, params_json, target, lifted, evidence_text, evidence_start, evidence_end FROM measures INDEXED BY measures_document
         WHERE document_id = ? AND deleted = 0 ORDER BY evidence_start`,
        [documentId],
        (r) => {
          const row = measureRow(r)
          const list = found.get(row.category)
          if (list) list.push(row)
          else found.set(row.category, [row])
        }
      )
      this.measures.set(documentId, byCategory)
    }
    return byCategory.get(category) ?? []
  }
}

/** Run `fn` with a reader whose statements are freed afterwards. */
export function withReader<T>(archive: Archive, fn: (reader: CompareReader) => T): T {
  const reader = new CompareReader(archive)
  try {
    return fn(reader)
  } finally {
    reader.close()
  }
}

/**
 * A read-only open (the app holds the archive) skips migrations: an archive from before migration 3 or
 * 10 then gets the comparison tables (and tiers) in memory only, built from its measures; nothing is written.
 */
function ensureCompareTables(archive: Archive): void {
  if (!archive.readOnly) return
  const has = (sql: string): boolean => archive.db.exec(sql).length > 0
  if (!has("SELECT 1 FROM sqlite_master WHERE name = 'region_categories'")) {
    archive.db.exec(MIGRATIONS.find((x) => x.version === COMPARE_MIGRATION)!.sql)
  }
  if (has("SELECT 1 FROM pragma_table_info('region_categories') WHERE name = 'tier'")) return
  const m = MIGRATIONS.find((x) => x.version === TIER_MIGRATION)!
  archive.db.exec(m.sql)
  m.then?.({ run: (sql, params) => (params?.length ? archive.db.run(sql, params as SqlValue[]) : archive.db.exec(sql)), all: (sql, params) => archive.all(sql, params), get: (sql, params) => archive.get(sql, params) })
}

/** A measure from a row of id, document id, category, level, params, target, lifted, text, start, end. */
function measureRow(r: SqlValue[]): MeasureRow {
  return {
    id: String(r[0]),
    documentId: String(r[1]),
    category: String(r[2]) as MeasureCategory,
    level: Number(r[3]),
    params: parseParams(r[4]),
    target: r[5] === null ? null : String(r[5]),
    lifted: Number(r[6]) === 1,
    text: String(r[7]),
    start: Number(r[8]),
    end: Number(r[9])
  }
}

function parseParams(v: SqlValue): MeasureParams {
  try {
    const p = JSON.parse(String(v ?? '{}')) as unknown
    return p && typeof p === 'object' && !Array.isArray(p) ? (p as MeasureParams) : {}
  } catch {
    return {}
  }
}
