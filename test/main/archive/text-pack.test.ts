// The simplified shadow stored as its differences from the text reads back exactly, whatever the text.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { packShadow, packText, shadowText, storedHead, storedText } from '../../../src-main/node/archive/text-pack'

const text = Array.from({ length: 40 }, (_, i) => `第${i + 1}條 各區須於${i % 9}時前完成檢測，居民憑碼進出。`).join('\n')
const simplified = text.replace(/條/g, '条').replace(/區/g, '区').replace(/須/g, '须').replace(/檢測/g, '检测').replace(/進/g, '进')

describe('packShadow / shadowText', () => {
  it('stores nothing for a shadow equal to its text', () => {
    expect(packShadow(text, text)).toBeNull()
    expect(shadowText(null, text)).toBeNull()
  })

  it('reads back a shadow of the same length, in a small fraction of the bytes of the whole shadow packed', () => {
    const stored = packShadow(text, simplified)!
    expect(shadowText(stored, text)).toBe(simplified)
    expect(stored.byteLength * 3).toBeLessThan(packText(simplified).byteLength)
  })

  it('keeps characters outside the BMP and a shadow that changes only the last code unit', () => {
    const t = '𠀀個𠀁'
    const s = '𠀀个𠀁'
    expect(shadowText(packShadow(t, s), t)).toBe(s)
    expect(shadowText(packShadow('ab', 'ac'), 'ab')).toBe('ac')
  })

  it('keeps a shadow that puts U+0000 where the text has something else', () => {
    expect(shadowText(packShadow('a\u0001b', 'a\u0000b'), 'a\u0001b')).toBe('a\u0000b')
  })

  it('cuts gaps and runs longer than 65,535 code units into pieces', () => {
    const long = '個'.repeat(70000)
    const t = `${long}人${long}`
    const s = `${long}人${'个'.repeat(70000)}`
    expect(shadowText(packShadow(t, s), t)).toBe(s)
    const far = `${'人'.repeat(140000)}個`
    expect(shadowText(packShadow(far, `${'人'.repeat(140000)}个`), far)).toBe(`${'人'.repeat(140000)}个`)
  })

  it('falls back to the whole shadow packed when the lengths differ', () => {
    const stored = packShadow('個人', '个人们')!
    expect(storedText(stored)).toBe('个人们')
    expect(shadowText(stored, '個人')).toBe('个人们')
  })

  it('reads a shadow stored whole (schema 7) or as plain text (older) as it is', () => {
    expect(shadowText(packText(simplified), text)).toBe(simplified)
    expect(shadowText(simplified, text)).toBe(simplified)
  })

  it('refuses a delta that does not fit the text it is read with', () => {
    expect(() => shadowText(packShadow(text, simplified), `${text}x`)).toThrow(/does not fit/)
  })
})

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
