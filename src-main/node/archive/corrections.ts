// A person's corrections to a document: metadata fields, regions and measures. Each is marked manual
// (re-processing never overwrites it), written to the audit log with the statements that reverse it,
// and can be undone.
import type { Archive, Tx } from './archive'
import type { SqlParam, Statement } from './journal'
import { newId } from './documents-write'
import { refreshTiers } from './region-tiers'
import type { MeasureParams, RegionRef } from '../../common/record'
import { InvalidRequestError, noDocument, noMeasure } from '../../common/errors'

export const CORRECTABLE_FIELDS = ['title', 'docType', 'docTypeDetail', 'issuer', 'docNumber', 'date'] as const
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number]

const COLUMN: Record<CorrectableField, string> = {
  title: 'title',
  docType: 'doc_type',
  docTypeDetail: 'doc_type_detail',
  issuer: 'issuer',
  docNumber: 'doc_number',
  date: 'date'
}

/** A correction that cannot be made as asked (worded by the interface from `key`). */
export class CorrectionError extends InvalidRequestError {}

export interface MeasureInput {
  category: string
  level: number
  params: MeasureParams
  target: string | null
  lifted: boolean
  start: number
  end: number
}

function audit(tx: Tx, action: string, documentId: string, detail: unknown, undo: Statement[]): void {
  tx.run('INSERT INTO audit_log (at, action, document_id, detail_json, undo_json) VALUES (?, ?, ?, ?, ?)', [
    new Date().toISOString(), action, documentId, JSON.stringify(detail), JSON.stringify(undo)
  ])
}

function documentText(tx: Tx, id: string): string {
  const row = tx.get<{ text: string }>('SELECT unpack_text(text) AS text FROM documents WHERE id = ?', [id])
  if (!row) throw noDocument(id)
  return row.text
}

export function updateFields(archive: Archive, id: string, patch: Partial<Record<CorrectableField, string | null>>): void {
  const fields = CORRECTABLE_FIELDS.filter((f) => f in patch)
  if (!fields.length) return
  archive.write((tx) => {
    const before = tx.get<Record<string, string | number | null>>(`SELECT ${fields.map((f) => COLUMN[f]).join(', ')}, title_derived, manual_fields FROM documents WHERE id = ?`, [id])
    if (!before) throw noDocument(id)
    if ('title' in patch && !patch.title?.trim()) throw new CorrectionError('errors.core.emptyTitle', {}, 'the title cannot be empty')
    const manual = new Set<string>(JSON.parse(String(before.manual_fields)) as string[])
    for (const f of fields) manual.add(f)
    // A title a person wrote is no longer a derived one (the mark comes back with an undo).
    const cols = 'title' in patch ? [...fields.map((f) => COLUMN[f]), 'title_derived'] : fields.map((f) => COLUMN[f])
    const sets = cols.map((c) => `${c} = ?`).join(', ')
    const after: SqlParam[] = [...fields.map((f) => patch[f] ?? null), ...('title' in patch ? [0] : [])]
    tx.run(`UPDATE documents SET ${sets}, manual_fields = ?, updated_at = ? WHERE id = ?`, [...after, JSON.stringify([...manual]), new Date().toISOString(), id])
    if ('issuer' in patch) refreshTiers(tx, id)
    const undo: Statement[] = [[`UPDATE documents SET ${sets}, manual_fields = ? WHERE id = ?`, [...cols.map((c) => before[c] as SqlParam), before.manual_fields as SqlParam, id]]]
    audit(tx, 'correct-fields', id, { before: Object.fromEntries(fields.map((f) => [f, before[COLUMN[f]]])), after: patch }, undo)
  })
}

/** Replace the document's regions with the given ones; they become manual. */
export function setRegions(archive: Archive, id: string, regions: RegionRef[]): void {
  archive.write((tx) => {
    documentText(tx, id)
    const before = tx.all<{ region_code: string; region_name: string; manual: number }>(
      'SELECT region_code, region_name, manual FROM document_regions WHERE document_id = ?',
      [id]
    )
    tx.run('DELETE FROM document_regions WHERE document_id = ?', [id])
    for (const r of regions) {
      tx.run('INSERT OR IGNORE INTO regions (code, name, level, province) VALUES (?, ?, ?, ?)', [r.code, r.name, r.level, r.province])
      tx.run('INSERT OR IGNORE INTO document_regions (document_id, region_code, region_name, manual) VALUES (?, ?, ?, 1)', [id, r.code, r.name])
    }
    refreshTiers(tx, id)
    const undo: Statement[] = [
      ['DELETE FROM document_regions WHERE document_id = ?', [id]],
      ...before.map((b): Statement => [
        'INSERT INTO document_regions (document_id, region_code, region_name, manual) VALUES (?, ?, ?, ?)',
        [id, b.region_code, b.region_name, b.manual]
      ])
    ]
    audit(tx, 'correct-regions', id, { before: before.map((b) => b.region_name), after: regions.map((r) => r.name) }, undo)
  })
}

function checkSpan(text: string, m: Pick<MeasureInput, 'start' | 'end'>): string {
  if (!(Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= text.length)) {
    throw new CorrectionError('errors.core.evidenceOutside', { start: m.start, end: m.end, length: text.length }, `the evidence span ${m.start}–${m.end} is not inside the document text (0–${text.length})`)
  }
  return text.slice(m.start, m.end)
}

export function addMeasure(archive: Archive, documentId: string, m: MeasureInput): string {
  return archive.write((tx) => {
    const evidence = checkSpan(documentText(tx, documentId), m)
    const id = newId()
    tx.run(
      `INSERT INTO measures (id, document_id, category, level, params_json, target, lifted, evidence_start, evidence_end, evidence_text, manual)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      [id, documentId, m.category, m.level, JSON.stringify(m.params), m.target, m.lifted ? 1 : 0, m.start, m.end, evidence]
    )
    audit(tx, 'add-measure', documentId, { id, ...m }, [['DELETE FROM measures WHERE id = ?', [id]]])
    return id
  })
}

type MeasureRow = Record<string, SqlParam> & { document_id: string }

export function updateMeasure(archive: Archive, measureId: string, patch: Partial<MeasureInput>): void {
  archive.write((tx) => {
    const before = tx.get<MeasureRow>('SELECT * FROM measures WHERE id = ? AND deleted = 0', [measureId])
    if (!before) throw noMeasure(measureId)
    const next = {
      category: patch.category ?? String(before.category),
      level: patch.level ?? Number(before.level),
      params: patch.params ?? (JSON.parse(String(before.params_json)) as MeasureParams),
      target: patch.target !== undefined ? patch.target : (before.target as string | null),
      lifted: patch.lifted ?? before.lifted === 1,
      start: patch.start ?? Number(before.evidence_start),
      end: patch.end ?? Number(before.evidence_end)
    }
    const evidence = checkSpan(documentText(tx, before.document_id), next)
    const cols = 'category = ?, level = ?, params_json = ?, target = ?, lifted = ?, evidence_start = ?, evidence_end = ?, evidence_text = ?, manual = ?'
    tx.run(`UPDATE measures SET ${cols} WHERE id = ?`, [
      next.category, next.level, JSON.stringify(next.params), next.target, next.lifted ? 1 : 0, next.start, next.end, evidence, 1, measureId
    ])
    const undo: Statement[] = [[`UPDATE measures SET ${cols} WHERE id = ?`, [
      before.category, before.level, before.params_json, before.target, before.lifted, before.evidence_start, before.evidence_end, before.evidence_text, before.manual, measureId
    ]]]
    audit(tx, 'edit-measure', before.document_id, { id: measureId, patch }, undo)
  })
}

/** Deleting keeps a tombstone so re-processing does not bring an extracted measure back. */
export function deleteMeasure(archive: Archive, measureId: string): void {
  archive.write((tx) => {
    const before = tx.get<MeasureRow>('SELECT * FROM measures WHERE id = ? AND deleted = 0', [measureId])
    if (!before) throw noMeasure(measureId)
    tx.run('UPDATE measures SET deleted = 1, manual = 1 WHERE id = ?', [measureId])
    audit(tx, 'delete-measure', before.document_id, { id: measureId, category: before.category, text: before.evidence_text }, [
      ['UPDATE measures SET deleted = 0, manual = ? WHERE id = ?', [before.manual, measureId]]
    ])
  })
}

export interface UndoResult {
  action: string
  documentId: string | null
}

/** Reverse the latest user change that has not been undone yet (optionally: of one document). */
export function undoLast(archive: Archive, documentId?: string): UndoResult | null {
  return archive.write((tx) => {
    const row = tx.get<{ id: number; action: string; document_id: string | null; undo_json: string }>(
      `SELECT id, action, document_id, undo_json FROM audit_log WHERE undo_json IS NOT NULL AND undone = 0
       ${documentId ? 'AND document_id = ?' : ''} ORDER BY id DESC LIMIT 1`,
      documentId ? [documentId] : []
    )
    if (!row) return null
    for (const [sql, params] of JSON.parse(row.undo_json) as Statement[]) tx.run(sql, params)
    // An undone issuer or region change leaves the tiers to recompute (they are not in the undo record).
    if (row.document_id) refreshTiers(tx, row.document_id)
    tx.run('UPDATE audit_log SET undone = 1 WHERE id = ?', [row.id])
    tx.run('INSERT INTO audit_log (at, action, document_id, detail_json) VALUES (?, ?, ?, ?)', [
      new Date().toISOString(), 'undo', row.document_id, JSON.stringify({ undid: row.id, action: row.action })
    ])
    return { action: row.action, documentId: row.document_id }
  })
}
