// `compare` on the seed archive, through the real command line.
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, runCli } from '../helpers/cli'
import { tmpDir } from '../helpers/tmp'

interface Json {
  asOf: string | null
  regions: { name: string; code: string; index: number | null }[]
  categories: string[]
  cells: { region: string; category: string; level: number; params: object; text: string; documentId: string; date: string | null; documents: number }[]
}

describe('compare on the command line', () => {
  let archive: string
  let files: Map<string, string>

  beforeAll(async () => {
    archive = path.join(tmpDir('pa-cmp-cli-'), 'archive')
    const r = await runCli(['--archive', archive, 'import', path.join(ROOT, 'seeds'), '--json'])
    expect(r.code).toBe(0)
    files = new Map()
    for (const line of r.stdout.split('\n').filter(Boolean)) {
      const e = JSON.parse(line) as { event: string; id?: string; file?: string }
      if (e.event === 'imported') files.set(e.id!, path.basename(e.file!))
    }
  }, 120_000)

  it('prints the contract JSON: every cell cites a document of its own region', async () => {
    const r = await runCli(['--archive', archive, 'compare', '聊城市', '太原市', '吉林省', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as Json
    expect(out.asOf).toBeNull()
    expect(out.regions.map((g) => [g.name, g.code])).toEqual([['聊城市', '371500'], ['太原市', '140100'], ['吉林省', '220000']])
    for (const g of out.regions) expect(typeof g.index === 'number' || g.index === null).toBe(true)
    const sources: Record<string, string[]> = { '371500': ['000', '002'], '140100': ['001'], '220000': ['003', '004'] }
    for (const [code, prefixes] of Object.entries(sources)) {
      const cells = out.cells.filter((c) => c.region === code)
      expect(cells.length).toBeGreaterThanOrEqual(3)
      for (const c of cells) {
        expect(prefixes.some((p) => files.get(c.documentId)?.startsWith(p)), `${code} ${c.category} cites ${files.get(c.documentId)}`).toBe(true)
        expect(c.documents).toBeGreaterThanOrEqual(1)
        expect(out.categories).toContain(c.category)
      }
    }
  }, 60_000)

  it('accepts short names and pinyin initials, prints a table, and takes --as-of', async () => {
    const r = await runCli(['--archive', archive, 'compare', '聊城', 'ty', '--as-of', '2022-03-01'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('as of 2022-03-01')
    expect(r.stdout).toMatch(/聊城市\s+太原市/)
    expect(r.stdout).toContain('Sources:')
  }, 60_000)

  it('an unknown or ambiguous region, or a bad date, is a usage error listing what it could be', async () => {
    const unknown = await runCli(['--archive', archive, 'compare', '聊城市', '火星市'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('no region "火星市"')
    expect(unknown.stdout).toBe('')
    const ambiguous = await runCli(['--archive', archive, 'compare', '吉林'])
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toMatch(/"吉林" is ambiguous; did you mean: .*吉林省 \(220000\)/)
    expect(ambiguous.stderr).toContain('吉林市 (220200)')
    const badDate = await runCli(['--archive', archive, 'compare', '聊城市', '--as-of', '2022-02-30'])
    expect(badDate.code).toBe(1)
    expect(badDate.stderr).toContain('--as-of must be a date written YYYY-MM-DD')
  }, 60_000)
})
