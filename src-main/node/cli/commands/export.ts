// `export <documents|summary|compare> --format F --out FILE [filters] [--region R]... [--as-of DATE]
// [--with-text] [--force]`: the export of the desktop app, without a display. The file is written
// whole or not at all; stdout carries only the result (JSON with --json).
import path from 'node:path'
import type { ParsedCommandLine } from '../args'
import { UsageError } from '../args'
import { printJson, withArchive } from './open-archive'
import { EXPORT_KINDS, ExportRequestSchema, type ExportKind } from '../../../common/export'
import { AppError } from '../../../common/errors'
import { exportToFile } from '../../export/run'
import { checkFormat } from '../../export/write'
import { compareEngine } from '../../export/engine'

function request(p: ParsedCommandLine, kind: ExportKind): unknown {
  if (kind === 'documents') {
    if (p.regions.length > 1) throw new UsageError('export documents takes one --region filter (it includes sub-regions)')
    return { kind, filter: p.filter, includeText: p.withText }
  }
  if (!p.regions.length) throw new UsageError(`export ${kind} needs at least one --region R`)
  return { kind, regions: p.regions, asOf: p.asOf ?? null }
}

export async function exportCommand(p: ParsedCommandLine): Promise<number> {
  const [what, ...extra] = p.positionals
  if (!what || !(EXPORT_KINDS as readonly string[]).includes(what) || extra.length) {
    throw new UsageError(`export needs what to export: ${EXPORT_KINDS.join(', ')}`)
  }
  if (!p.out) throw new UsageError('export needs --out FILE')
  const given = p.format ?? path.extname(p.out).slice(1).toLowerCase()
  let format
  try {
    format = checkFormat(given)
  } catch (e) {
    throw new UsageError((e as AppError).message)
  }
  const parsed = ExportRequestSchema.safeParse(request(p, what as ExportKind))
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  const out = path.resolve(p.out)
  return withArchive(p.archive, 'read', async (archive) => {
    let last = ''
    const result = await exportToFile(archive, parsed.data, format, out, p.force, {
      engine: compareEngine,
      progress: (done, total, stage) => {
        const line = `${stage} ${done}/${total}`
        if (line !== last && (done === total || stage !== 'collect' || done % 1000 === 0)) process.stderr.write(`${line}\n`)
        last = line
      }
    })
    const summary = { file: out, format, bytes: result.bytes, documents: result.model.documents.length, measures: result.model.measures.length }
    if (p.json) printJson(summary)
    else process.stderr.write(`wrote ${out} (${result.bytes} bytes; ${summary.documents} source documents, ${summary.measures} measures)\n`)
    return 0
  })
}
