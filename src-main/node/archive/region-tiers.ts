// document_regions.tier: how closely each document speaks for each region it names (compare/tier.ts).
// It depends on the document's issuer and on all its regions, so every write that changes either calls
// refreshTiers in the same transaction; the UPDATEs it issues are journaled like any other statement, so
// journal replay (the snapshot worker's included) needs no gazetteer, and region_categories follows the
// column by trigger (migration 10).
import type { Tx } from './archive'
import { tierOf } from '../compare/tier'

interface RegionRow {
  document_id: string
  code: string
  name: string
  tier: number
}

/** Tier changes for the rows of some documents: [tier, document id, code, name]. */
function changes(rows: RegionRow[], issuers: Map<string, string | null>): [number, string, string, string][] {
  const byDoc = new Map<string, RegionRow[]>()
  for (const r of rows) {
    const list = byDoc.get(r.document_id)
    if (list) list.push(r)
    else byDoc.set(r.document_id, [r])
  }
  const out: [number, string, string, string][] = []
  for (const [id, regions] of byDoc) {
    const doc = { issuer: issuers.get(id) ?? null, regions }
    for (const r of regions) {
      const tier = tierOf(doc, r)
      if (tier !== r.tier) out.push([tier, id, r.code, r.name])
    }
  }
  return out
}

/** Write the tiers that changed, a few hundred rows per statement. */
function apply(tx: Pick<Tx, 'run'>, updates: [number, string, string, string][]): void {
  for (const tier of [0, 1, 2]) {
    const rows = updates.filter((u) => u[0] === tier)
    for (let i = 0; i < rows.length; i += 300) {
      const chunk = rows.slice(i, i + 300)
      tx.run(
        `UPDATE document_regions SET tier = ? WHERE (document_id, region_code, region_name) IN (VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')})`,
        [tier, ...chunk.flatMap((u) => [u[1], u[2], u[3]])]
      )
    }
  }
}

/** Bring the tiers of one document's regions up to date with its issuer and regions. */
export function refreshTiers(tx: Pick<Tx, 'run' | 'all' | 'get'>, documentId: string): void {
  const doc = tx.get<{ issuer: string | null }>('SELECT issuer FROM documents WHERE id = ?', [documentId])
  if (!doc) return
  const rows = tx.all<RegionRow>('SELECT document_id, region_code AS code, region_name AS name, tier FROM document_regions WHERE document_id = ?', [documentId])
  apply(tx, changes(rows, new Map([[documentId, doc.issuer]])))
}

/** Tier changes for every document's regions. */
function allChanges(tx: Pick<Tx, 'all'>): [number, string, string, string][] {
  const issuers = new Map(tx.all<{ id: string; issuer: string | null }>('SELECT id, issuer FROM documents').map((d) => [d.id, d.issuer]))
  return changes(tx.all<RegionRow>('SELECT document_id, region_code AS code, region_name AS name, tier FROM document_regions'), issuers)
}

/** The same for every document (migration 10, and a read-only open of an older archive). */
export function refreshAllTiers(tx: Pick<Tx, 'run' | 'all' | 'get'>): void {
  apply(tx, allChanges(tx))
}

/**
 * For `check`: document regions whose stored tier is not what their issuer and regions give, and rows of
 * region_categories that differ from what its source tables derive (either way round).
 */
export function tierProblems(tx: Pick<Tx, 'all' | 'get'>): { staleTiers: number; indexRows: number } {
  const derive = `SELECT dr.region_code, dr.region_name, dc.category, dr.tier, COALESCE(d.date, ''), d.id
    FROM doc_categories dc JOIN document_regions dr ON dr.document_id = dc.document_id JOIN documents d ON d.id = dc.document_id`
  const stored = 'SELECT region_code, region_name, category, tier, date, document_id FROM region_categories'
  const count = (sql: string): number => Number(tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${sql})`)?.n ?? 0)
  return { staleTiers: allChanges(tx).length, indexRows: count(`${derive} EXCEPT ${stored}`) + count(`${stored} EXCEPT ${derive}`) }
}
