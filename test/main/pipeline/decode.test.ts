import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { decodeBytes, LOW_CONFIDENCE } from '../../../src-main/node/pipeline/decode-text'
import { ImportError } from '../../../src-main/node/pipeline/import-error'

// A short made-up notice, written for this test.
const SIMPLIFIED = [
  '关于做好春节期间疫情防控工作的通知',
  '各乡镇、各有关单位：为切实做好春节期间疫情防控工作，保障群众度过平安祥和的节日，现将有关事项通知如下。',
  '一、返乡人员须提前三天向所在村（社区）报备，抵达后主动进行核酸检测。',
  '二、农村集市、庙会等聚集性活动暂停举办，红白喜事从简办理。',
  '特此通知。'
].join('\n')
const TRADITIONAL = [
  '關於做好春節期間疫情防控工作的通知',
  '各鄉鎮、各有關單位：為切實做好春節期間疫情防控工作，保障群眾度過平安祥和的節日，現將有關事項通知如下。',
  '一、返鄉人員須提前三天向所在村（社區）報備，抵達後主動進行核酸檢測。',
  '二、農村集市、廟會等聚集性活動暫停舉辦，紅白喜事從簡辦理。',
  '特此通知。'
].join('\n')

const enc = (s: string, e: string): Uint8Array => new Uint8Array(iconv.encode(s, e))
const withBom = (bom: number[], body: Uint8Array): Uint8Array => new Uint8Array([...bom, ...body])

describe('decodeBytes', () => {
  const cases: Array<[string, Uint8Array, string, string]> = [
    ['UTF-8', enc(SIMPLIFIED, 'utf8'), SIMPLIFIED, 'utf-8'],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], enc(SIMPLIFIED, 'utf8')), SIMPLIFIED, 'utf-8'],
    ['GB18030', enc(SIMPLIFIED, 'gb18030'), SIMPLIFIED, 'gb18030'],
    ['GBK', enc(SIMPLIFIED, 'gbk'), SIMPLIFIED, 'gb18030'],
    ['Big5 (traditional)', enc(TRADITIONAL, 'big5'), TRADITIONAL, 'big5'],
    ['UTF-16LE without BOM', enc(SIMPLIFIED, 'utf-16le'), SIMPLIFIED, 'utf-16le'],
    ['UTF-16BE without BOM', enc(SIMPLIFIED, 'utf-16be'), SIMPLIFIED, 'utf-16be'],
    ['UTF-16LE with BOM', withBom([0xff, 0xfe], enc(SIMPLIFIED, 'utf-16le')), SIMPLIFIED, 'utf-16le'],
    ['UTF-16BE with BOM', withBom([0xfe, 0xff], enc(SIMPLIFIED, 'utf-16be')), SIMPLIFIED, 'utf-16be']
  ]
  for (const [name, bytes, expected, encoding] of cases) {
    it(`decodes ${name} to the same text`, () => {
      const d = decodeBytes(bytes)
      expect(d.text).toBe(expected)
      expect(d.encoding).toBe(encoding)
      expect(d.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE)
      expect(d.warnings).toEqual([])
    })
  }

  it('normalises CRLF line ends', () => {
    expect(decodeBytes(enc(SIMPLIFIED.replace(/\n/g, '\r\n'), 'gb18030')).text).toBe(SIMPLIFIED)
  })

  it('re-decodes with a forced encoding', () => {
    const bytes = enc(SIMPLIFIED, 'gb18030')
    const wrong = decodeBytes(bytes, 'big5')
    expect(wrong.encoding).toBe('big5')
    expect(wrong.text).not.toBe(SIMPLIFIED)
    expect(decodeBytes(bytes, 'GBK').text).toBe(SIMPLIFIED)
    expect(() => decodeBytes(bytes, 'no-such-encoding')).toThrow(ImportError)
  })

  it('warns about low confidence on a very short legacy-encoded text instead of guessing silently', () => {
    const d = decodeBytes(enc('通知', 'gb18030'))
    expect(d.confidence).toBeLessThan(LOW_CONFIDENCE)
    expect(d.warnings.join(' ')).toMatch(/low confidence; re-decode/)
  })

  it('never replaces undecodable bytes silently', () => {
    // Valid GB18030 with one broken two-byte sequence in the middle.
    const good = enc(SIMPLIFIED, 'gb18030')
    const broken = new Uint8Array([...good.subarray(0, 40), 0x81, 0x20, ...good.subarray(40)])
    const d = decodeBytes(broken)
    expect(d.text).toContain('\ufffd')
    expect(d.warnings.some((w) => /could not be decoded/.test(w))).toBe(true)
  })

  it('keeps a UTF-8 file cut in the middle of a character as UTF-8, showing the cut', () => {
    const bytes = enc(SIMPLIFIED, 'utf8')
    const d = decodeBytes(bytes.subarray(0, bytes.length - 2))
    expect(d.encoding).toBe('utf-8')
    expect(d.text.startsWith(SIMPLIFIED.slice(0, -1))).toBe(true)
    expect(d.text.endsWith('\ufffd')).toBe(true)
    expect(d.warnings.some((w) => /could not be decoded as utf-8/.test(w))).toBe(true)
  })

  it('refuses binary data', () => {
    const bytes = new Uint8Array(4096)
    let x = 12345
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff
      bytes[i] = x >> 16
    }
    expect(() => decodeBytes(bytes)).toThrow(ImportError)
  })
})

describe('mojibake repair', () => {
  // What a bad copy produces: UTF-8 bytes read as GBK (or Windows-1252) and saved as UTF-8.
  const garble = (s: string, wrong: string): Uint8Array => new Uint8Array(Buffer.from(iconv.decode(Buffer.from(s, 'utf8'), wrong), 'utf8'))

  it('repairs UTF-8 text that was read as GBK, with a warning', () => {
    const line = '关于做好春节期间疫情防控工作的通知'
    const d = decodeBytes(garble(line, 'gbk'))
    expect(d.text).toBe(line)
    expect(d.warnings.some((w) => /mojibake/.test(w))).toBe(true)
  })

  it('repairs what it can when bytes were lost, and shows the loss', () => {
    // The final "。" of each line (3 bytes) cannot survive the GBK round trip: its last byte was
    // lost in the bad copy. Everything before it comes back; the loss stays visible as �.
    const d = decodeBytes(garble(SIMPLIFIED, 'gbk'))
    const lines = d.text.split('\n')
    const orig = SIMPLIFIED.split('\n')
    expect(lines).toHaveLength(orig.length)
    lines.forEach((l, i) => expect(l.startsWith(orig[i].slice(0, -1))).toBe(true))
    expect(lines[1].endsWith('\ufffd')).toBe(true)
    expect(d.warnings.some((w) => /mojibake/.test(w))).toBe(true)
    expect(d.warnings.some((w) => /could not be decoded/.test(w))).toBe(true)
  })

  it('repairs UTF-8 text that was read as Windows-1252', () => {
    const word = '疫情防控' // every byte of these characters is defined in Windows-1252
    const d = decodeBytes(garble(`${word}，${word}。`, 'windows-1252'))
    expect(d.text).toBe(`${word}，${word}。`)
  })

  it('asks chardet when no Chinese reading is convincing (a Western legacy text)', () => {
    const t = 'Pour éviter la propagation du virus, portez un masque et évitez les déplacements non essentiels.'
    const d = decodeBytes(new Uint8Array(iconv.encode(t, 'windows-1252')))
    expect(d.text).toBe(t)
    expect(d.encoding).toMatch(/^(iso-8859-1|windows-1252)$/)
  })

  it('leaves correct text alone, including rare characters', () => {
    const t = '鄱阳县、婺源县、彭泽县，以及黟县、歙县的防控要求。'
    const d = decodeBytes(new Uint8Array(Buffer.from(t, 'utf8')))
    expect(d.text).toBe(t)
    expect(d.warnings).toEqual([])
  })
})
