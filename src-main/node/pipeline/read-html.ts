// HTML → article text. @mozilla/readability (over linkedom, no browser) picks the main content of
// a web page; when it finds nothing useful (short government pages, odd markup) we fall back to
// the whole body text and let the junk cleaner remove menus and link lists.
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { DecodedText } from './types'
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

export function htmlToArticleText(html: string): { text: string; title: string } {
  const { document } = parseHTML(html.includes('<html') || html.includes('<HTML') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`)
  const title = (document.querySelector('title')?.textContent ?? '').trim()
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
  // Readability sometimes keeps only a fragment (e.g. one table cell of a notice). Use it only
  // when it holds a fair share of the page's text; else the whole body is the safer choice.
  const useArticle = article.length >= 200 && article.length >= bodyText.length * 0.3
  return { text: useArticle ? article : bodyText, title }
}

export function readHtml(bytes: Uint8Array): DecodedText {
  const decoded = decodeHtmlBytes(bytes)
  const { text } = htmlToArticleText(decoded.text)
  return { ...decoded, text }
}
