// HTML → article text. @mozilla/readability (over linkedom, no browser) picks the main content of
// a web page; when it finds nothing useful (short government pages, odd markup) we fall back to
// the whole body text and let the junk cleaner remove menus and link lists.
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { DecodedText } from './types'
import type { Removed } from '../../common/record'
import { decodeBytes, isKnownEncoding } from './decode-text'
import { domToText } from './html-text'

/** Charset declared in the first bytes of an HTML document (<meta charset> or http-equiv). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1')
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)
  return m ? m[1].toLowerCase() : null
}

/** Decode HTML bytes: BOM and valid UTF-8 win, then the declared charset, then detection. */
export function decodeHtmlBytes(bytes: Uint8Array, declared?: string | null): DecodedText {
  const auto = decodeBytes(bytes)
  if (auto.confidence >= 1 && (auto.encoding.startsWith('utf-'))) return auto
  const cs = declared ?? declaredHtmlCharset(bytes)
  if (cs && isKnownEncoding(cs)) {
    const forced = decodeBytes(bytes, cs)
    return forced
  }
  return auto
}

export function htmlToArticleText(html: string): { text: string; title: string; removed: Removed[] } {
  const { document } = parseHTML(html.includes('<html') || html.includes('<HTML') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`)
  const title = (document.querySelector('title')?.textContent ?? '').trim()
  const headings = [...document.querySelectorAll('h1, h2, h3')].map((h) => (h.textContent ?? '').trim()).filter((h) => h.length >= 4)
  const body = document.body as unknown as Parameters<typeof domToText>[0] | null
  const bodyText = body ? domToText(body) : ''
  let article = ''
  try {
    // Readability mutates the DOM it is given: run it on a separate parse.
    const { document: copy } = parseHTML(html)
    const parsed = new Readability(copy as never, { charThreshold: 100 }).parse()
    if (parsed?.content) {
      const { document: art } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`)
      article = domToText(art.body as unknown as Parameters<typeof domToText>[0])
    }
  } catch {
    article = ''
  }
  const framed = frameArticle(bodyText, article, title, headings)
  if (framed) return { text: framed.text, title, removed: framed.removed }
  // Readability sometimes keeps only a fragment (e.g. one table cell of a notice). Use it only
  // when it holds a fair share of the page's text; else the whole body is the safer choice.
  const useArticle = article.length >= 200 && article.length >= bodyText.length * 0.3
  return { text: useArticle ? article : bodyText, title, removed: [] }
}

/**
 * Readability keeps the article body but drops the headline and the date/source line above it,
 * which the extractor needs. Find the article's first and last lines in the page text, then
 * extend upwards to the headline (a line matching an <h1>–<h3> or the <title>) if it is close.
 * Returns null when the article cannot be located in the page text.
 */
function frameArticle(bodyText: string, article: string, title: string, headings: string[]): { text: string; removed: Removed[] } | null {
  const artLines = article.split('\n').filter((l) => l.trim())
  if (artLines.length === 0 || article.length < 30) return null
  const lines = bodyText.split('\n').filter((l) => l.trim())
  const start = lines.indexOf(artLines[0])
  if (start < 0) return null
  let end = -1
  const last = artLines[artLines.length - 1]
  for (let i = lines.length - 1; i >= start; i--) {
    if (lines[i] === last) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const isHeadline = (l: string): boolean =>
    l.length >= 6 && l.length <= 120 && (headings.includes(l) || (title.length >= 6 && (title.includes(l) || l.includes(title))))
  let from = start
  for (let i = start - 1; i >= Math.max(0, start - 6); i--) {
    if (isHeadline(lines[i])) {
      from = i
      break
    }
  }
  const removed: Removed[] = []
  if (from > 0) removed.push({ text: lines.slice(0, from).join('\n'), reason: 'navigation' })
  if (end + 1 < lines.length) removed.push({ text: lines.slice(end + 1).join('\n'), reason: 'other' })
  return { text: lines.slice(from, end + 1).join('\n'), removed }
}

export function readHtml(bytes: Uint8Array): DecodedText {
  const decoded = decodeHtmlBytes(bytes)
  const { text, removed } = htmlToArticleText(decoded.text)
  return { ...decoded, text, removed }
}
