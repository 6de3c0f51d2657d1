import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { normalize } from '../../../src-main/node/search/tokenize'
import { toSimplified } from '../../../src-main/node/pipeline/script'

/** The normal form spelled out step by step: simplify, fold full-width ASCII and the ideographic space, lower-case. */
function reference(text: string): string {
  return [...toSimplified(text)]
    .map((ch) =>
      ch.length > 1
        ? ch
        : ch
            .replace(/[\uff01-\uff5e]/, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
            .replace('\u3000', ' ')
            .replace(/[A-Z\u00c0-\u024f]/, (c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c))
    )
    .join('')
}

describe('normalize', () => {
  it('keeps the length and equals simplifying, folding and lower-casing one after another', () => {
    const char = fc.constantFrom('隔', '離', '離', '檢', '测', 'Ａ', 'ｋ', '９', '，', '\u3000', 'K', 'N', 'É', 'ǅ', 'İ', 'a', ' ', '〔', '𠀋', '么', '著')
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }).map((a) => a.join('')), (text) => {
        const n = normalize(text)
        expect(n.length).toBe(text.length)
        expect(n).toBe(reference(text))
      }),
      { numRuns: 500 }
    )
    expect(normalize('隔離ＫＮ９５')).toBe('隔离kn95')
  })
})
