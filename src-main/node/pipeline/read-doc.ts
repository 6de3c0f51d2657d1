// Legacy Word .doc (OLE compound file) → text with word-extractor. Body only: headers and
// footers of official documents repeat page furniture we do not want in the text.
import WordExtractor from 'word-extractor'
import { ImportError } from './import-error'
import type { DecodedText } from './types'
import { isRtf, readRtf } from './read-rtf'

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const extractor = new WordExtractor()

export function isOleFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)
}

export async function readDoc(bytes: Uint8Array): Promise<DecodedText> {
  // Many published ".doc" files are really RTF.
  if (isRtf(bytes)) return readRtf(bytes)
  if (!isOleFile(bytes)) throw new ImportError('docInvalid')
  try {
    const doc = await extractor.extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    const text = doc.getBody().replace(/\r\n?/g, '\n')
    return { text, encoding: 'doc', confidence: 1, warnings: [] }
  } catch (err) {
    throw new ImportError('docDamaged', {}, { cause: err })
  }
}
