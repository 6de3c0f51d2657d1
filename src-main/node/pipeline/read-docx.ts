// .docx → text with mammoth. A .docx is a zip; the raw-text extraction keeps paragraph breaks
// (mammoth emits a blank line between paragraphs), which the cleaner later collapses.
import mammoth from 'mammoth'
import { ImportError } from './import-error'
import type { DecodedText } from './types'

export async function readDocx(bytes: Uint8Array): Promise<DecodedText> {
  if (!(bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new ImportError('docxNotPackage')
  }
  let value: string
  let messages: Array<{ type: string; message: string }>
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    value = r.value
    messages = r.messages
  } catch (err) {
    const msg = String((err as Error)?.message ?? err)
    if (/end of central directory|corrupt|invalid|zip/i.test(msg)) {
      throw new ImportError('docxDamaged', {}, { cause: err })
    }
    if (/word\/document\.xml|main document/i.test(msg)) {
      throw new ImportError('docxNoBody', {}, { cause: err })
    }
    throw new ImportError('docxDamaged', {}, { cause: err })
  }
  const warnings: string[] = []
  if (messages.some((m) => m.type === 'error')) warnings.push('parts of the Word document could not be read')
  return { text: value.replace(/\r\n?/g, '\n'), encoding: 'docx', confidence: 1, warnings }
}
