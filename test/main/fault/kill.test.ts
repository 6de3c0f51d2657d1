// Fault tests: a child process (driver.ts) drives the real ApiService over an archive and is killed with
// SIGKILL at seeded random moments — while tagging, correcting, re-processing and writing snapshots.
// Afterwards the real `check` command must pass and every acknowledged change must be in the archive.
// Sizes are small enough for CI (a few kills per scenario); the generator's seed makes a failure reproducible.
import fs from 'node:fs'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { getRecord } from '../../../src-main/node/archive/documents-read'
import { updateFields } from '../../../src-main/node/archive/corrections'
import { listRules, runRules } from '../../../src-main/node/tags/rule-store'
import { EXTRACTOR_VERSION } from '../../../src-main/node/extract/extract'
import { ndjson, ROOT } from '../helpers/cli'
import { writeCorpus } from '../helpers/corpus'
import { tmpDir } from '../helpers/tmp'
import { seededRandom } from './random'

/** The driver, the command line and the pipeline worker, bundled once (beforeAll) so each start is quick. */
let bundle = ''
/** The bundle keeps packages external: they resolve from the checkout's node_modules. */
const env = { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') }

/** The real command line, from the bundle. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(bundle, 'cli.js'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
const KILLS = 4
type Line = Record<string, unknown>

/** When to kill: `after` lines of kind `on` (counted from the start of the run), then `ms` later. */
interface Moment {
  on: 'ready' | 'ack' | 'snapshot-start'
  after: number
  ms: number
}

interface Run {
  lines: Line[]
  killed: boolean
}

function driveAndKill(archive: string, mode: string, seed: number, run: number, moment: Moment | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(bundle, 'driver.js'), archive, mode, String(seed), String(run)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let seen = 0
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (d: Buffer) => {
      const chunk = d.toString()
      stdout += chunk
      if (!moment || timer) return
      seen += chunk.split(`"event":"${moment.on}"`).length - 1
      if (seen >= moment.after) timer = setTimeout(() => child.kill('SIGKILL'), moment.ms)
    })
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`driver ${mode} run ${run} failed (${code}): ${stderr}`))
      // A line cut by the kill was never acknowledged: only complete lines count.
      else resolve({ lines: ndjson(stdout.slice(0, stdout.lastIndexOf('\n') + 1)), killed: signal === 'SIGKILL' })
    })
  })
}

/** Runs the driver KILLS times, each killed at a moment `choose` picks; returns every line in order. */
async function killRepeatedly(archive: string, mode: string, seed: number, choose: (random: () => number, run: number) => Moment): Promise<{ lines: Line[]; runs: Run[] }> {
  const random = seededRandom(seed)
  const runs: Run[] = []
  for (let run = 0; run < KILLS; run++) runs.push(await driveAndKill(archive, mode, seed + run, run, choose(random, run)))
  return { lines: runs.flatMap((r) => r.lines), runs }
}

async function expectCheckPasses(archive: string): Promise<void> {
  const check = await cli(['--archive', archive, 'check', '--json'])
  expect(JSON.parse(check.stdout).problems).toEqual([])
  expect(check.code).toBe(0)
}

const acks = (lines: Line[], op: string): Line[] => lines.filter((l) => l.event === 'ack' && l.op === op)

describe('SIGKILL at random moments loses no acknowledged change', () => {
  let base: string
  const root = tmpDir('pa-fault-')
  const copyBase = (name: string): string => {
    const dir = path.join(root, name)
    fs.cpSync(base, dir, { recursive: true })
    return dir
  }

  beforeAll(async () => {
    base = path.join(root, 'base')
    writeCorpus(path.join(root, 'corpus'), 3, 40)
    bundle = path.join(root, 'bundle')
    await build({
      entryPoints: {
        driver: path.join(__dirname, 'driver.ts'),
        cli: path.join(ROOT, 'src-main/node/cli/main.ts'),
        // Next to the entry points is where the pool looks for a built worker.
        'pipeline-worker': path.join(ROOT, 'src-main/node/workers/pipeline-worker.ts')
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      outdir: bundle,
      logLevel: 'warning'
    })
    const r = await cli(['--archive', base, 'import', path.join(root, 'corpus'), '--json'])
    expect(r.code, r.stderr).toBe(0)
  }, 120_000)

  it('while tagging: bulk tags and tag-rule runs', async () => {
    const archive = copyBase('tagging')
    const { lines, runs } = await killRepeatedly(archive, 'tagging', 0x7a61, (random) => ({ on: 'ack', after: 1 + Math.floor(random() * 25), ms: Math.floor(random() * 40) }))
    expect(runs.every((r) => r.killed)).toBe(true)
    const tagged = acks(lines, 'tag')
    expect(tagged.length).toBeGreaterThan(KILLS)
    await expectCheckPasses(archive)

    const a = await Archive.open(archive)
    try {
      for (const t of tagged) for (const id of t.ids as string[]) expect(getRecord(a, id)?.tags, `${t.tag} on ${id}`).toContain(t.tag)
      const rules = new Set(listRules(a).map((r) => r.id))
      for (const r of acks(lines, 'rule-saved')) expect(rules.has(String(r.rule))).toBe(true)
      // A rule run that was acknowledged finished: running the rule again finds nothing left to tag.
      for (const r of acks(lines, 'rule-run')) {
        const again = await runRules(a, { ruleId: String(r.rule) })
        expect({ rule: r.tag, added: again.added, removed: again.removed }).toEqual({ rule: r.tag, added: 0, removed: 0 })
        expect(a.get<{ n: number }>('SELECT COUNT(*) AS n FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE t.name = ?', [String(r.tag)])!.n).toBeGreaterThan(0)
      }
    } finally {
      await a.close()
    }
  }, 120_000)

  it('while correcting fields and measures', async () => {
    const archive = copyBase('correction')
    const { lines, runs } = await killRepeatedly(archive, 'correction', 0xc0de, (random) => ({ on: 'ack', after: 1 + Math.floor(random() * 25), ms: Math.floor(random() * 40) }))
    expect(runs.every((r) => r.killed)).toBe(true)
    await expectCheckPasses(archive)

    // Overwrites: the value must be the last acknowledged one, or one that was sent after it and never
    // acknowledged (the kill came between its fsync and its line).
    const allowed = new Map<string, Set<string>>()
    for (const l of lines) {
      if (l.event === 'ack' && typeof l.key === 'string') allowed.set(l.key, new Set([String(l.value)]))
      else if (l.event === 'intent' && allowed.has(String(l.key))) allowed.get(String(l.key))!.add(String(l.value))
    }
    expect(allowed.size).toBeGreaterThan(3)
    const a = await Archive.open(archive, { readOnly: true })
    try {
      for (const [key, values] of allowed) {
        const [kind, id] = key.split(':')
        if (kind === 'title') {
          const doc = getRecord(a, id)!
          expect(values, key).toContain(doc.title)
          // One write carries both fields: never one without the other.
          expect(doc.issuer).toBe(`${doc.title}指挥部`)
        } else {
          const m = a.get<{ target: string }>('SELECT target FROM measures WHERE id = ?', [id])
          expect(values, key).toContain(m?.target)
        }
      }
      for (const l of acks(lines, 'measure-added')) {
        expect(a.get('SELECT document_id, manual FROM measures WHERE id = ?', [String(l.measure)]), String(l.value)).toEqual({ document_id: l.document, manual: 1 })
      }
    } finally {
      await a.close()
    }
  }, 120_000)

  it('while re-processing, and a later run finishes the rest', async () => {
    const archive = copyBase('reprocess')
    const before = await Archive.open(archive)
    // As if the documents came from an older extractor; a person's correction must survive re-processing.
    before.write((tx) => tx.run('UPDATE documents SET extractor_version = 0'))
    const corrected = before.column<string>('SELECT id FROM documents ORDER BY id LIMIT 3')
    for (const id of corrected) updateFields(before, id, { title: `人工标题 ${id}` })
    const ids = before.column<string>('SELECT id FROM documents ORDER BY id')
    await before.close()

    const { lines, runs } = await killRepeatedly(archive, 'reprocess', 0x5e9, (random, run) =>
      run === 0 ? { on: 'ready', after: 1, ms: Math.floor(random() * 30) } : { on: 'ack', after: 1 + Math.floor(random() * 5), ms: Math.floor(random() * 40) }
    )
    expect(runs.every((r) => r.killed)).toBe(true)
    const done = acks(lines, 'reprocessed').map((l) => String(l.path))
    expect(done.length).toBeGreaterThanOrEqual(KILLS - 1)
    await expectCheckPasses(archive)

    const a = await Archive.open(archive, { readOnly: true })
    try {
      for (const p of done) {
        const versions = a.column<number>('SELECT d.extractor_version FROM documents d JOIN sources s ON s.sha256 = d.source_sha256 WHERE s.path = ?', [p])
        expect(versions.length, p).toBeGreaterThan(0)
        expect(new Set(versions), p).toEqual(new Set([EXTRACTOR_VERSION]))
      }
      expect(a.column<string>('SELECT id FROM documents ORDER BY id')).toEqual(ids)
      for (const id of corrected) expect(getRecord(a, id)?.title).toBe(`人工标题 ${id}`)
    } finally {
      await a.close()
    }

    // Resumable: one more run, not killed, re-processes what is left and nothing twice over.
    const last = await driveAndKill(archive, 'reprocess', 1, KILLS, null)
    expect(last.lines.at(-1)).toEqual({ event: 'done' })
    const left = acks(last.lines, 'reprocessed').map((l) => String(l.path))
    expect(left.filter((p) => done.includes(p))).toEqual([])
    await expectCheckPasses(archive)
    const b = await Archive.open(archive, { readOnly: true })
    try {
      expect(b.column('SELECT DISTINCT extractor_version FROM documents')).toEqual([EXTRACTOR_VERSION])
      expect(b.column<string>('SELECT id FROM documents ORDER BY id')).toEqual(ids)
    } finally {
      await b.close()
    }
  }, 120_000)

  it('while writing snapshots', async () => {
    const archive = copyBase('snapshot')
    const { lines, runs } = await killRepeatedly(archive, 'snapshot', 0x5a5, (random) => ({ on: 'snapshot-start', after: 1 + Math.floor(random() * 6), ms: Math.floor(random() * 8) }))
    expect(runs.every((r) => r.killed)).toBe(true)
    // How many kills landed inside a snapshot (started, not finished): the point of this scenario.
    const inside = runs.filter((r) => r.lines.at(-1)?.event === 'snapshot-start').length
    expect(inside).toBeGreaterThanOrEqual(1)
    await expectCheckPasses(archive)

    const a = await Archive.open(archive, { readOnly: true })
    try {
      for (const t of acks(lines, 'tag')) for (const id of t.ids as string[]) expect(getRecord(a, id)?.tags, `${t.tag} on ${id}`).toContain(t.tag)
    } finally {
      await a.close()
    }
    // Nothing a killed snapshot left half-written stays behind once the next snapshot is written.
    const reopened = await Archive.open(archive)
    reopened.write((tx) => tx.run('INSERT INTO tags (name) VALUES (?)', ['after-the-kills']))
    await reopened.close()
    expect(fs.readdirSync(archive).filter((f) => f.includes('.tmp-') || f.endsWith('.next'))).toEqual([])
  }, 120_000)
})
