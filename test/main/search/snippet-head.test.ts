import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { makeSnippet } from '../../../src-main/node/search/snippet'
import { parseQuery, positiveTerms } from '../../../src-main/node/search/query'

const terms = (q: string) => positiveTerms(parseQuery(q)).map((t) => t.tokens)

// Our own clauses; documents are made of them in random order and number.
const CLAUSES = ['各单位做好登记', '落实居家隔离', '佩戴口罩', '，', '。', '\n', '核酸检测阴性证明', 'KN95', '48小时', '（第3号）', '有助于通风', '有助，于是']
const QUERIES = ['隔离', '口罩', '"核酸检测"', 'KN95', '48小时', '有助于', '于', '核酸 OR 口罩', '登', '']

describe('snippets from the head of a text', () => {
  it('are the snippet of the whole text, or null (then the caller reads the whole text)', () => {
    let decided = 0
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CLAUSES), { minLength: 1, maxLength: 400 }), fc.constantFrom(...QUERIES), fc.integer({ min: 1, max: 1500 }), (parts, q, head) => {
        const text = parts.join('')
        const t = terms(q)
        const whole = makeSnippet(text, t)
        // The length may be known, or only that the text goes on (Infinity).
        const fromHead = makeSnippet(text.slice(0, head), t, head % 2 ? text.length : head < text.length ? Infinity : text.length)
        if (fromHead !== null) {
          decided++
          expect(fromHead).toBe(whole)
        }
      }),
      { numRuns: 400 }
    )
    // Most cases are decided from the head (else the test would compare nothing).
    expect(decided).toBeGreaterThan(100)
  })

  it('decides from the head when the first match stands early, and defers when it does not', () => {
    const early = '落实居家隔离，' + '各单位做好登记。'.repeat(200)
    expect(makeSnippet(early.slice(0, 1000), terms('隔离'), early.length)).toBe(makeSnippet(early, terms('隔离')))
    const late = '各单位做好登记。'.repeat(200) + '落实居家隔离。'
    expect(makeSnippet(late.slice(0, 1000), terms('隔离'), late.length)).toBeNull()
    expect(makeSnippet(late, terms('隔离'))).toContain('[隔离]')
  })
})
