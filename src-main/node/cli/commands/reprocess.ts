// `reprocess [--json]`: re-run extraction on stored originals after an extractor upgrade (`--all`: every
// document). Manual corrections are kept.
import type { ParsedCommandLine } from '../args'
import { printJson, withArchive } from './open-archive'
import { reprocessArchive } from '../../services/reprocess'
import { PipelinePool } from '../../services/pipeline-pool'

export async function reprocessCommand(p: ParsedCommandLine): Promise<number> {
  return withArchive(p.archive, 'write', async (archive) => {
    const pool = new PipelinePool()
    const report = await reprocessArchive(archive, {
      all: p.all,
      pool,
      onProgress: (done, total) => {
        if (total && (done === total || done % 50 === 0)) process.stderr.write(`${done}/${total} originals re-processed\n`)
      }
    }).finally(() => pool.close())
    for (const e of report.errors) process.stderr.write(`error     ${e.path}: ${e.reason}\n`)
    if (p.json) printJson(report)
    else process.stderr.write(`${report.updated} documents updated, ${report.added} added, ${report.removed} removed, ${report.errors.length} errors\n`)
    return report.errors.length ? 2 : 0
  })
}
