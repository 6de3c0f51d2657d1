import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveInside, safeFileName } from '../../../src-main/node/fs-safe'
import { AppError } from '../../../src-main/common/errors'

describe('resolveInside keeps export paths inside the chosen folder', () => {
  it('joins plain names and sub-folders', () => {
    expect(resolveInside('/data/export', '通告汇总.docx')).toBe('/data/export/通告汇总.docx')
    expect(resolveInside('/data/export', '2022/05/a.csv')).toBe('/data/export/2022/05/a.csv')
    expect(resolveInside('/data/export/', './a/../b.md')).toBe('/data/export/b.md')
  })

  it.each(['../x', '../../etc/passwd', 'a/../../x', '/etc/passwd', '..', '.', '', 'a\u0000b'])('refuses %j', (name) => {
    expect(() => resolveInside('/data/export', name)).toThrow(AppError)
  })

  it('refuses a sibling folder with the same prefix', () => {
    expect(() => resolveInside('/data/export', '../export-evil/x')).toThrow(/outside the chosen folder/)
  })

  it('applies Windows rules with backslashes, drive letters and UNC paths', () => {
    const w = path.win32
    expect(resolveInside('C:\\Users\\李\\导出', 'a\\b.docx', w)).toBe('C:\\Users\\李\\导出\\a\\b.docx')
    for (const bad of ['..\\x', 'C:\\Windows\\x', 'D:x', '\\\\server\\share\\x', 'a\\..\\..\\x']) {
      expect(() => resolveInside('C:\\Users\\李\\导出', bad, w), bad).toThrow(AppError)
    }
  })

  it('carries an i18n key and the name', () => {
    try {
      resolveInside('/d', '../x')
      expect.unreachable()
    } catch (e) {
      expect(e).toMatchObject({ key: 'errors.export.outsideFolder', params: { name: '../x' } })
    }
  })
})

describe('safeFileName', () => {
  it('replaces separators, control and reserved characters', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0001k')).toBe('a_b_c_d_e_f_g_h_i_j_k')
    expect(safeFileName('..')).toBe('file')
    expect(safeFileName(' 关于做好防控工作的通知. ')).toBe('关于做好防控工作的通知')
    expect(safeFileName('CON.txt')).toBe('_CON.txt')
    expect(safeFileName('x'.repeat(500))).toHaveLength(200)
  })

  it('always yields a name that resolves inside the folder', () => {
    for (const n of ['../../x', '..', '/etc/passwd', 'C:\\x', '\u0000']) expect(() => resolveInside('/d', safeFileName(n))).not.toThrow()
  })
})
