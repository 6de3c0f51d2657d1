// `import <path...>`: NDJSON events on stdout with --json. An `imported` line is written only after the
// document is durable (runImport emits it after the batch holding it is fsynced to the journal).
import type { ParsedCommandLine } from '../args'
import { UsageError } from '../args'
import { withArchive } from './open-archive'
import { runImport } from '../../services/import-job'
import { progressLine } from './progress'
import { randomUUID } from 'node:crypto'
import { findUnfinished } from '../../archive/import-queue'
import { PipelinePool } from '../../services/pipeline-pool'

export async function importCommand(p: ParsedCommandLine): Promise<number> {
  if (!p.positionals.length) throw new UsageError('import needs at least one file or folder')
  return withArchive(p.archive, 'write', async (archive) => {
    const out = (o: unknown): void => {
      process.stdout.write(`${JSON.stringify(o)}\n`)
    }
    const resume = findUnfinished(archive, p.positionals, p.tags)
    if (resume) process.stderr.write('Resuming an interrupted import of the same files; files it already handled are skipped.\n')
    // Ctrl+C stops between files: what was reported stays stored and the next identical import resumes.
    const stop = new AbortController()
    const onSignal = (): void => stop.abort()
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    const source = { kind: 'paths' as const, paths: p.positionals, resume: Boolean(resume) }
    const pool = new PipelinePool()
    const done = await runImport(archive, resume?.id ?? randomUUID(), source, p.tags, {
      signal: stop.signal,
      pool,
      progressEveryMs: 500,
      progress: (e) => progressLine(e),
      item: (e) => {
        if (e.outcome === 'imported') {
          if (p.json) out({ event: 'imported', file: e.file, id: e.id, part: e.part, parts: e.parts, title: e.title, similar: e.similar ?? [] })
          else process.stderr.write(`imported  ${e.file}${e.parts && e.parts > 1 ? ` (part ${e.part}/${e.parts})` : ''} → ${e.id} ${e.title}\n`)
        } else if (e.outcome === 'duplicate') {
          if (p.json) out({ event: 'duplicate', file: e.file, of: e.of, part: e.part, parts: e.parts, reason: e.reason, ...(e.restored ? { restored: true } : {}) })
          else process.stderr.write(`duplicate ${e.file}: ${e.reason} (${e.of})\n`)
        } else {
          if (p.json) out({ event: 'error', file: e.file, reason: e.reason })
          process.stderr.write(`error     ${e.file}: ${e.reason}\n`)
        }
      }
    })
    await pool.close()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    progressLine(null)
    if (!done.finished) process.stderr.write('Import interrupted; run the same command again to resume.\n')
    if (p.json) out({ event: 'done', imported: done.imported, duplicates: done.duplicates, errors: done.errors, ms: done.ms })
    else process.stderr.write(`${done.imported} imported, ${done.duplicates} duplicates, ${done.errors} errors in ${(done.ms / 1000).toFixed(1)} s\n`)
    if (!done.finished) return 1
    return done.errors > 0 ? 2 : 0
  })
}
