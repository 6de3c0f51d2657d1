// `compare <region...> [--as-of DATE] [--json]`: the region × category matrix (CONTRACT.md), as JSON
// or as a table. Regions are named as a person types them (聊城市, 聊城, lc, 371500); an unknown or
// ambiguous name is a usage error that lists the candidates.
import type { ParsedCommandLine } from '../args'
import { UsageError } from '../args'
import { printJson, withArchive } from './open-archive'
import { compareRegions, flattenTree, regionTree, resolveRegionName, CATEGORY_ZH, paramsInWords, levelPhrase } from '../../compare'
import type { CompareCell, CompareResult } from '../../../common/compare'

const MAX_REGIONS = 12

export async function compareCommand(p: ParsedCommandLine): Promise<number> {
  if (!p.positionals.length) throw new UsageError('compare needs at least one region (a name, short name, pinyin initials or code)')
  if (p.positionals.length > MAX_REGIONS) throw new UsageError(`compare takes at most ${MAX_REGIONS} regions`)
  return withArchive(p.archive, 'read', async (archive) => {
    const tree = regionTree(archive)
    const keys = p.positionals.map((q) => {
      const hits = resolveRegionName(archive, q, tree)
      if (hits.length === 1) return hits[0].key
      if (hits.length > 1) {
        throw new UsageError(`"${q}" is ambiguous; did you mean: ${hits.slice(0, 12).map((h) => `${h.name} (${h.key})`).join(', ')}`)
      }
      const near = flattenTree(tree)
        .filter((n) => [...q].some((ch) => n.name.includes(ch)))
        .slice(0, 12)
      throw new UsageError(
        `no region "${q}"` + (near.length ? `; regions in this archive with a similar name: ${near.map((n) => `${n.name} (${n.key})`).join(', ')}` : '')
      )
    })
    const result = compareRegions(archive, keys, p.asOf ?? null)
    if (p.json) printJson(result)
    else process.stdout.write(renderTable(result))
    return 0
  })
}

/** Display width in a terminal: CJK characters take two columns. */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)))
}

function clip(s: string, w: number): string {
  if (width(s) <= w) return s
  let out = ''
  for (const ch of s) {
    if (width(out + ch) > w - 1) break
    out += ch
  }
  return `${out}…`
}

function cellText(c: CompareCell | undefined): string {
  if (!c) return '—'
  if (c.lifted) return '已解除'
  const words = paramsInWords(c.params)
  let s = `${c.level} ${words || levelPhrase(c.category, c.level)}`
  if (c.inherited) s += ` ↑${c.inherited.name}`
  if (!c.date) s += ' ?'
  return s
}

export function renderTable(r: CompareResult): string {
  const colW = 22
  const firstW = 16
  const lines: string[] = []
  lines.push(`as of ${r.effectiveAsOf}${r.asOf ? '' : ' (today)'}`)
  lines.push(pad('', firstW) + r.regions.map((g) => pad(clip(g.name, colW - 2), colW)).join(''))
  lines.push(pad('综合指数 index', firstW) + r.regions.map((g) => pad(g.index === null ? '—' : String(g.index), colW)).join(''))
  for (const row of r.rows) {
    const cells = r.regions.map((g) => {
      const c = r.cells.find((x) => x.regionKey === g.key && x.category === row.category)
      const mark = row.strictest.includes(g.key) ? '*' : ''
      return pad(clip(cellText(c) + mark, colW - 2), colW)
    })
    lines.push(pad(clip(CATEGORY_ZH[row.category], firstW - 2), firstW) + cells.join(''))
  }
  lines.push('', 'level 0–4 with parameters; * strictest; ↑ inherited from the named parent; ? date unknown (undated documents only)')
  const differing = r.rows.filter((x) => x.difference)
  if (differing.length) {
    lines.push('', 'Differences:')
    for (const row of differing) lines.push(`  ${CATEGORY_ZH[row.category]}：${row.difference}`)
  }
  lines.push('', 'Sources:')
  for (const g of r.regions) {
    lines.push(`  ${g.name} (${g.key})`)
    for (const c of r.cells.filter((x) => x.regionKey === g.key)) {
      const more = c.documents > 1 ? ` +${c.documents - 1}` : ''
      lines.push(`    ${pad(CATEGORY_ZH[c.category], 16)} ${c.date ?? '日期不详'}  ${c.documentId}${more}  ${clip(c.title, 40)}`)
    }
  }
  if (r.undated.length) lines.push('', `${r.undated.length} measures come from undated documents; they fill a cell only where no dated measure is in force (--json lists them under "undated").`)
  return `${lines.join('\n')}\n`
}
