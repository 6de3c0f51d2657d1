// Rarely read, large texts (the raw decoded text of each original) are kept deflate-compressed.
import { deflateRawSync, inflateRawSync } from 'node:zlib'

export function packText(text: string): Uint8Array {
  return new Uint8Array(deflateRawSync(Buffer.from(text, 'utf8'), { level: 6 }))
}

export function unpackText(blob: Uint8Array): string {
  return inflateRawSync(blob).toString('utf8')
}
