// `npx tsx test/bench/search-only.ts DIR [--rounds N] [--json] [--each] [--dump FILE] [--no-warm]` (--each: wall and CPU ms per query
// and round): the bench's search workload alone, over an archive
// left by `npm run bench -- --keep DIR`, opened read-only: p50/p95 wall and CPU time per query and where the
// time goes (summed per phase), so search changes can be measured in seconds instead of a full bench run.
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { Archive } from '../../src-main/node/archive/archive'
import { searchDocuments, searchProfile } from '../../src-main/node/search/search'
import { searchEngine } from '../../src-main/node/search/engine'
import { BENCH_QUERIES } from './search-queries'
import { enableSearchWarmup, searchWarmed } from '../../src-main/node/search/warm'

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string' }, json: { type: 'boolean' }, each: { type: 'boolean' }, dump: { type: 'string' }, 'no-warm': { type: 'boolean' } } })
  const dir = positionals[0]
  if (!dir) throw new Error('usage: search-only.ts ARCHIVE_DIR [--rounds N] [--json] [--each] [--dump FILE]')
  // As the app does (--no-warm: the first queries run the code cold, as the command line does).
  if (!values['no-warm']) enableSearchWarmup()
  const rss0 = process.memoryUsage().rss
  const l0 = performance.now()
  const archive = await Archive.open(dir, { readOnly: true, verifyJournal: false })
  const loadMs = performance.now() - l0
  const rssOpen = process.memoryUsage().rss
  const e0 = performance.now()
  const engine = searchEngine(archive)
  await searchWarmed()
  const engineMs = performance.now() - e0
  const rssIndex = process.memoryUsage().rss
  const wall: number[] = []
  const cpu: number[] = []
  const perQuery = new Map<string, number[]>()
  const lastPhases = new Map<string, string>()
  // --dump FILE: every answer of the first round (to check a change keeps results identical).
  const dump: unknown[] = []
  searchProfile.on = true
  const rounds = Number(values.rounds ?? 2)
  let firstRound: Record<string, number> = {}
  for (let round = 0; round < rounds; round++) {
    // Phases of the first (cold) round and of the rest apart: JIT warm-up and lazy loads go to the first.
    if (round === 1) {
      firstRound = searchProfile.phases
      searchProfile.phases = {}
    }
    for (const q of BENCH_QUERIES) {
      const before = { ...searchProfile.phases }
      const c = process.cpuUsage()
      const t = performance.now()
      const r = searchDocuments(archive, { query: q.query, filter: q.filter, limit: 50 })
      const ms = performance.now() - t
      if (round === 0 && values.dump) dump.push({ q, total: r.total, results: r.results, facets: r.facets })
      wall.push(ms)
      cpu.push(cpuMs(process.cpuUsage(c)))
      const key = `${q.query} ${q.filter ? JSON.stringify(q.filter) : ''} → ${r.total}`
      perQuery.set(key, [...(perQuery.get(key) ?? []), ms, cpu[cpu.length - 1]])
      if (round === rounds - 1) lastPhases.set(key, Object.entries(searchProfile.phases).map(([k, v]) => `${k} ${(v - (before[k] ?? 0)).toFixed(1)}`).join(' '))
    }
  }
  const perQ = (p: Record<string, number>, n: number): Record<string, number> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Math.round((v / n) * 100) / 100]))
  const n = BENCH_QUERIES.length
  const out = {
    origin: engine.stats.origin,
    load_ms: Math.round(loadMs),
    index_ms: Math.round(engineMs),
    rss_open_mb: Math.round(rssOpen / 1048576),
    rss_index_mb: Math.round(rssIndex / 1048576),
    rss_start_mb: Math.round(rss0 / 1048576),
    p50_ms: percentile(wall, 50),
    p95_ms: percentile(wall, 95),
    max_ms: percentile(wall, 100),
    cpu_p50_ms: percentile(cpu, 50),
    cpu_p95_ms: percentile(cpu, 95),
    // CPU ms per query, by phase.
    phases_first_round: perQ(firstRound, n),
    phases_later_rounds: perQ(searchProfile.phases, n * Math.max(1, rounds - 1))
  }
  if (values.dump) fs.writeFileSync(values.dump, JSON.stringify(dump, null, 1))
  if (values.each) for (const [k, v] of perQuery) process.stdout.write(`${v.map((x) => x.toFixed(1).padStart(7)).join('')}  ${k}  [${lastPhases.get(k)}]\n`)
  process.stdout.write(values.json ? `${JSON.stringify(out)}\n` : `${JSON.stringify(out, null, 1)}\n`)
  await archive.close()
}

main().catch((e) => {
  process.stderr.write(`search-only: ${(e as Error).stack}\n`)
  process.exitCode = 1
})
