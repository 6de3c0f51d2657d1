// Test helpers: a same-length simplified shadow (the pipeline's contract) built with opencc-js
// character by character, and a one-call extraction.
import * as OpenCC from 'opencc-js'
import { extractFields } from '../../../src-main/node/extract/extract'
import type { ExtractedFields } from '../../../src-main/node/pipeline/types'

const conv = OpenCC.Converter({ from: 'tw', to: 'cn' })

export function shadow(text: string): string {
  let out = ''
  for (const c of text) {
    const s = conv(c)
    out += s.length === c.length ? s : c
  }
  return out
}

export function run(text: string, fileName = 'test.txt'): ExtractedFields {
  return extractFields({ text, simplified: shadow(text), fileName })
}

export function names(f: ExtractedFields): string[] {
  return f.regions.map((r) => r.name)
}
