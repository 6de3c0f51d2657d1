import { describe, expect, it } from 'vitest'
import { compileRule, nestedRepetition, PreparedSubject, REGEX_INPUT_LIMIT, type RuleSubject } from '../../../src-main/node/tags/rules'
import type { RuleMatch } from '../../../src-main/common/tags'
import { AppError } from '../../../src-main/common/errors'

function subject(over: Partial<RuleSubject> = {}): RuleSubject {
  return { title: '通知', text: '', simplified: null, docType: 'notice', issuer: null, regions: [], measures: [], ...over }
}

function fires(m: RuleMatch, s: RuleSubject): boolean {
  return compileRule(m)(new PreparedSubject(s))
}

const SIMPLIFIED = subject({ title: '关于加强新冠疫情防控的通告', text: '全市继续做好新冠疫情防控，对入境人员实行集中隔离，佩戴KN95口罩。' })
// A traditional text with its simplified shadow, as the pipeline stores it.
const TRADITIONAL = subject({
  title: '關於加強防疫的公告',
  text: '入境人員須接受集中隔離醫學觀察。',
  simplified: '入境人员须接受集中隔离医学观察。'
})

describe('tag rules', () => {
  it('words fire inside a longer Chinese run (no word boundaries)', () => {
    expect(fires({ kind: 'words', mode: 'any', words: ['疫情'] }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'words', mode: 'any', words: ['隔离'] }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'words', mode: 'any', words: ['封控'] }, SIMPLIFIED)).toBe(false)
  })

  it('words match in either script', () => {
    expect(fires({ kind: 'words', mode: 'any', words: ['隔離'] }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'words', mode: 'any', words: ['隔离'] }, TRADITIONAL)).toBe(true)
    expect(fires({ kind: 'words', mode: 'any', words: ['醫學觀察'] }, TRADITIONAL)).toBe(true)
    expect(fires({ kind: 'words', mode: 'any', words: ['医学观察'] }, TRADITIONAL)).toBe(true)
  })

  it('any needs one word, all needs every word; Latin letters and full-width forms fold', () => {
    expect(fires({ kind: 'words', mode: 'any', words: ['封控', '口罩'] }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'words', mode: 'all', words: ['封控', '口罩'] }, SIMPLIFIED)).toBe(false)
    expect(fires({ kind: 'words', mode: 'all', words: ['入境', '口罩'] }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'words', mode: 'any', words: ['kn95'] }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'words', mode: 'any', words: ['ＫＮ９５'] }, SIMPLIFIED)).toBe(true)
  })

  it('regular expressions run on the text and the shadow, in either script', () => {
    expect(fires({ kind: 'regex', pattern: '集中隔[离離]', ignoreCase: false }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'regex', pattern: '入境.{0,6}集中隔離', ignoreCase: false }, TRADITIONAL)).toBe(true)
    expect(fires({ kind: 'regex', pattern: '入境人员.{0,3}集中隔離', ignoreCase: false }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'regex', pattern: '入境人員.{0,3}集中隔离', ignoreCase: false }, TRADITIONAL)).toBe(true)
    expect(fires({ kind: 'regex', pattern: 'kn\\d+', ignoreCase: true }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'regex', pattern: 'kn\\d+', ignoreCase: false }, SIMPLIFIED)).toBe(false)
  })

  it('refuses an invalid or explosive pattern with a clear error, and bounds the input', () => {
    expect(() => compileRule({ kind: 'regex', pattern: '隔离(', ignoreCase: false })).toThrow(AppError)
    try {
      compileRule({ kind: 'regex', pattern: '[隔离', ignoreCase: false })
    } catch (e) {
      expect((e as AppError).key).toBe('errors.tags.badRegex')
      expect((e as AppError).params.pattern).toBe('[隔离')
    }
    expect(nestedRepetition('(a+)+$')).toBe(true)
    expect(nestedRepetition('(\\d*,?)*')).toBe(true)
    expect(nestedRepetition('(疫情|防控)+')).toBe(false)
    expect(nestedRepetition('[(+)]+\\(a+\\)+')).toBe(false)
    expect(() => compileRule({ kind: 'regex', pattern: '(a+)+b', ignoreCase: false })).toThrow(/repeats a group/)
    const long = subject({ text: `${'的'.repeat(REGEX_INPUT_LIMIT + 10)}封控` })
    expect(fires({ kind: 'regex', pattern: '封控', ignoreCase: false }, long)).toBe(false)
    expect(fires({ kind: 'words', mode: 'any', words: ['封控'] }, long)).toBe(true)
  })

  it('regions include their sub-regions; a zone sharing its parent code covers only itself', () => {
    const county = subject({ regions: [{ code: '371502', name: '东昌府区' }] })
    expect(fires({ kind: 'region', region: '370000', label: '山东省' }, county)).toBe(true)
    expect(fires({ kind: 'region', region: '371500', label: '聊城市' }, county)).toBe(true)
    expect(fires({ kind: 'region', region: '430000', label: '湖南省' }, county)).toBe(false)
    // 810100 is a district whose code ends in 00, like a zone that borrows its parent's code.
    const zone = subject({ regions: [{ code: '810100', name: '中西区' }] })
    const sibling = subject({ regions: [{ code: '810100', name: '某开发区' }] })
    expect(fires({ kind: 'region', region: '810100:中西区', label: '中西区' }, zone)).toBe(true)
    expect(fires({ kind: 'region', region: '810100:中西区', label: '中西区' }, sibling)).toBe(false)
    expect(fires({ kind: 'region', region: '810000', label: '香港' }, sibling)).toBe(true)
    expect(() => compileRule({ kind: 'region', region: '999999', label: '?' })).toThrow(/no region/)
  })

  it('measure category with a minimum level ignores lifted measures', () => {
    const s = subject({ measures: [{ category: 'quarantine', level: 3, lifted: false }, { category: 'gatherings', level: 4, lifted: true }] })
    expect(fires({ kind: 'measure', category: 'quarantine', minLevel: 3 }, s)).toBe(true)
    expect(fires({ kind: 'measure', category: 'quarantine', minLevel: 4 }, s)).toBe(false)
    expect(fires({ kind: 'measure', category: 'gatherings', minLevel: 1 }, s)).toBe(false)
  })

  it('document type and issuer (substring, either script)', () => {
    expect(fires({ kind: 'docType', docType: 'notice' }, SIMPLIFIED)).toBe(true)
    expect(fires({ kind: 'docType', docType: 'report' }, SIMPLIFIED)).toBe(false)
    const issued = subject({ issuer: '某某市新冠肺炎疫情防控指挥部' })
    expect(fires({ kind: 'issuer', contains: '指挥部' }, issued)).toBe(true)
    expect(fires({ kind: 'issuer', contains: '指揮部' }, issued)).toBe(true)
    expect(fires({ kind: 'issuer', contains: '卫生健康委员会' }, issued)).toBe(false)
    expect(fires({ kind: 'issuer', contains: '指挥部' }, subject())).toBe(false)
  })

  it('refuses an empty rule', () => {
    expect(() => compileRule({ kind: 'words', mode: 'any', words: ['  '] })).toThrow(AppError)
    expect(() => compileRule({ kind: 'issuer', contains: ' ' })).toThrow(AppError)
  })
})
