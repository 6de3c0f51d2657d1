// RTF → text. Chinese government sites often publish "Word" files that are really RTF (saved as
// .doc), so the .doc reader hands RTF content here. A small tokenizer is enough for text:
// control words for paragraphs/tabs, \'hh bytes in the document code page (\ansicpg936 = GBK),
// \uN Unicode escapes with their \ucN fallbacks, and skipped destinations (fonts, styles,
// pictures, document info).
import iconv from 'iconv-lite'
import { ImportError } from './import-error'
import type { DecodedText } from './types'

export function isRtf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.buffer, bytes.byteOffset, 5).toString('latin1') === '{\\rtf'
}

const SKIP_DESTINATIONS = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'footer', 'headerl', 'headerr', 'footerl',
  'footerr', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping',
  'latentstyles', 'datastore', 'fldinst', 'filetbl', 'revtbl', 'pgdsctbl', 'bkmkstart', 'bkmkend', 'footnote'
])

function codepageName(cp: number): string {
  if (cp === 936) return 'gbk'
  if (cp === 950) return 'big5'
  if (cp === 65001) return 'utf-8'
  if (cp === 54936) return 'gb18030'
  return iconv.encodingExists(`cp${cp}`) ? `cp${cp}` : 'windows-1252'
}

export function readRtf(bytes: Uint8Array): DecodedText {
  if (!isRtf(bytes)) throw new ImportError('rtfInvalid')
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  let codepage = 'gbk'
  const out: string[] = []
  let pending: number[] = [] // \'hh bytes waiting to be decoded together (multi-byte characters)
  const flushBytes = (): void => {
    if (pending.length) {
      out.push(iconv.decode(Buffer.from(pending), codepage))
      pending = []
    }
  }
  // Group stack: whether the group is skipped, and its \uc value.
  const stack: Array<{ skip: boolean; uc: number }> = [{ skip: false, uc: 1 }]
  let skipChars = 0 // fallback characters to drop after a \uN
  let i = 0
  while (i < s.length) {
    const ch = s[i]
    const top = stack[stack.length - 1]
    if (ch === '{') {
      flushBytes()
      stack.push({ skip: top.skip, uc: top.uc })
      // "{\*\dest" is an ignorable destination.
      if (s.startsWith('\\*', i + 1)) stack[stack.length - 1].skip = true
      i++
      continue
    }
    if (ch === '}') {
      flushBytes()
      if (stack.length > 1) stack.pop()
      i++
      continue
    }
    if (ch === '\\') {
      const next = s[i + 1]
      if (next === "'") {
        const b = parseInt(s.slice(i + 2, i + 4), 16)
        i += 4
        if (skipChars > 0) {
          skipChars--
          continue
        }
        if (!top.skip && !Number.isNaN(b)) pending.push(b)
        continue
      }
      if (next === '\\' || next === '{' || next === '}') {
        flushBytes()
        if (!top.skip) out.push(next)
        i += 2
        continue
      }
      const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(s.slice(i + 1, i + 45))
      if (!m) {
        // Control symbols: \~ (non-breaking space), \- (optional hyphen), \_ etc.
        if (next === '~' && !top.skip) out.push(' ')
        i += 2
        continue
      }
      i += 1 + m[0].length
      const word = m[1]
      const arg = m[2] !== undefined ? Number(m[2]) : undefined
      if (word !== 'u') flushBytes()
      if (SKIP_DESTINATIONS.has(word)) top.skip = true
      else if (word === 'ansicpg' && arg !== undefined) codepage = codepageName(arg)
      else if (word === 'uc' && arg !== undefined) top.uc = arg
      else if (word === 'u' && arg !== undefined) {
        flushBytes()
        if (!top.skip) out.push(String.fromCharCode(arg < 0 ? arg + 65536 : arg))
        skipChars = top.uc
      } else if (!top.skip) {
        if (word === 'par' || word === 'line' || word === 'sect' || word === 'page' || word === 'row') out.push('\n')
        else if (word === 'tab' || word === 'cell') out.push('\t')
        else if (word === 'emdash') out.push('—')
        else if (word === 'endash') out.push('–')
        else if (word === 'lquote') out.push('‘')
        else if (word === 'rquote') out.push('’')
        else if (word === 'ldblquote') out.push('“')
        else if (word === 'rdblquote') out.push('”')
      }
      continue
    }
    if (ch === '\r' || ch === '\n') {
      i++
      continue
    }
    if (skipChars > 0) {
      skipChars--
      i++
      continue
    }
    if (!top.skip) {
      flushBytes()
      out.push(ch)
    }
    i++
  }
  flushBytes()
  const text = out.join('').split('\n').map((l) => l.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim()
  return { text, encoding: 'rtf', confidence: 1, warnings: [] }
}
