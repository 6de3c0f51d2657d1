// Property and fuzz tests (fast-check): the pipeline's stages never throw anything but an ImportError
// on arbitrary bytes or text, keep evidence inside the text, and are deterministic; the same text
// cleans the same whatever encoding it arrived in. Run counts are sized for CI.
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../../src-main/node/pipeline/decode-text'
import { cleanText, normaliseCompatibility } from '../../../src-main/node/pipeline/clean'
import { splitDocuments } from '../../../src-main/node/pipeline/split'
import { processInput } from '../../../src-main/node/pipeline/pipeline'
import { ImportError } from '../../../src-main/node/pipeline/import-error'
import type { SourceFormat } from '../../../src-main/common/record'

/** Text that looks like a notice: Chinese words, numbers, punctuation, line breaks and stray symbols. */
const PIECES = ['通告', '通知', '疫情防控', '指挥部', '全市', '暂停', '人以上', '聚集', '核酸检测', '阴性证明', '小时', '天', '集中隔离', '居家', '健康监测', '一、', '二、', '（三）', '2022年', '5月', '1日', '。', '，', '；', '：', '\n', '\n\n', ' ', '‧', '·', '・', '点击', '分享到', '【', '】', 'http://x.cn/a', '兩', '週', '隔離', '14', '48', '50', '7', '第', '号', '\u3000', '\t', '<br>', '&nbsp;', '\u200b', '\ufeff']
const noticeText = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((a) => a.join(''))
const anyText = fc.oneof(noticeText, fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }))

function onlyImportErrors(run: () => unknown): void {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError)
  }
}

describe('properties of the pipeline stages', () => {
  it('decoding arbitrary bytes returns text or an ImportError, the same every time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        onlyImportErrors(() => {
          const a = decodeBytes(bytes)
          expect(decodeBytes(bytes)).toEqual(a)
          expect(typeof a.text).toBe('string')
        })
      }),
      { numRuns: 300 }
    )
  })

  it('cleaning never throws, is deterministic, and never grows the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const a = cleanText(text)
        expect(cleanText(text)).toEqual(a)
        expect(a.text.length).toBeLessThanOrEqual(text.length)
        for (const r of a.removed) expect(typeof r.text).toBe('string')
      }),
      { numRuns: 300 }
    )
  })

  it('splitting never throws; parts stand at their offsets, in order', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const text = cleanText(raw).text
        const parts = splitDocuments(text)
        expect(splitDocuments(text)).toEqual(parts)
        let last = -1
        for (const p of parts) {
          expect(p.offset).toBeGreaterThan(last)
          expect(p.offset).toBeLessThanOrEqual(text.length)
          last = p.offset
        }
      }),
      { numRuns: 300 }
    )
  })

  it('the whole pipeline on arbitrary text: evidence inside the text, deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(noticeText, async (text) => {
        const input = { path: 'f.txt', bytes: new Uint8Array(Buffer.from(text)), format: 'txt' as const }
        let docs
        try {
          docs = await processInput(input)
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError)
          return
        }
        for (const d of docs) {
          for (const m of d.measures) {
            expect(m.start).toBeGreaterThanOrEqual(0)
            expect(m.end).toBeLessThanOrEqual(d.text.length)
            expect(d.text.slice(m.start, m.end)).toBe(m.text)
          }
        }
        const again = await processInput(input)
        expect(again.map((d) => [d.text, d.title, d.measures, d.regions, d.contentHash])).toEqual(docs.map((d) => [d.text, d.title, d.measures, d.regions, d.contentHash]))
      }),
      { numRuns: 60 }
    )
  })

  it.each<SourceFormat>(['pdf', 'docx', 'doc', 'html', 'mhtml', 'txt', 'md'])('the %s reader refuses arbitrary bytes only with an ImportError', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
        try {
          await processInput({ path: `x.${format}`, bytes, format })
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError)
          expect((e as ImportError).key).toMatch(/^errors\.import\./)
        }
      }),
      { numRuns: 25 }
    )
  })
})

describe('the same text cleans the same in any encoding', () => {
  /** Traditional text a Big5 page can hold, with the middle dots such pages use. */
  const traditional = fc
    .array(fc.constantFrom('防疫', '隔離', '檢測', '通告', '幻燈片', '圖片', '‧', '·', '，', '。', '\n', '一、', '兩週', '14', '天', ' '), { maxLength: 60 })
    .map((a) => a.join(''))

  it('Big5, GB18030 and UTF-16 copies clean exactly like the UTF-8 copy', () => {
    fc.assert(
      fc.property(traditional, (text) => {
        const utf8 = cleanText(decodeBytes(new Uint8Array(Buffer.from(text)), 'utf-8').text).text
        for (const enc of ['big5', 'gb18030', 'utf-16le']) {
          const bytes = new Uint8Array(iconv.encode(text, enc))
          expect(cleanText(decodeBytes(bytes, enc).text).text, enc).toBe(utf8)
        }
      }),
      { numRuns: 200 }
    )
  })

  it('a "‧ slider image" line is removed from a Big5 page as from its UTF-8 copy', () => {
    const page = '某市衛生健康委員會通告\n‧ 幻燈片圖片\n‧ 幻燈片圖片\n一、全市暫停堂食。\n二、入境人員集中隔離14天。\n‧ 幻燈片圖片'
    const utf8Copy = page.replace(/‧/g, '·')
    const fromBig5 = cleanText(decodeBytes(new Uint8Array(iconv.encode(page, 'big5')), 'big5').text)
    const fromUtf8 = cleanText(utf8Copy)
    expect(fromBig5.text).toBe(fromUtf8.text)
    expect(normaliseCompatibility('‧・･')).toBe('···')
    // Full-width punctuation is the text's own and stays.
    expect(normaliseCompatibility('，。：（）１４')).toBe('，。：（）１４')
  })

  it('never lengthens a text: a compatibility ideograph whose unified form lies outside the BMP stays', () => {
    // U+F900 has a BMP unified form and is mapped; U+FACF's is U+2284A (two code units) and is kept.
    expect(normaliseCompatibility('\uf900\ufacf')).toBe('\u8c48\ufacf')
    expect(cleanText('\ufacf').text.length).toBe(1)
  })
})
