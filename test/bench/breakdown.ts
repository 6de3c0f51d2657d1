// `npx tsx test/bench/breakdown.ts ARCHIVE_DIR [--json]`: where an archive's bytes and its opening time go —
// bytes per table and column, pages per table and index, files on disk, and the steps of Archive.open.
import fs from 'node:fs'
import path from 'node:path'
import { Archive } from '../../src-main/node/archive/archive'

function dirSize(dir: string): number {
  if (!fs.existsSync(dir)) return 0
  let n = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    n += e.isDirectory() ? dirSize(p) : fs.statSync(p).size
  }
  return n
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? '')
  const json = process.argv.includes('--json')
  if (!fs.existsSync(path.join(dir, 'archive.sqlite'))) throw new Error(`no archive at ${dir}`)
  const t0 = performance.now()
  const archive = await Archive.open(dir, { readOnly: true, verifyJournal: false })
  const openMs = performance.now() - t0
  try {
    const pageSize = Number(archive.db.exec('PRAGMA page_size')[0].values[0][0])
    const pages = Number(archive.db.exec('PRAGMA page_count')[0].values[0][0])
    const objects = archive.all<{ name: string; type: string; tbl: string }>(
      "SELECT name, type, tbl_name AS tbl FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY tbl_name, type DESC"
    )
    const tables: Record<string, { rows: number; columns: Record<string, number> }> = {}
    for (const o of objects.filter((x) => x.type === 'table')) {
      const cols = archive.all<{ name: string }>(`SELECT name FROM pragma_table_info('${o.name}')`).map((c) => c.name)
      const sums = cols.map((c) => `COALESCE(SUM(length(CAST("${c}" AS BLOB))), 0) AS "${c}"`).join(', ')
      const row = archive.get<Record<string, number>>(`SELECT COUNT(*) AS __rows, ${sums} FROM "${o.name}"`) ?? {}
      const columns: Record<string, number> = {}
      for (const c of cols) columns[c] = Number(row[c] ?? 0)
      tables[o.name] = { rows: Number(row.__rows ?? 0), columns }
    }
    const t1 = performance.now()
    const exported = archive.db.export()
    const exportMs = performance.now() - t1
    const out = {
      database_bytes: pageSize * pages,
      export_ms: Math.round(exportMs),
      exported_bytes: exported.byteLength,
      open_ms: Math.round(openMs),
      open_steps: Object.fromEntries(Object.entries(archive.openTimings).map(([k, v]) => [k, Math.round(v)])),
      files: {
        'archive.sqlite': fs.statSync(path.join(dir, 'archive.sqlite')).size,
        backups: dirSize(path.join(dir, 'backups')),
        journal: dirSize(path.join(dir, 'journal')),
        originals: dirSize(path.join(dir, 'originals')),
        other: fs.existsSync(path.join(dir, 'search-index.bin')) ? fs.statSync(path.join(dir, 'search-index.bin')).size : 0
      },
      tables
    }
    if (json) process.stdout.write(`${JSON.stringify(out)}\n`)
    else {
      const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`
      process.stdout.write(`database ${mb(out.database_bytes)} · open ${out.open_ms} ms ${JSON.stringify(out.open_steps)} · export ${out.export_ms} ms\n`)
      for (const [f, n] of Object.entries(out.files)) process.stdout.write(`  file ${f.padEnd(16)} ${mb(n)}\n`)
      const rows = Object.entries(tables).sort((a, b) => sum(b[1].columns) - sum(a[1].columns))
      for (const [name, t] of rows) {
        process.stdout.write(`${name.padEnd(22)} ${String(t.rows).padStart(8)} rows ${mb(sum(t.columns)).padStart(10)}\n`)
        for (const [c, n] of Object.entries(t.columns).sort((a, b) => b[1] - a[1])) if (n > 1048576) process.stdout.write(`    ${c.padEnd(20)} ${mb(n)}\n`)
      }
      const data = rows.reduce((n, [, t]) => n + sum(t.columns), 0)
      process.stdout.write(`column data ${mb(data)}; indexes, keys and page slack ${mb(out.database_bytes - data)}\n`)
    }
  } finally {
    await archive.close()
  }
}

const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0)

main().catch((e) => {
  process.stderr.write(`breakdown: ${(e as Error).message}\n`)
  process.exitCode = 1
})
