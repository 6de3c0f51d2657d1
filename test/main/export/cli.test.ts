// `export` on the command line (CONTRACT.md): files of the seed archive, refusals with exit 1 and
// no partial file.
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import mammoth from 'mammoth'
import { parse } from 'csv-parse/sync'
import { ROOT, runCli } from '../helpers/cli'
import { tmpDir } from '../helpers/tmp'

describe('export command', () => {
  let archive: string
  let out: string
  let ids: Set<string>

  beforeAll(async () => {
    archive = path.join(tmpDir('pa-cli-export-'), 'archive')
    out = tmpDir('pa-cli-export-out-')
    expect((await runCli(['--archive', archive, 'import', path.join(ROOT, 'seeds')])).code).toBe(0)
    const list = await runCli(['--archive', archive, 'list', '--json'])
    ids = new Set((JSON.parse(list.stdout) as { id: string }[]).map((d) => d.id))
  }, 120_000)

  it('writes a region summary as .docx with sections per region and the source list', async () => {
    const file = path.join(out, '汇总.docx')
    const r = await runCli(['--archive', archive, 'export', 'summary', '--region', '聊城市', '--region', '太原', '--format', 'docx', '--out', file, '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ file, format: 'docx' })
    const text = (await mammoth.extractRawText({ path: file })).value
    expect(text).toContain('一、聊城市')
    expect(text).toContain('二、太原市')
    expect(text).toContain('来源文件')
    expect(text).toMatch(/〔来源1〕/)
  })

  it('every measure row of a .csv names a document the archive holds', async () => {
    const file = path.join(out, 'measures.csv')
    const r = await runCli(['--archive', archive, 'export', 'compare', '--region', '371500', '--region', '140100', '--out', file])
    expect(r.code, r.stderr).toBe(0)
    const rows = parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(ids.has(row['文档ID'])).toBe(true)
  })

  it('refuses an existing file without --force (exit 1, file unchanged); --force replaces it', async () => {
    const file = path.join(out, 'list.json')
    fs.writeFileSync(file, 'keep me')
    const again = await runCli(['--archive', archive, 'export', 'documents', '--format', 'json', '--out', file])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists')
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me')
    const forced = await runCli(['--archive', archive, 'export', 'documents', '--format', 'json', '--out', file, '--force'])
    expect(forced.code, forced.stderr).toBe(0)
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).documents).toHaveLength(ids.size)
  }, 120_000)

  it('refuses an unknown format and a place that cannot be written, leaving no partial file', async () => {
    const bad = await runCli(['--archive', archive, 'export', 'documents', '--format', 'doc', '--out', path.join(out, 'x.doc')])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('unknown export format "doc"')
    const nowhere = await runCli(['--archive', archive, 'export', 'documents', '--format', 'md', '--out', '/proc/pa-export.md'])
    expect(nowhere.code).toBe(1)
    expect(nowhere.stderr).toContain('cannot write /proc/pa-export.md')
    expect(fs.readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([])
  }, 120_000)
})
