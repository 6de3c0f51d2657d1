// list, show, tag, check: small commands over the stored archive.
import type { ParsedCommandLine } from '../args'
import { UsageError } from '../args'
import { printJson, withArchive } from './open-archive'
import { getRecord, listSummaries } from '../../archive/documents-read'
import { filterWords } from '../../search/search'
import { changeTags } from '../../archive/documents-write'
import { checkArchive } from '../../archive/check'
import { resolveArchiveDir } from '../../app-paths'
import type { DocumentRecord } from '../../../common/record'

export async function listCommand(p: ParsedCommandLine): Promise<number> {
  return withArchive(p.archive, 'read', async (archive) => {
    const { total, rows } = listSummaries(archive, p.filter, { limit: p.limit ?? 1_000_000, sort: 'newest', only: filterWords(archive, p.filter) })
    if (p.json) {
      printJson(rows.map((r) => getRecord(archive, r.id)).filter((r): r is DocumentRecord => r !== null))
    } else {
      for (const r of rows) {
        process.stdout.write(`${r.id}  ${r.date ?? '----------'}  ${r.docType.padEnd(6)}  ${r.title}${r.regions.length ? `  [${r.regions.join('、')}]` : ''}\n`)
      }
      process.stderr.write(`${rows.length} of ${total} documents\n`)
    }
    return 0
  })
}

export async function showCommand(p: ParsedCommandLine): Promise<number> {
  if (p.positionals.length !== 1) throw new UsageError('show needs exactly one document id')
  return withArchive(p.archive, 'read', async (archive) => {
    const rec = getRecord(archive, p.positionals[0])
    if (!rec) {
      process.stderr.write(`policy-archive: no document with id ${p.positionals[0]}\n`)
      return 1
    }
    if (p.json) printJson(rec)
    else {
      process.stdout.write(`${rec.title}\n${'='.repeat(Math.min(60, rec.title.length * 2))}\n`)
      const meta: [string, string | null][] = [
        ['id', rec.id ?? null],
        ['type', `${rec.docType}${rec.docTypeDetail ? ` (${rec.docTypeDetail})` : ''}`],
        ['issuer', rec.issuer],
        ['number', rec.docNumber],
        ['date', rec.date],
        ['regions', rec.regions.map((r) => r.name).join('、') || null],
        ['tags', rec.tags.join(', ') || null],
        ['source', `${rec.source.path} (${rec.source.format}, ${rec.source.encoding}, part ${rec.source.part}/${rec.source.parts})`]
      ]
      for (const [k, v] of meta) if (v) process.stdout.write(`${k.padEnd(8)} ${v}\n`)
      for (const w of rec.warnings) process.stdout.write(`warning  ${w}\n`)
      process.stdout.write(`\n${rec.text}\n`)
    }
    return 0
  })
}

export async function tagCommand(p: ParsedCommandLine): Promise<number> {
  if (!p.positionals.length) throw new UsageError('tag needs at least one document id')
  if (!p.add.length && !p.remove.length) throw new UsageError('tag needs --add T or --remove T')
  return withArchive(p.archive, 'write', async (archive) => {
    const missing = p.positionals.filter((id) => !archive.get('SELECT 1 FROM documents WHERE id = ?', [id]))
    const n = changeTags(archive, p.positionals, p.add, p.remove)
    for (const id of missing) process.stderr.write(`policy-archive: no document with id ${id}\n`)
    if (p.json) printJson({ changed: n, missing })
    else process.stderr.write(`${n} documents changed\n`)
    return missing.length ? 2 : 0
  })
}

export async function checkCommand(p: ParsedCommandLine): Promise<number> {
  const report = await checkArchive(resolveArchiveDir(p.archive))
  if (p.json) printJson(report)
  else {
    for (const problem of report.problems) process.stdout.write(`problem: ${problem}\n`)
    for (const n of report.notices) process.stdout.write(`note: ${n}\n`)
    process.stdout.write(
      report.ok
        ? `ok: ${report.archive}: ${report.documents} documents, ${report.originals} originals, journal at record ${report.sequence}\n`
        : `the archive at ${report.archive} has ${report.problems.length} problem(s); opening it with the app or any command repairs what can be repaired\n`
    )
  }
  return report.ok ? 0 : 1
}
