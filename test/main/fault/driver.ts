// A child process for the fault tests (kill.test.ts): opens an archive, drives the real ApiService the
// way the interface does, and prints one NDJSON line per acknowledged operation (after the call has
// returned, i.e. after its journal record was fsynced). The test kills it with SIGKILL at a random
// moment and then checks that every acknowledged change is in the archive.
//
//   node driver.js <archive> <tagging|correction|reprocess|snapshot> <seed> <run>
// (the test bundles it with esbuild first: loading the module graph through tsx on every start cost
// several seconds per kill on a busy machine).
//
// Lines: {"event":"ready"} once open; {"event":"intent",...} just before a change whose effect is an
// overwrite (so the test knows which unacknowledged value may have landed); {"event":"ack",...} after.
import { Archive } from '../../../src-main/node/archive/archive'
import { ApiService } from '../../../src-main/node/services/api-service'
import { EventBus } from '../../../src-main/node/services/event-bus'
import type { DocumentRecord } from '../../../src-main/common/record'
import type { ListResult } from '../../../src-main/common/api/contract'
import { seededRandom } from './random'

const [dir, mode, seedArg, runArg] = process.argv.slice(2)
const random = seededRandom(Number(seedArg))
const run = Number(runArg)
/** Far more operations than any kill lets through; the test fails if a run ends on its own too early. */
const MAX_OPS = 400

const print = (line: Record<string, unknown>): void => {
  // Writes to a pipe are synchronous on Linux: once this returns, the line is the parent's to read.
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

const bus = new EventBus()
let archive: Archive
let api: ApiService
let ids: string[] = []

async function call<T>(op: string, args: unknown): Promise<T> {
  const r = await api.dispatch(op, args)
  if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`)
  return r.result as T
}

const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]

/** Resolves with the first bus event `match` accepts (returning true), or rejects with what it throws. */
function waitFor(match: (name: string, payload: Record<string, unknown>) => boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const off = bus.on((name, p) => {
      try {
        if (!match(name, p as Record<string, unknown>)) return
        off()
        resolve()
      } catch (e) {
        off()
        reject(e as Error)
      }
    })
  })
}

/** Bulk tags with a fresh tag each time, and now and then a new rule saved and run over the archive. */
async function tagging(n: number): Promise<void> {
  if (random() < 0.2) {
    const word = pick(['口罩', '核酸', '隔离', '聚集', '扫码'])
    const tag = `规则/${run}-${n}`
    const rule = await call<{ id: string }>('tags.rules.save', { name: `故障规则${run}-${n}`, tag, match: { kind: 'words', mode: 'any', words: [word] } })
    print({ event: 'ack', op: 'rule-saved', rule: rule.id, tag })
    const { jobId } = await call<{ jobId: string }>('tags.rules.run', { id: rule.id })
    await waitFor((name, e) => {
      if (name !== 'tags.progress' || e.jobId !== jobId || !e.finished) return false
      if (e.error) throw new Error(String(e.error))
      return true
    })
    print({ event: 'ack', op: 'rule-run', rule: rule.id, tag })
    return
  }
  const chosen = [...new Set(Array.from({ length: 1 + Math.floor(random() * 20) }, () => pick(ids)))]
  const tag = `批次/${run}-${n}`
  await call('documents.tag', { ids: chosen, add: [tag], remove: [] })
  print({ event: 'ack', op: 'tag', ids: chosen, tag })
}

/** Field edits, measure edits and added measures: each new value is unique, so it can be traced. */
async function correction(n: number): Promise<void> {
  const id = pick(ids)
  const value = `更正${run}-${n}`
  const kind = random()
  if (kind < 0.4) {
    print({ event: 'intent', key: `title:${id}`, value })
    await call('documents.update', { id, patch: { title: value, issuer: `${value}指挥部` } })
    print({ event: 'ack', op: 'field', key: `title:${id}`, value })
    return
  }
  const doc = await call<DocumentRecord>('documents.get', { id })
  const measure = doc.measures.find((m) => m.id)
  if (kind < 0.7 && measure) {
    print({ event: 'intent', key: `target:${measure.id}`, value })
    await call('measures.update', { id: measure.id, patch: { target: value, level: 1 + (n % 3) } })
    print({ event: 'ack', op: 'measure', key: `target:${measure.id}`, value })
    return
  }
  const before = new Set(doc.measures.map((m) => m.id))
  const end = Math.min(doc.text.length, 1 + Math.floor(random() * 20))
  const after = await call<DocumentRecord>('measures.add', { documentId: id, measure: { category: 'testing', level: 2, target: value, start: 0, end } })
  const added = after.measures.find((m) => m.id && !before.has(m.id))
  // Later edits of this measure overwrite its target: the test follows it under the same key.
  print({ event: 'ack', op: 'measure-added', key: `target:${added?.id}`, document: id, measure: added?.id, value })
}

/** Re-processing every original: one line per original committed (import.progress after its write). */
async function reprocess(): Promise<void> {
  const { jobId } = await call<{ jobId: string }>('archive.reprocess', { all: false })
  await waitFor((name, e) => {
    if (e.jobId !== jobId) return false
    if (name === 'import.progress' && e.current && e.done) print({ event: 'ack', op: 'reprocessed', path: e.current })
    return name === 'import.done'
  })
}

/** A tag write, then a full snapshot, over and over: most of the time goes to writing the snapshot. */
async function snapshot(n: number): Promise<void> {
  const id = pick(ids)
  const tag = `快照/${run}-${n}`
  await call('documents.tag', { ids: [id], add: [tag], remove: [] })
  print({ event: 'ack', op: 'tag', ids: [id], tag })
  print({ event: 'snapshot-start', sequence: archive.sequence })
  const t0 = performance.now()
  await archive.snapshot()
  print({ event: 'snapshot-done', ms: Math.round(performance.now() - t0) })
}

async function main(): Promise<void> {
  // Idle snapshots stay out of the way except in the snapshot scenario, which takes them explicitly.
  archive = await Archive.open(dir, { idleSnapshotMs: 60_000 })
  api = new ApiService(archive, bus, { mode: 'serve', version: 'fault-test' })
  ids = (await call<ListResult>('documents.list', { limit: 1000 })).rows.map((d) => d.id)
  print({ event: 'ready', documents: ids.length, sequence: archive.sequence })
  if (mode === 'reprocess') await reprocess()
  else {
    const step = { tagging, correction, snapshot }[mode]
    if (!step) throw new Error(`unknown mode ${mode}`)
    for (let n = 0; n < MAX_OPS; n++) await step(n)
  }
  await api.shutdown()
  await archive.close()
  print({ event: 'done' })
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`)
  process.exit(1)
})
