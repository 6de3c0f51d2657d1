// PDF → text with unpdf (pdf.js). A scanned PDF has no text layer: it is kept with empty text and
// a warning so the user sees it in the archive and can OCR it, rather than silently dropped.
import { extractText, getDocumentProxy } from 'unpdf'
import { ImportError } from './import-error'
import type { DecodedText } from './types'

export const NO_TEXT_LAYER = 'no text layer (scanned?) — needs OCR'

export function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-" may be preceded by a little junk; pdf.js accepts it within the first 1 KB.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1')
  return head.includes('%PDF-')
}

export async function readPdf(bytes: Uint8Array): Promise<DecodedText> {
  if (!isPdf(bytes)) throw new ImportError('pdfNoHeader')
  let pages: string[]
  try {
    // pdf.js may detach the buffer it is given: pass a copy so the caller's bytes (hashed and
    // stored as the original) stay intact.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 } as never)
    try {
      const r = await extractText(pdf, { mergePages: false })
      pages = r.text as string[]
    } finally {
      await (pdf as unknown as { destroy?: () => Promise<void> }).destroy?.().catch(() => undefined)
    }
  } catch (err) {
    const msg = String((err as Error)?.message ?? err)
    if (/password/i.test(msg)) throw new ImportError('pdfPassword', {}, { cause: err })
    throw new ImportError('pdfDamaged', {}, { cause: err })
  }
  const text = pages.map((p) => joinCjkRuns(p.replace(/\r\n?/g, '\n')).trim()).join('\n\n')
  const warnings: string[] = []
  if (text.replace(/\s+/g, '').length === 0) warnings.push(NO_TEXT_LAYER)
  return { text: text.trim() === '' ? '' : text, encoding: 'pdf', confidence: 1, warnings }
}

// pdf.js emits each text run separately and joins runs with a space, so "须持48小时" comes out as
// "须持 48 小时". Chinese does not put spaces next to CJK characters or full-width punctuation,
// so such spaces are layout artefacts and are dropped.
const CJK_SPACE = /(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])[ \t]+|[ \t]+(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])/g

export function joinCjkRuns(text: string): string {
  return text.replace(CJK_SPACE, '')
}
