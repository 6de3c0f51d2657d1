import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, ndjson, runCli } from '../helpers/cli'
import { DocumentRecordSchema, ImportEventSchema, evidenceMismatches } from '../helpers/contract-schema'
import { tmpDir } from '../helpers/tmp'

const SEEDS = path.join(ROOT, 'seeds')
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))

describe('command line (CONTRACT.md)', () => {
  let archive: string
  let events: Record<string, unknown>[]

  beforeAll(async () => {
    archive = path.join(tmpDir('pa-cli-'), 'archive')
    const r = await runCli(['--archive', archive, 'import', SEEDS, '--json'])
    expect(r.code).toBe(0)
    events = ndjson(r.stdout)
  }, 120_000)

  it('import --json prints an imported event per document and a closing done event', () => {
    for (const e of events) expect(ImportEventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true)
    const imported = events.filter((e) => e.event === 'imported')
    expect(new Set(imported.map((e) => path.basename(String(e.file))))).toEqual(new Set(seedFiles))
    const done = events[events.length - 1]
    expect(done).toMatchObject({ event: 'done', imported: imported.length, duplicates: 0, errors: 0 })
    expect(events.filter((e) => e.event === 'done')).toHaveLength(1)
  })

  it('list --json and show --json return contract records for the imported documents', async () => {
    const list = await runCli(['--archive', archive, 'list', '--json'])
    expect(list.code).toBe(0)
    const records = JSON.parse(list.stdout) as unknown[]
    const ids = events.filter((e) => e.event === 'imported').map((e) => e.id)
    expect(records.map((r) => (r as { id: string }).id).sort()).toEqual([...ids].sort())
    for (const r of records) {
      const parsed = DocumentRecordSchema.parse(r)
      expect(evidenceMismatches(parsed)).toEqual([])
    }
    const one = await runCli(['--archive', archive, 'show', String(ids[0]), '--json'])
    expect(one.code).toBe(0)
    const rec = DocumentRecordSchema.parse(JSON.parse(one.stdout))
    expect(rec.id).toBe(ids[0])
    expect(rec.source.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reports a second import of the same files as duplicates of the stored documents', async () => {
    const r = await runCli(['--archive', archive, 'import', path.join(SEEDS, seedFiles[0]), '--json'])
    expect(r.code).toBe(0)
    const ev = ndjson(r.stdout)
    const first = events.find((e) => e.event === 'imported' && String(e.file).endsWith(seedFiles[0]))
    expect(ev[0]).toMatchObject({ event: 'duplicate', of: first!.id })
    expect(ev[1]).toMatchObject({ event: 'done', imported: 0, duplicates: 1 })
  })

  it('names a failing input, goes on with the rest, and exits 2', async () => {
    const dir = tmpDir()
    fs.writeFileSync(path.join(dir, 'empty.txt'), '')
    fs.writeFileSync(path.join(dir, 'good.txt'), '某县疫情防控指挥部通告\n一、全县暂停聚集性活动。\n某县疫情防控指挥部\n2022年4月1日')
    const r = await runCli(['--archive', archive, 'import', dir, path.join(dir, 'missing.txt'), '--json'])
    expect(r.code).toBe(2)
    const ev = ndjson(r.stdout)
    const errors = ev.filter((e) => e.event === 'error')
    expect(errors.map((e) => path.basename(String(e.file))).sort()).toEqual(['empty.txt', 'missing.txt'])
    expect(ev.filter((e) => e.event === 'imported')).toHaveLength(1)
    expect(r.stderr).toContain('missing.txt')
  })

  it('exits 1 on usage errors with a message on stderr and nothing on stdout', async () => {
    for (const args of [['frobnicate'], ['show'], ['list', '--type', 'memo'], ['import']]) {
      const r = await runCli(['--archive', archive, ...args])
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/policy-archive: /)
    }
  })

  it('check names a damaged database, exits 1, and a later open recovers it', async () => {
    const copy = path.join(tmpDir(), 'copy')
    fs.cpSync(archive, copy, { recursive: true })
    const db = path.join(copy, 'archive.sqlite')
    const bytes = fs.readFileSync(db)
    bytes.fill(0x5a, 8192, 8192 + 512)
    fs.writeFileSync(db, bytes)
    const bad = await runCli(['--archive', copy, 'check'])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/archive\.sqlite is damaged/)
    const list = await runCli(['--archive', copy, 'list', '--json'])
    expect(list.code).toBe(0)
    expect(list.stderr).toMatch(/recovered|rebuilt/)
    expect((JSON.parse(list.stdout) as unknown[]).length).toBeGreaterThanOrEqual(seedFiles.length)
    const good = await runCli(['--archive', copy, 'check'])
    expect(good.code).toBe(0)
  })

  it('uses $POLICY_ARCHIVE when --archive is absent', async () => {
    const r = await runCli(['list', '--json'], { POLICY_ARCHIVE: archive })
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThanOrEqual(seedFiles.length)
  })
})
