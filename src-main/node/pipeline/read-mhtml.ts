// MHTML (.mht/.mhtml, "web page, single file") → article text. It is a MIME multipart message:
// we find the first text/html part (else text/plain), undo its transfer encoding
// (quoted-printable or base64) and decode it with its declared charset.
import { ImportError } from './import-error'
import type { DecodedText } from './types'
import { decodeBytes } from './decode-text'
import { decodeHtmlBytes, htmlToArticleText } from './read-html'

interface MimePart {
  headers: Map<string, string>
  body: Buffer
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  // Unfold continuation lines first (RFC 5322).
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim())
  }
  return headers
}

function param(value: string | undefined, name: string): string | null {
  if (!value) return null
  const m = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)
  return m ? (m[1] ?? m[2]) : null
}

function splitHeaderBody(s: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(s)
  if (!m) return [s, '']
  return [s.slice(0, m.index), s.slice(m.index + m[0].length)]
}

export function decodeQuotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, '')
  const out: number[] = []
  for (let i = 0; i < soft.length; i++) {
    const c = soft.charCodeAt(i)
    if (c === 0x3d && i + 2 < soft.length + 0 && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16))
      i += 2
    } else out.push(c & 0xff)
  }
  return Buffer.from(out)
}

function decodeBody(raw: string, transfer: string | undefined): Buffer {
  const t = (transfer ?? '').toLowerCase()
  if (t === 'base64') return Buffer.from(raw.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
  if (t === 'quoted-printable') return decodeQuotedPrintable(raw)
  return Buffer.from(raw, 'latin1')
}

export function parseMhtml(bytes: Uint8Array): MimePart[] {
  // latin1 keeps every byte as one char, so binary bodies survive the string handling.
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const [head, rest] = splitHeaderBody(s)
  const headers = parseHeaders(head)
  const boundary = param(headers.get('content-type'), 'boundary')
  if (!boundary) {
    if (!headers.has('content-type')) throw new ImportError('mhtmlNoHeaders')
    return [{ headers, body: decodeBody(rest, headers.get('content-transfer-encoding')) }]
  }
  const parts: MimePart[] = []
  for (const chunk of rest.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break
    const [h, b] = splitHeaderBody(chunk.replace(/^\r?\n/, ''))
    const ph = parseHeaders(h)
    parts.push({ headers: ph, body: decodeBody(b.replace(/\r?\n$/, ''), ph.get('content-transfer-encoding')) })
  }
  return parts
}

export function readMhtml(bytes: Uint8Array): DecodedText {
  const parts = parseMhtml(bytes)
  const pick = (type: string): MimePart | undefined =>
    parts.find((p) => (p.headers.get('content-type') ?? '').toLowerCase().startsWith(type))
  const html = pick('text/html')
  if (html) {
    const decoded = decodeHtmlBytes(html.body, param(html.headers.get('content-type'), 'charset'))
    const { text, removed } = htmlToArticleText(decoded.text)
    return { ...decoded, text, removed }
  }
  const plain = pick('text/plain')
  if (plain) {
    const cs = param(plain.headers.get('content-type'), 'charset')
    try {
      return decodeBytes(plain.body, cs ?? undefined)
    } catch {
      return decodeBytes(plain.body)
    }
  }
  throw new ImportError('mhtmlNoPage')
}
