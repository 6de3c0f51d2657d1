// Statistics that tell real Chinese (or plain) text from text decoded with the wrong encoding.
// Shared by the decoder (choosing among candidate encodings) and the mojibake repair.
import iconv from 'iconv-lite'
import { toSimplified } from './script'

const REPLACEMENT = 0xfffd

// Per CJK code unit: 1 when the character (after simplification) is one of the 3,755 most
// common Chinese characters, i.e. GB2312 level 1 (lead bytes B0–D7). Real Chinese prose is
// ~95–99% such characters; text decoded with the wrong encoding is full of rare ones.
const COMMON = new Uint8Array(0x10000)
;(() => {
  const chars: string[] = []
  for (let c = 0x4e00; c <= 0x9fa5; c++) chars.push(String.fromCharCode(c))
  for (const ch of chars) {
    const b = iconv.encode(ch, 'gb2312')
    if (b.length === 2 && b[0] >= 0xb0 && b[0] <= 0xd7) COMMON[ch.charCodeAt(0)] = 1
  }
  // Traditional forms of common characters are common too.
  const simp = toSimplified(chars.join(''))
  for (let i = 0; i < chars.length; i++) {
    if (COMMON[simp.charCodeAt(i)]) COMMON[chars[i].charCodeAt(0)] = 1
  }
})()

export interface TextStats {
  cjk: number
  common: number
  replacement: number
  control: number
  length: number
  /** Share of non-ASCII characters outside the scripts Chinese documents use (0..1). */
  unusual: number
}

/** Share of non-ASCII characters outside the scripts and symbols Chinese documents use. */
export function unusualNonAscii(text: string): number {
  let non = 0
  let odd = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    non++
    const usual =
      (c >= 0x3400 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) || (c >= 0xa0 && c <= 0xff) || (c >= 0x2460 && c <= 0x27bf) ||
      (c >= 0xd800 && c <= 0xdfff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2100 && c <= 0x218f) ||
      (c >= 0x0391 && c <= 0x03c9) || (c >= 0x0410 && c <= 0x044f) || (c >= 0xfe30 && c <= 0xfe4f)
    if (!usual) odd++
  }
  return non === 0 ? 0 : odd / non
}

export function textStats(text: string): TextStats {
  let cjk = 0
  let common = 0
  let replacement = 0
  let control = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x3400 && c <= 0x9fff) {
      cjk++
      if (COMMON[c]) common++
    } else if (c === REPLACEMENT) replacement++
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0xe000 && c <= 0xf8ff)) {
      // C0 controls and private-use characters: typical of a wrong decode.
      control++
    }
  }
  return { cjk, common, replacement, control, length: text.length, unusual: unusualNonAscii(text) }
}

/** 0..1: how much the decoded text looks like real (Chinese or plain) text. */
export function plausibility(s: TextStats): number {
  if (s.length === 0) return 1
  const bad = (s.replacement + s.control) / s.length
  let base: number
  if (s.cjk === 0) base = 0.9 * (1 - s.unusual)
  else {
    base = Math.min(1, s.common / s.cjk + 0.05)
    // Few characters are weak evidence either way.
    if (s.cjk < 10) base = Math.min(base, 0.75)
  }
  return Math.max(0, base - bad * 10)
}
