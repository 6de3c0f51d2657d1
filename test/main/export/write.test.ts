// Writing an export: whole or not at all, with a clear refusal for an existing file, a missing or
// unwritable folder and an unknown format.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFormat, writeAtomic } from '../../../src-main/node/export/write'
import { AppError } from '../../../src-main/common/errors'
import { chromiumPrinter } from '../../../src-main/node/export/pdf'
import { tmpDir } from '../helpers/tmp'

function appError(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

describe('writing an export', () => {
  it('writes the bytes and leaves no temporary file', () => {
    const dir = tmpDir()
    const file = path.join(dir, '汇总.md')
    writeAtomic(file, Buffer.from('# 标题\n'), false)
    expect(fs.readFileSync(file, 'utf8')).toBe('# 标题\n')
    expect(fs.readdirSync(dir)).toEqual(['汇总.md'])
  })

  it('refuses an existing file without force and keeps it as it was; replaces it with force', () => {
    const dir = tmpDir()
    const file = path.join(dir, 'a.csv')
    fs.writeFileSync(file, 'old')
    const e = appError(() => writeAtomic(file, Buffer.from('new'), false))
    expect(e.key).toBe('errors.export.exists')
    expect(e.message).toContain('--force')
    expect(fs.readFileSync(file, 'utf8')).toBe('old')
    writeAtomic(file, Buffer.from('new'), true)
    expect(fs.readFileSync(file, 'utf8')).toBe('new')
    expect(fs.readdirSync(dir)).toEqual(['a.csv'])
  })

  it('names a missing folder, a folder given as the file, and a place that cannot be written', () => {
    const dir = tmpDir()
    expect(appError(() => writeAtomic(path.join(dir, 'no/such/x.json'), Buffer.from('{}'), false)).key).toBe('errors.export.noFolder')
    expect(appError(() => writeAtomic(dir, Buffer.from('{}'), true)).key).toBe('errors.export.isFolder')
    const e = appError(() => writeAtomic('/proc/pa-export-test.json', Buffer.from('{}'), false))
    expect(e.key).toBe('errors.export.unwritable')
    expect(e.params.path).toBe('/proc/pa-export-test.json')
    expect(fs.existsSync('/proc/pa-export-test.json')).toBe(false)
  })

  it('knows its formats and names them when refusing another', () => {
    expect(checkFormat('xlsx')).toBe('xlsx')
    const e = appError(() => checkFormat('doc'))
    expect(e.key).toBe('errors.export.unknownFormat')
    expect(e.message).toContain('docx, xlsx, csv, md, json, pdf')
  })

  it('PDF without a browser says what to install', async () => {
    await expect(chromiumPrinter(null)('<p>x</p>')).rejects.toMatchObject({ key: 'errors.export.noPdfPrinter', message: expect.stringContaining('Chromium') })
  })
})
