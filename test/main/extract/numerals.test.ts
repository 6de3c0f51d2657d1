import { describe, expect, it } from 'vitest'
import { clauses, parseNumber } from '../../../src-main/node/extract/text'

describe('parseNumber', () => {
  it.each([
    ['14', 14], ['１４', 14], ['三', 3], ['两', 2], ['兩', 2], ['十', 10], ['十四', 14], ['二十', 20], ['二十四', 24],
    ['一百二十', 120], ['二〇二二', 2022], ['一〇', 10], ['三万', 30000], ['1.5', 1.5]
  ])('%s → %d', (raw, value) => {
    expect(parseNumber(raw)).toBe(value)
  })

  it('rejects non-numbers', () => {
    expect(parseNumber('天')).toBeNaN()
    expect(parseNumber('')).toBeNaN()
  })
})

describe('clauses', () => {
  it('splits at clause punctuation and keeps quoted lists whole', () => {
    const t = '实行“区域封闭、足不出户”管理，戴口罩。不聚集'
    const parts = clauses(t).map((c) => t.slice(c.start, c.end))
    expect(parts).toEqual(['实行“区域封闭、足不出户”管理', '戴口罩', '不聚集'])
  })
})
