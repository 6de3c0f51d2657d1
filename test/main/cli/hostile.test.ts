// Hostile inputs through the real command line: each gives exactly one `error` event naming the file
// with a reason a person understands; the rest of the batch is imported and the archive stays sound.
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ndjson, runCli } from '../helpers/cli'
import { tmpDir } from '../helpers/tmp'
import { makeZip } from '../pipeline/zip-writer'

const GOOD = '某县新冠肺炎疫情防控指挥部通告\n一、全县暂停50人以上聚集性活动。\n二、进入公共场所须佩戴口罩。\n某县新冠肺炎疫情防控指挥部\n2022年4月1日'

describe('hostile inputs (CLI import)', () => {
  it('reports each bad file once, imports the good ones, and keeps the archive sound', async () => {
    const root = tmpDir()
    const dir = path.join(root, 'inbox')
    fs.mkdirSync(dir)
    const archive = path.join(root, 'archive')
    // A first, good import: what is stored already must survive the hostile batch.
    fs.writeFileSync(path.join(root, 'before.txt'), GOOD.replace('某县', '甲县'))
    expect((await runCli(['--archive', archive, 'import', path.join(root, 'before.txt')])).code).toBe(0)

    fs.writeFileSync(path.join(dir, 'empty.txt'), '')
    fs.writeFileSync(path.join(dir, 'random.pdf'), randomBytes(4096))
    fs.writeFileSync(path.join(dir, 'random.docx'), randomBytes(4096))
    fs.writeFileSync(path.join(dir, 'random.txt'), randomBytes(4096))
    const docx = fs.readFileSync(path.join(__dirname, '../../fixtures/import/notice.docx'))
    fs.writeFileSync(path.join(dir, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)))
    fs.writeFileSync(path.join(dir, 'bomb.zip'), makeZip([{ name: 'zeros.txt', data: Buffer.alloc(20 * 1024 * 1024, 0x30) }]))
    const big = path.join(dir, 'huge.txt')
    fs.writeFileSync(big, '')
    fs.truncateSync(big, 200 * 1024 * 1024) // sparse: 200 MB on paper, nothing on disk
    fs.symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'))
    fs.symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'))
    const odd = "通告 (最终版) #1 & 'x' — 副本.txt"
    fs.writeFileSync(path.join(dir, odd), GOOD)

    const r = await runCli(['--archive', archive, 'import', dir, '--json'])
    expect(r.code).toBe(2)
    const events = ndjson(r.stdout)
    const errors = events.filter((e) => e.event === 'error')
    const byFile = new Map(errors.map((e) => [path.basename(String(e.file)), String(e.reason)]))
    const hostile = ['empty.txt', 'random.pdf', 'random.docx', 'random.txt', 'truncated.docx', 'bomb.zip', 'huge.txt', 'loop-a', 'loop-b']
    expect([...byFile.keys()].sort()).toEqual(hostile.sort())
    expect(errors).toHaveLength(hostile.length) // exactly one each
    expect(byFile.get('empty.txt')).toMatch(/empty/)
    expect(byFile.get('huge.txt')).toMatch(/too large/)
    expect(byFile.get('bomb.zip')).toMatch(/zip bomb|refused/)
    expect(byFile.get('loop-a')).toMatch(/link/)
    for (const reason of byFile.values()) expect(reason.length).toBeGreaterThan(15)
    const imported = events.filter((e) => e.event === 'imported')
    expect(imported.map((e) => path.basename(String(e.file)))).toEqual([odd])
    expect(events[events.length - 1]).toMatchObject({ event: 'done', imported: 1, errors: hostile.length })

    const check = await runCli(['--archive', archive, 'check', '--json'])
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, documents: 2 })
  }, 120_000)
})
