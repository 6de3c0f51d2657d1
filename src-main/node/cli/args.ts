// Command-line parsing with node:util parseArgs: one option table for every command, so a filter
// means the same wherever it is accepted.
import { parseArgs } from 'node:util'
import { DocumentFilterSchema, type DocumentFilter } from '../../common/filters'

export class UsageError extends Error {}

export const USAGE = `Usage: policy-archive <command> [options]

Commands:
  extract <file...> --json          run the import pipeline on files; store nothing; print records
  import <path...> [--tag T]... [--json]
                                    import files and folders (recursive)
  list [filters] [--limit N] [--json]
                                    documents, newest first
  show <id> [--json]                one document
  search <query> [filters] [--min-level N] [--limit N] [--json]
                                    ranked results with snippets; words AND, OR, -word or NOT word,
                                    "quoted phrases"; either script finds both
  tag <id...> [--add T]... [--remove T]...
                                    change tags
  reprocess [--all] [--json]        re-run extraction on stored originals; manual corrections are kept
  compare <region...> [--as-of DATE] [--json]
                                    the region × category matrix of measures in force
                                    (regions by name, short name, pinyin initials or code)
  export <documents|summary|compare> --format F --out FILE [filters] [--region R]...
         [--as-of DATE] [--with-text] [--force] [--json]
                                    documents (of the filters), a summary of the regions' measures in
                                    force, or their comparison, as docx, xlsx, csv, md, json or pdf;
                                    --with-text adds each document's text; --force replaces FILE
  check [--json]                    verify the archive (exit 0 only when sound)
  serve [--port N]                  serve the interface on 127.0.0.1; prints the URL with its token

Options:
  --archive PATH     the archive folder (else $POLICY_ARCHIVE, else the desktop app's archive)
  --json             machine-readable output on stdout

Filters: --region NAME|CODE (a name, short name or code; includes sub-regions)
         --type notice|report|news|guide|other  --tag T
         --measure CATEGORY  --from YYYY-MM-DD  --to YYYY-MM-DD
`

export interface ParsedCommandLine {
  command: string | undefined
  positionals: string[]
  archive: string | undefined
  json: boolean
  help: boolean
  all: boolean
  tags: string[]
  add: string[]
  remove: string[]
  limit: number | undefined
  port: number | undefined
  /** compare --as-of: YYYY-MM-DD. */
  asOf: string | undefined
  /** With --measure: at least this level (search). */
  minLevel: number | undefined,
  /** export: every --region given (the filter takes the first). */
  regions: string[]
  format: string | undefined
  out: string | undefined
  force: boolean
  withText: boolean
  filter: DocumentFilter
}

function int(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`)
  return n
}

function isoDate(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new UsageError(`--${name} must be a date written YYYY-MM-DD (got "${v}")`)
  }
  return v
}

export function parseCommandLine(argv: string[]): ParsedCommandLine {
  let values
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        archive: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        all: { type: 'boolean', default: false },
        tag: { type: 'string', multiple: true },
        add: { type: 'string', multiple: true },
        remove: { type: 'string', multiple: true },
        limit: { type: 'string' },
        port: { type: 'string' },
        region: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        'with-text': { type: 'boolean', default: false },
        type: { type: 'string' },
        measure: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'as-of': { type: 'string' },
        'min-level': { type: 'string' }
      }
    }))
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const [command, ...rest] = positionals
  const tags = values.tag ?? []
  const rawFilter = {
    region: values.region?.[0],
    type: values.type,
    // For list/search --tag filters; for import it tags the new documents.
    tag: command === 'import' ? undefined : tags[0],
    measure: values.measure,
    from: values.from,
    to: values.to
  }
  const filter = DocumentFilterSchema.safeParse(Object.fromEntries(Object.entries(rawFilter).filter(([, v]) => v !== undefined)))
  if (!filter.success) {
    throw new UsageError(filter.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '))
  }
  return {
    command,
    positionals: rest,
    archive: values.archive,
    json: values.json ?? false,
    help: values.help ?? false,
    all: values.all ?? false,
    tags,
    add: values.add ?? [],
    remove: values.remove ?? [],
    limit: int('limit', values.limit, 1, 10_000_000),
    port: int('port', values.port, 0, 65535),
    asOf: isoDate('as-of', values['as-of']),
    minLevel: int('min-level', values['min-level'], 0, 4),
    regions: values.region ?? [],
    format: values.format,
    out: values.out,
    force: values.force ?? false,
    withText: values['with-text'] ?? false,
    filter: filter.data
  }
}
