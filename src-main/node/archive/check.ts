// `check`: verify an archive without changing it — snapshots, journal, database integrity, originals,
// and the derived comparison index.
import fs from 'node:fs'
import { Archive } from './archive'
import { archiveLayout } from './layout'
import { tierProblems } from './region-tiers'

export interface CheckReport {
  ok: boolean
  archive: string
  problems: string[]
  notices: string[]
  documents: number
  originals: number
  sequence: number
}

export async function checkArchive(dir: string): Promise<CheckReport> {
  const layout = archiveLayout(dir)
  if (!fs.existsSync(layout.dir)) {
    return { ok: false, archive: layout.dir, problems: [`no archive at ${layout.dir}`], notices: [], documents: 0, originals: 0, sequence: 0 }
  }
  const archive = await Archive.open(dir, { readOnly: true })
  try {
    const problems = [...archive.problems]
    const notices = archive.notices.filter((n) => !problems.includes(n))
    const integrity = archive.db.exec('PRAGMA integrity_check')[0]?.values.map((v) => String(v[0])) ?? []
    if (integrity.join() !== 'ok') problems.push(`database integrity check failed: ${integrity.slice(0, 5).join('; ')}`)
    const fk = archive.db.exec('PRAGMA foreign_key_check')[0]?.values ?? []
    if (fk.length) problems.push(`${fk.length} rows refer to records that do not exist (table ${String(fk[0][0])})`)
    const hasSchema = archive.get("SELECT 1 AS x FROM sqlite_master WHERE name = 'documents'")
    let documents = 0
    let originals = 0
    if (hasSchema) {
      documents = Number(archive.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents')?.n ?? 0)
      for (const { sha256 } of archive.all<{ sha256: string }>('SELECT sha256 FROM sources')) {
        originals++
        const why = archive.originals.verify(sha256)
        // A copy not yet written out is still sound while the journal holds its bytes.
        if (why && !archive.journalOriginals.has(sha256)) problems.push(why)
      }
      // The comparison index (derived by triggers and region-tiers.ts) agrees with the documents.
      if (archive.get("SELECT 1 AS x FROM pragma_table_info('region_categories') WHERE name = 'tier'")) {
        const { staleTiers, indexRows } = tierProblems(archive)
        if (staleTiers) problems.push(`${staleTiers} document regions have a comparison tier that their issuer and regions no longer give (re-processing the documents recomputes it)`)
        if (indexRows) problems.push(`${indexRows} rows of the comparison index (region_categories) differ from the documents, regions and measures they derive from`)
      }
    }
    return { ok: problems.length === 0, archive: layout.dir, problems, notices, documents, originals, sequence: archive.sequence }
  } finally {
    await archive.close()
  }
}
