// Decode stage: RawInput → DecodedText, dispatching on the format the reader determined.
// Container formats have one reader module each; plain text goes through decodeBytes.
import type { DecodedText, RawInput } from './types'
import { decodeBytes } from './decode-text'
import { readDocx } from './read-docx'
import { readDoc } from './read-doc'
import { readPdf } from './read-pdf'
import { readHtml } from './read-html'
import { readMhtml } from './read-mhtml'
import { ImportError } from './import-error'

export { decodeBytes } from './decode-text'

export async function decodeInput(input: RawInput, forcedEncoding?: string): Promise<DecodedText> {
  if (input.bytes.length === 0) throw new ImportError('empty')
  switch (input.format) {
    case 'docx':
      return readDocx(input.bytes)
    case 'doc':
      return readDoc(input.bytes)
    case 'pdf':
      return readPdf(input.bytes)
    case 'html':
      return readHtml(input.bytes)
    case 'mhtml':
      return readMhtml(input.bytes)
    case 'zip-member':
      // The reader resolves a member's real format; a bare 'zip-member' is plain text.
      return decodeBytes(input.bytes, forcedEncoding)
    default:
      return decodeBytes(input.bytes, forcedEncoding)
  }
}
