// `search <query> [filters] [--limit N] [--json]`: ranked results with snippets (CONTRACT.md).
import type { ParsedCommandLine } from '../args'
import { UsageError } from '../args'
import { printJson, withArchive } from './open-archive'
import { searchDocuments } from '../../search/search'
import { flushSearchIndex } from '../../search/engine'
import { SearchFilterSchema, type SearchFilter } from '../../../common/search'
import type { DocumentFilter } from '../../../common/filters'

export function searchFilterOf(f: DocumentFilter, minLevel: number | undefined): SearchFilter {
  const parsed = SearchFilterSchema.safeParse({ region: f.region, type: f.type, tag: f.tag, measure: f.measure, from: f.from, to: f.to, minLevel })
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '))
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as SearchFilter
}

export async function searchCommand(p: ParsedCommandLine): Promise<number> {
  if (!p.positionals.length) throw new UsageError('search needs a query (quote it when it has spaces)')
  const query = p.positionals.join(' ')
  const filter = searchFilterOf(p.filter, p.minLevel)
  return withArchive(p.archive, 'read', async (archive) => {
    const r = searchDocuments(archive, { query, filter, limit: p.limit ?? 20, facets: false })
    await flushSearchIndex(archive)
    if (p.json) {
      printJson({ total: r.total, results: r.results.map((x) => ({ id: x.id, title: x.title, date: x.date, score: x.score, snippet: x.snippet })) })
    } else {
      for (const x of r.results) process.stdout.write(`${x.id}  ${x.date ?? '----------'}  ${x.title}\n    ${x.snippet}\n`)
      process.stderr.write(`${r.results.length} of ${r.total} documents (${r.ms} ms)\n`)
    }
    return 0
  })
}
