import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ROOT, runCli } from '../helpers/cli'
import { tmpDir } from '../helpers/tmp'

const SEEDS = path.join(ROOT, 'seeds')

// CONTRACT.md's search JSON, exactly.
const SearchJson = z.object({
  total: z.number().int().min(0),
  results: z.array(z.object({ id: z.string(), title: z.string(), date: z.string().nullable(), score: z.number(), snippet: z.string() }))
})

describe('search and list filters on the command line', () => {
  let archive: string
  beforeAll(async () => {
    archive = path.join(tmpDir('pa-cli-search-'), 'archive')
    expect((await runCli(['--archive', archive, 'import', SEEDS])).code).toBe(0)
  }, 120_000)

  it('search --json prints ranked results with marked snippets', async () => {
    const r = await runCli(['--archive', archive, 'search', '聊城', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const out = SearchJson.parse(JSON.parse(r.stdout))
    expect(out.total).toBeGreaterThan(0)
    expect(out.results.length).toBe(Math.min(out.total, 20))
    expect(out.results[0].snippet).toContain('[聊城]')
    const scores = out.results.map((x) => x.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)

    const limited = SearchJson.parse(JSON.parse((await runCli(['--archive', archive, 'search', '聊城', '--limit', '1', '--json'])).stdout))
    expect(limited.results).toHaveLength(1)
    expect(limited.total).toBe(out.total)
  }, 120_000)

  it('takes a province by name, short name or code, in list and search alike', async () => {
    const list = async (region: string): Promise<string[]> =>
      (JSON.parse((await runCli(['--archive', archive, 'list', '--region', region, '--json'])).stdout) as { id: string }[]).map((d) => d.id).sort()
    const byShort = await list('山东')
    expect(byShort.length).toBeGreaterThan(0)
    expect(await list('370000')).toEqual(byShort)
    const search = SearchJson.parse(JSON.parse((await runCli(['--archive', archive, 'search', '疫情', '--region', '山东省', '--limit', '100', '--json'])).stdout))
    expect(search.total).toBeGreaterThan(0)
    for (const r of search.results) expect(byShort).toContain(r.id)
  }, 180_000)

  it('refuses a search without a query and a bad filter', async () => {
    expect((await runCli(['--archive', archive, 'search'])).code).toBe(1)
    expect((await runCli(['--archive', archive, 'search', '疫情', '--measure', 'nonsense'])).code).toBe(1)
  }, 120_000)
})
