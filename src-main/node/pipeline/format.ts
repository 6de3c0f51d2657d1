// Input format from file name and magic bytes. The extension says what the user thinks the file
// is; the first bytes say what it really is. Where they disagree the content wins (a .doc that
// is really a .docx package, a .txt that is really a PDF) so the right reader is used.
import type { SourceFormat } from '../../common/record'

export type InputFormat = Exclude<SourceFormat, 'zip-member' | 'paste'> | 'zip'

const BY_EXT: Record<string, InputFormat> = {
  txt: 'txt', text: 'txt', csv: 'txt', log: 'txt',
  md: 'md', markdown: 'md',
  docx: 'docx', docm: 'docx', dotx: 'docx', wps: 'doc',
  doc: 'doc', dot: 'doc',
  pdf: 'pdf',
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html', asp: 'html', aspx: 'html', php: 'html', jsp: 'html',
  mhtml: 'mhtml', mht: 'mhtml',
  zip: 'zip'
}

/** OS and editor leftovers that are never documents. */
const JUNK_NAMES = new Set(['thumbs.db', 'ehthumbs.db', 'desktop.ini', '.ds_store', '__macosx', 'icon\r', '$recycle.bin', 'system volume information'])

export function isJunkName(name: string): boolean {
  const n = name.toLowerCase()
  return n.startsWith('.') || n.startsWith('~$') || n.startsWith('._') || JUNK_NAMES.has(n)
}

export function formatFromName(name: string): InputFormat | 'unknown' | 'unsupported' {
  const base = name.split(/[\\/]/).pop() ?? name
  const i = base.lastIndexOf('.')
  if (i <= 0) return 'unknown'
  const ext = base.slice(i + 1).toLowerCase()
  if (ext in BY_EXT) return BY_EXT[ext]
  // Common binary types we know we cannot read: refuse with a clear reason instead of
  // decoding garbage.
  return 'unsupported'
}

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false
  return true
}

function asciiHead(b: Uint8Array, n = 1024): string {
  return Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, n)).toString('latin1')
}

/** Names of the entries in a zip's central directory (empty when it cannot be found). */
export function zipEntryNames(b: Uint8Array, max = 200): string[] {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength)
  const from = Math.max(0, buf.length - 65557)
  let eocd = -1
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return []
  const cdSize = buf.readUInt32LE(eocd + 12)
  let p = buf.readUInt32LE(eocd + 16)
  const end = Math.min(buf.length, p + cdSize)
  const names: string[] = []
  while (p + 46 <= end && names.length < max && buf.readUInt32LE(p) === 0x02014b50) {
    const n = buf.readUInt16LE(p + 28)
    const x = buf.readUInt16LE(p + 30)
    const c = buf.readUInt16LE(p + 32)
    names.push(buf.toString('latin1', p + 46, p + 46 + n))
    p += 46 + n + x + c
  }
  return names
}

/** Does a PK zip package hold a Word document? (a .docx is a zip with word/document.xml). */
function zipLooksLikeDocx(b: Uint8Array): boolean {
  const names = zipEntryNames(b)
  if (names.length) return names.includes('word/document.xml')
  // No readable central directory (truncated): judge from the first local header's name.
  const n = b.length > 30 ? b[26] | (b[27] << 8) : 0
  const first = Buffer.from(b.buffer, b.byteOffset + 30, Math.min(n, Math.max(0, b.length - 30))).toString('latin1')
  return first === '[Content_Types].xml' || first.startsWith('word/')
}

/** Final format from content, with the name's guess as the tie-breaker. */
export function sniffFormat(b: Uint8Array, byName: InputFormat | 'unknown' | 'unsupported'): InputFormat {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    if (byName === 'docx') return 'docx'
    if (zipLooksLikeDocx(b)) return 'docx'
    return 'zip'
  }
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'
  const head = asciiHead(b)
  if (head.startsWith('%PDF-') || (byName !== 'txt' && head.includes('%PDF-'))) return 'pdf'
  if (/^(?:MIME-Version:|From:|Content-Type:\s*multipart\/related)/i.test(head) && /multipart\/related|text\/html/i.test(head)) {
    return 'mhtml'
  }
  // Word files published on the web are often HTML, MHTML ("单个文件网页") or RTF in disguise.
  if (byName === 'doc' || byName === 'docx') {
    if (head.startsWith('{\\rtf')) return 'doc'
    if (/^\s*(?:\ufeff|\xef\xbb\xbf)?\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head)) return 'html'
  }
  if (byName === 'docx' || byName === 'doc' || byName === 'pdf' || byName === 'zip') {
    // The name promises a container but the bytes are not one: keep the name's format so the
    // container reader reports "not a valid Word document" etc.
    return byName
  }
  if (byName === 'txt' || byName === 'md' || byName === 'html' || byName === 'mhtml') {
    return byName
  }
  // No usable extension: HTML if it looks like markup, else plain text.
  if (/^\s*(?:<!doctype html|<html|<head|<meta|<body)/i.test(head.replace(/^\ufeff|^\xef\xbb\xbf/, ''))) return 'html'
  return 'txt'
}

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`
}
