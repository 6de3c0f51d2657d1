import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync, copyFileSync, chmodSync, openSync, ftruncateSync, closeSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readInputs, rawInputFromText, DEFAULT_READ_LIMITS, isReadError } from '../../../src-main/node/pipeline/read'
import type { ReadItem } from '../../../src-main/node/pipeline/read'
import { processPaths } from '../../../src-main/node/pipeline/pipeline'
import type { PathResult } from '../../../src-main/node/pipeline/pipeline'
import type { ReadLimits } from '../../../src-main/node/pipeline/types'
import iconv from 'iconv-lite'
import { makeZip } from './zip-writer'
import { FIXTURES, stubExtract } from './helpers'

const NOTICE = readFileSync(join(FIXTURES, 'notice.txt'))
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pipeline-read-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function collect(paths: string[], limits?: Partial<ReadLimits>): Promise<ReadItem[]> {
  const out: ReadItem[] = []
  for await (const item of readInputs(paths, limits)) out.push(item)
  return out
}

async function processAll(paths: string[], limits?: Partial<ReadLimits>): Promise<PathResult[]> {
  const out: PathResult[] = []
  for await (const r of processPaths(paths, { extract: stubExtract, limits })) out.push(r)
  return out
}

/** The single result for one hostile input must be exactly one error matching `reason`. */
async function expectOneError(path: string, reason: RegExp, limits?: Partial<ReadLimits>): Promise<string> {
  const results = await processAll([path], limits)
  expect(results).toHaveLength(1)
  const r = results[0]
  expect('error' in r).toBe(true)
  const error = (r as { error: string }).error
  expect(error).toMatch(reason)
  return error
}

function sub(name: string): string {
  const p = join(dir, name)
  mkdirSync(p, { recursive: true })
  return p
}

describe('readInputs: folders', () => {
  it('walks folders recursively in sorted order, skipping hidden entries and OS junk', async () => {
    const root = sub('tree')
    mkdirSync(join(root, 'b-sub'))
    mkdirSync(join(root, '.hidden'))
    writeFileSync(join(root, 'c.txt'), NOTICE)
    writeFileSync(join(root, 'a.txt'), NOTICE)
    writeFileSync(join(root, 'b-sub', 'x.md'), NOTICE)
    writeFileSync(join(root, '.hidden', 'secret.txt'), NOTICE)
    writeFileSync(join(root, '.DS_Store'), 'junk')
    writeFileSync(join(root, 'Thumbs.db'), 'junk')
    writeFileSync(join(root, '~$draft.docx'), 'junk')
    const items = await collect([root])
    expect(items.map((i) => i.path)).toEqual([join(root, 'a.txt'), join(root, 'b-sub', 'x.md'), join(root, 'c.txt')])
    expect(items.map((i) => (isReadError(i) ? 'error' : i.format))).toEqual(['txt', 'md', 'txt'])
  })

  it('detects a symbolic link loop and reports it once', async () => {
    const root = sub('loop')
    writeFileSync(join(root, 'a.txt'), NOTICE)
    symlinkSync(root, join(root, 'again'))
    const items = await collect([root])
    const errors = items.filter(isReadError)
    expect(errors).toHaveLength(1)
    expect(errors[0].path).toBe(join(root, 'again'))
    expect(errors[0].error).toMatch(/symbolic link loop/)
    expect(items.filter((i) => !isReadError(i))).toHaveLength(1)
  })

  it('reports a self-referencing symlink file as a loop', async () => {
    const p = join(sub('selfloop'), 'self.txt')
    symlinkSync(p, p)
    await expectOneError(p, /symbolic link loop/)
  })

  it('accepts file names with odd characters', async () => {
    const root = sub('odd')
    const name = '通告 (第1号) #1 & “引号” 空格\t制表 😷.txt'
    writeFileSync(join(root, name), NOTICE)
    const results = await processAll([root])
    expect(results).toHaveLength(1)
    expect(results[0].path).toBe(join(root, name))
    expect('docs' in results[0] && results[0].docs[0].text.startsWith('青禾县')).toBe(true)
  })

  it('uses the content, not the name, to pick the reader', async () => {
    const root = sub('disguised')
    writeFileSync(join(root, 'a-page.doc'), `<html><head><meta charset="utf-8"></head><body><p>${NOTICE.toString('utf8')}</p></body></html>`)
    copyFileSync(join(FIXTURES, 'notice.docx'), join(root, 'b-word.doc'))
    copyFileSync(join(FIXTURES, 'notice.pdf'), join(root, 'c-scan.txt'))
    writeFileSync(join(root, 'd-noext'), NOTICE)
    const items = await collect([root])
    expect(items.map((i) => (isReadError(i) ? i.error : i.format))).toEqual(['html', 'docx', 'pdf', 'txt'])
  })

  it('gives pasted text the paste format', () => {
    const raw = rawInputFromText('测试文本')
    expect(raw.format).toBe('paste')
    expect(Buffer.from(raw.bytes).toString('utf8')).toBe('测试文本')
  })
})

describe('hostile inputs: one error each with a clear reason', () => {
  it('empty file', async () => {
    const p = join(sub('h'), 'empty.txt')
    writeFileSync(p, '')
    await expectOneError(p, /^the file is empty$/)
  })

  it('a path that does not exist', async () => {
    await expectOneError(join(dir, 'nope.txt'), /does not exist/)
  })

  const random = (n: number): Buffer => {
    const b = Buffer.alloc(n)
    let x = 987654321
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0
      b[i] = x >>> 24
    }
    return b
  }

  it('random bytes named .pdf', async () => {
    const p = join(sub('h'), 'random.pdf')
    writeFileSync(p, random(5000))
    await expectOneError(p, /not a valid PDF/)
  })

  it('random bytes named .docx', async () => {
    const p = join(sub('h'), 'random.docx')
    writeFileSync(p, random(5000))
    await expectOneError(p, /not a valid Word document/)
  })

  it('random bytes named .doc', async () => {
    const p = join(sub('h'), 'random.doc')
    writeFileSync(p, random(5000))
    await expectOneError(p, /not a valid Word 97-2003 document/)
  })

  it('random bytes named .txt', async () => {
    const p = join(sub('h'), 'random.txt')
    writeFileSync(p, random(5000))
    await expectOneError(p, /binary data, not text/)
  })

  it('truncated .docx', async () => {
    const p = join(sub('h'), 'truncated.docx')
    const full = readFileSync(join(FIXTURES, 'notice.docx'))
    writeFileSync(p, full.subarray(0, Math.floor(full.length / 2)))
    await expectOneError(p, /not a valid Word document \(the file is truncated or damaged\)/)
  })

  it('truncated .pdf', async () => {
    const p = join(sub('h'), 'truncated.pdf')
    const full = readFileSync(join(FIXTURES, 'notice.pdf'))
    writeFileSync(p, full.subarray(0, 600))
    await expectOneError(p, /PDF/)
  })

  it('unsupported file type', async () => {
    const p = join(sub('h'), 'photo.jpg')
    writeFileSync(p, random(100))
    await expectOneError(p, /unsupported file type \(\.jpg\)/)
  })

  it('a file over the size limit (default limit is 100 MB)', async () => {
    expect(DEFAULT_READ_LIMITS.maxFileBytes).toBe(100 * 1024 * 1024)
    // A sparse 200 MB file: no disk space used, and the reader must refuse it from its size
    // without reading it.
    const p = join(sub('h'), 'huge.txt')
    const fd = openSync(p, 'w')
    ftruncateSync(fd, 200 * 1024 * 1024)
    closeSync(fd)
    const error = await expectOneError(p, /file is too large/)
    expect(error).toBe('file is too large (200 MB; the limit is 100 MB)')
  })

  it('a file over a lowered size limit', async () => {
    const p = join(sub('h'), 'big.txt')
    writeFileSync(p, Buffer.alloc(3 * 1024 * 1024, 0x41))
    await expectOneError(p, /file is too large \(3(\.0)? MB; the limit is 1(\.0)? MB\)/, { maxFileBytes: 1024 * 1024 })
  })

  it('an unreadable file', async (ctx) => {
    const p = join(sub('h'), 'secret.txt')
    copyFileSync(join(FIXTURES, 'notice.txt'), p)
    chmodSync(p, 0o000)
    try {
      if (process.getuid?.() === 0) {
        // root reads anything: chmod cannot make the file unreadable. Test the other way a
        // file becomes unreadable during an import: it vanishes between listing and reading.
        console.log('running as root: chmod 000 does not stop root; testing a vanished file instead')
        const results = await processAll([join(dir, 'h', 'vanished.txt')])
        expect(results).toEqual([
          expect.objectContaining({ path: join(dir, 'h', 'vanished.txt'), error: 'the file does not exist (it may have been moved or deleted)', reasonKey: 'errors.import.fileMissing' })
        ])
        ctx.annotate('root: tested a vanished file instead of permission denied')
        return
      }
      await expectOneError(p, /permission denied/)
    } finally {
      chmodSync(p, 0o644)
    }
  })
})

describe('zip archives', () => {
  const docx = readFileSync(join(FIXTURES, 'notice.docx'))

  it('expands members (nested folders, nested zips, docx inside) with a!/b paths', async () => {
    const inner = makeZip([{ name: 'deep.txt', data: NOTICE }])
    const zip = makeZip([
      { name: 'folder/', data: new Uint8Array(0), store: true },
      { name: 'folder/b.txt', data: NOTICE },
      { name: 'a.docx', data: docx, store: true },
      { name: '__MACOSX/._a.docx', data: Buffer.from('junk') },
      { name: 'inner.zip', data: inner, store: true }
    ])
    const p = join(sub('z'), 'bundle.zip')
    writeFileSync(p, zip)
    const results = await processAll([p])
    expect(results.map((r) => r.path)).toEqual([`${p}!/a.docx`, `${p}!/folder/b.txt`, `${p}!/inner.zip!/deep.txt`])
    for (const r of results) {
      expect('docs' in r).toBe(true)
      if ('docs' in r) {
        expect(r.docs[0].source.format).toBe('zip-member')
        expect(r.docs[0].text.startsWith('青禾县疫情防控指挥部')).toBe(true)
      }
    }
  })

  it('decodes GBK member names written without the UTF-8 flag', async () => {
    const p = join(sub('z'), 'gbk-names.zip')
    writeFileSync(p, makeZip([{ name: '', rawName: iconv.encode('通告/第1号通告.txt', 'gbk'), data: NOTICE }]))
    const items = await collect([p])
    expect(items.map((i) => i.path)).toEqual([`${p}!/通告/第1号通告.txt`])
  })

  it('refuses a zip bomb (extreme compression ratio)', async () => {
    const p = join(sub('z'), 'bomb.zip')
    writeFileSync(p, makeZip([{ name: 'zeros.txt', data: Buffer.alloc(20 * 1024 * 1024, 0x30) }]))
    await expectOneError(p, /zip archive .* was refused: a member is compressed \d+ to 1 \(a "zip bomb"/)
  })

  it('refuses a zip that expands beyond the total limit', async () => {
    const p = join(sub('z'), 'big.zip')
    const member = Buffer.from(random64k())
    writeFileSync(p, makeZip(Array.from({ length: 20 }, (_, i) => ({ name: `m${i}.txt`, data: member, store: true }))))
    await expectOneError(p, /refused: it expands to more than/, { maxZipTotalBytes: 512 * 1024 })
  })

  it('refuses a zip whose header lies about the size', async () => {
    const p = join(sub('z'), 'liar.zip')
    writeFileSync(p, makeZip([{ name: 'a.txt', data: Buffer.alloc(2 * 1024 * 1024, 0x31), declaredSize: 100 }]))
    const results = await processAll([p])
    expect(results).toHaveLength(1)
    expect('error' in results[0]).toBe(true)
  })

  it('refuses too many members', async () => {
    const p = join(sub('z'), 'many.zip')
    writeFileSync(p, makeZip(Array.from({ length: 30 }, (_, i) => ({ name: `m${i}.txt`, data: NOTICE }))))
    await expectOneError(p, /refused: it has more than 10 files/, { maxZipMembers: 10 })
    expect(DEFAULT_READ_LIMITS.maxZipMembers).toBe(10_000)
  })

  it('refuses zips nested deeper than the limit', async () => {
    let z: Buffer = makeZip([{ name: 'n.txt', data: NOTICE }])
    for (let i = 0; i < 4; i++) z = makeZip([{ name: `level${i}.zip`, data: z, store: true }])
    const p = join(sub('z'), 'nested.zip')
    writeFileSync(p, z)
    expect(DEFAULT_READ_LIMITS.maxZipDepth).toBe(3)
    await expectOneError(p, /nested more than 3 deep/)
  })

  it('reports a damaged zip once', async () => {
    const p = join(sub('z'), 'damaged.zip')
    writeFileSync(p, makeZip([{ name: 'a.txt', data: NOTICE }]).subarray(0, 60))
    await expectOneError(p, /not a valid zip archive/)
  })
})

function random64k(): Uint8Array {
  const b = new Uint8Array(64 * 1024)
  let x = 42
  for (let i = 0; i < b.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    b[i] = 0x41 + ((x >>> 16) % 26)
  }
  return b
}
