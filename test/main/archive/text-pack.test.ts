import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { packText, storedHead, storedText } from '../../../src-main/node/archive/text-pack'

describe('packed texts', () => {
  it('give back their first characters exactly, in any mix of one- to four-byte characters', () => {
    const char = fc.constantFrom('a', '7', 'é', '隔', '離', '，', '\n', '𠀋', '😀')
    fc.assert(
      fc.property(fc.array(char, { maxLength: 400 }).map((a) => a.join('')), fc.integer({ min: 1, max: 300 }), (text, units) => {
        const packed = packText(text)
        expect(storedText(packed)).toBe(text)
        expect(storedHead(packed, units)).toEqual({ text: text.slice(0, units), partial: text.length > units })
        // Older archives keep plain text in the same column: the same answer.
        expect(storedHead(text, units)).toEqual({ text: text.slice(0, units), partial: text.length > units })
      }),
      { numRuns: 400 }
    )
  })

  it('read a missing text as missing', () => {
    expect(storedHead(null, 10)).toBeNull()
  })
})
