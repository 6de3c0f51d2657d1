// `npm run bench -- [--docs N] [--corpus DIR] [--text] [--keep DIR] [--json]` (--text: plain-text files only, in mixed encodings;
// --keep: leave the archive in DIR for later measurements): the real pipeline into a fresh archive,
// with the figures CONTRACT.md names. Figures for features not built yet are null, never estimated.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Archive } from '../../src-main/node/archive/archive'
import { listSummaries } from '../../src-main/node/archive/documents-read'
import { runImport } from '../../src-main/node/services/import-job'
import { searchDocuments } from '../../src-main/node/search/search'
import { flushSearchIndex, searchEngine } from '../../src-main/node/search/engine'
import { indexFile } from '../../src-main/node/search/persist'
import { enableSearchWarmup, searchWarmed } from '../../src-main/node/search/warm'
import { BENCH_QUERIES } from './search-queries'
import { generateCorpus } from './generate-corpus'
import { PipelinePool } from '../../src-main/node/services/pipeline-pool'
import { randomUUID } from 'node:crypto'
import { compareRegions, flattenTree, regionTree } from '../../src-main/node/compare'
import { buildModel } from '../../src-main/node/export/run'
import { compareEngine } from '../../src-main/node/export/engine'
import { renderDocx } from '../../src-main/node/export/docx'

function dirSize(dir: string): number {
  let n = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    n += e.isDirectory() ? dirSize(p) : fs.statSync(p).size
  }
  return n
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100
}

async function main(): Promise<void> {
  // As in the app (ApiService): the search code is warmed in the background when the engine is first ready;
  // the queries below wait for it as a person takes a moment to type (its time is inside index_build_ms).
  enableSearchWarmup()
  const { values } = parseArgs({ options: { docs: { type: 'string' }, corpus: { type: 'string' }, json: { type: 'boolean' }, bytes: { type: 'string' }, text: { type: 'boolean' }, keep: { type: 'string' } } })
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-bench-'))
  let peakRss = process.memoryUsage().rss
  // The peak of each phase too: where the memory goes (import, search index, snapshot, reopening).
  let phase = 'import'
  const phasePeak: Record<string, number> = {}
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss
    peakRss = Math.max(peakRss, rss)
    phasePeak[phase] = Math.max(phasePeak[phase] ?? 0, Math.round(rss / 1048576))
  }, 50)
  try {
    let corpus = values.corpus ? path.resolve(values.corpus) : path.join(work, 'corpus')
    let bytes: number
    if (values.corpus) bytes = dirSize(corpus)
    else {
      const n = Number(values.docs ?? 10_000)
      process.stderr.write(`generating ${n} documents…\n`)
      bytes = await generateCorpus(corpus, n, Number(values.bytes ?? 5000), values.text ? 'text' : 'mixed')
    }
    corpus = path.resolve(corpus)
    const archiveDir = values.keep ? path.resolve(values.keep) : path.join(work, 'archive')
    if (values.keep && fs.existsSync(archiveDir) && fs.readdirSync(archiveDir).length) throw new Error(`${archiveDir} is not empty`)
    // Snapshots during the import at the app's cadence (every 32 MB of journal), in the snapshot worker as in the app.
    const archive = await Archive.open(archiveDir, { idleSnapshotMs: 3_600_000 })
    const pool = new PipelinePool()
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    const done = await runImport(archive, randomUUID(), { kind: 'paths', paths: [corpus] }, [], {
      pool,
      progressEveryMs: 2000,
      progress: (e) => process.stderr.write(`${e.done}/${e.total} · ${e.perSecond}/s\n`),
      item: (e) => {
        if (e.outcome === 'error') process.stderr.write(`error ${e.file}: ${e.reason}\n`)
      }
    })
    const importMs = performance.now() - t0
    const importCpu = process.cpuUsage(cpu0)
    await pool.close()
    // The index is built on the first search after the import (then kept current and saved beside the database).
    phase = 'search_index'
    const b0 = performance.now()
    searchEngine(archive)
    await searchWarmed()
    const indexBuildMs = performance.now() - b0
    const times: number[] = []
    for (let round = 0; round < 2; round++) {
      for (const q of BENCH_QUERIES) {
        const t = performance.now()
        searchDocuments(archive, { query: q.query, filter: q.filter, limit: 50 })
        times.push(performance.now() - t)
      }
    }
    // Compare: the ten regions with the most documents, as of today; the first (cold) call is the figure.
    phase = 'compare_export'
    const compareKeys = flattenTree(regionTree(archive))
      .filter((n) => n.level !== 'province')
      .sort((a, b) => b.documents - a.documents)
      .slice(0, 10)
      .map((n) => n.key)
    let compareMs: number | null = null
    let compareCpuMs: number | null = null
    if (compareKeys.length) {
      const c0 = performance.now()
      const cpu = process.cpuUsage()
      compareRegions(archive, compareKeys, null)
      compareMs = Math.round((performance.now() - c0) * 10) / 10
      const used = process.cpuUsage(cpu)
      // CPU time of the call: on a shared machine the wall time also counts waiting for a core.
      compareCpuMs = Math.round((used.user + used.system) / 100) / 10
    }
    await flushSearchIndex(archive)
    const indexBytes = fs.statSync(indexFile(archiveDir)).size
    // Export: a Word summary of the same ten regions, model and file.
    let exportDocxMs: number | null = null
    let exportDocxCpuMs: number | null = null
    if (compareKeys.length) {
      const e0 = performance.now()
      const cpu = process.cpuUsage()
      const model = await buildModel(archive, { kind: 'summary', regions: compareKeys, asOf: null }, compareEngine)
      await renderDocx(model)
      exportDocxMs = Math.round(performance.now() - e0)
      const used = process.cpuUsage(cpu)
      exportDocxCpuMs = Math.round((used.user + used.system) / 1000)
    }
    // The longest wait of an interface call (the library's first page: documents.list as the library asks
    // it, unfiltered, newest first, 50 rows) issued every 10 ms during the save:
    // its delay past the moment it was due plus its own time.
    phase = 'save'
    const s0 = performance.now()
    let saveWaitMs = 0
    let due = performance.now() + 10
    const probe = setInterval(() => {
      listSummaries(archive, {}, { sort: 'newest', limit: 50 })
      saveWaitMs = Math.max(saveWaitMs, performance.now() - due)
      due = performance.now() + 10
    }, 10)
    const snap = await archive.snapshot()
    clearInterval(probe)
    saveWaitMs = Math.max(saveWaitMs, performance.now() - due)
    const saveMs = performance.now() - s0
    await archive.close()
    phase = 'reopen'
    const l0 = performance.now()
    const reopened = await Archive.open(archiveDir)
    const loadMs = performance.now() - l0
    const i0 = performance.now()
    const loaded = searchEngine(reopened)
    const indexLoadMs = performance.now() - i0
    if (loaded.stats.origin !== 'loaded') throw new Error('the saved search index was not used on reopening')
    await reopened.close()
    clearInterval(sampler)
    const docs = done.imported + done.duplicates
    const result = {
      docs,
      files: fs.readdirSync(corpus).length,
      bytes,
      import_ms: Math.round(importMs),
      import_docs_per_s: Math.round((docs / importMs) * 1000 * 10) / 10,
      import_errors: done.errors,
      // CPU time of every thread (main and workers) per document: what bounds throughput on few cores.
      import_cpu_ms_per_doc: Math.round(((importCpu.user + importCpu.system) / 1000 / Math.max(1, docs)) * 100) / 100,
      search_p50_ms: percentile(times, 50),
      search_p95_ms: percentile(times, 95),
      compare_ms: compareMs,
      compare_cpu_ms: compareCpuMs,
      compare_regions: compareKeys.length,
      search_max_ms: percentile(times, 100),
      search_queries: BENCH_QUERIES.length,
      index_build_ms: Math.round(indexBuildMs),
      index_bytes: indexBytes,
      index_load_ms: Math.round(indexLoadMs),
      export_docx_ms: exportDocxMs,
      export_docx_cpu_ms: exportDocxCpuMs,
      save_ms: Math.round(saveMs),
      save_export_ms: snap ? Math.round(snap.exportMs) : null,
      save_steps: snap
        ? Object.fromEntries(Object.entries({ waited: snap.waitedMs, load: snap.loadMs, replay: snap.replayMs, replayed: snap.replayed, export: snap.exportMs, write: snap.writeMs }).map(([k, v]) => [k, v === undefined ? null : Math.round(v)]))
        : null,
      save_in_worker: snap?.worker ?? null,
      save_api_wait_max_ms: Math.round(saveWaitMs),
      load_ms: Math.round(loadMs),
      load_steps: Object.fromEntries(Object.entries(reopened.openTimings).map(([k, v]) => [k, Math.round(v)])),
      peak_rss_mb: Math.round(peakRss / 1048576),
      peak_rss_mb_by_phase: phasePeak,
      archive_bytes: dirSize(archiveDir),
      database_bytes: fs.statSync(path.join(archiveDir, 'archive.sqlite')).size,
      database_per_input_byte: Math.round((fs.statSync(path.join(archiveDir, 'archive.sqlite')).size / bytes) * 100) / 100
    }
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else for (const [k, v] of Object.entries(result)) process.stdout.write(`${k.padEnd(24)} ${typeof v === 'object' && v ? JSON.stringify(v) : v}\n`)
  } finally {
    clearInterval(sampler)
    fs.rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack}\n`)
  process.exitCode = 1
})
