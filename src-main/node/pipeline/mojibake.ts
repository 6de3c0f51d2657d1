// Repair of "mojibake": UTF-8 text that was once decoded with the wrong legacy encoding and
// saved again, e.g. 疫情 → "鐤儏" (UTF-8 bytes read as GBK) or "ç–«æƒ…" (read as Windows-1252).
// Encoding such text back with the wrong encoding gives the original bytes, which decode as
// valid UTF-8.
//
// The repair works on runs of non-ASCII characters: a bad copy often lost a byte here and there
// (shown as "�" or "?"), which breaks only the run around it; the other runs are still repaired.
// A run is replaced only when its round trip is lossless and strict UTF-8 accepts the bytes,
// and the whole repair is accepted only when the result reads as common Chinese.
import iconv from 'iconv-lite'
import { plausibility, textStats } from './decode-text-stats'

const utf8Fatal = new TextDecoder('utf-8', { fatal: true })
const utf8Lenient = new TextDecoder('utf-8')

// Windows-1252 as browsers implement it: the five undefined bytes map to C1 controls.
const CP1252_REVERSE = new Map<number, number>()
for (let b = 0x80; b <= 0x9f; b++) {
  const ch = iconv.decode(Buffer.of(b), 'windows-1252')
  if (ch !== '\ufffd') CP1252_REVERSE.set(ch.charCodeAt(0), b)
}

function encodeCp1252(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x100) out[i] = c
    else {
      const b = CP1252_REVERSE.get(c)
      if (b === undefined) return null
      out[i] = b
    }
  }
  return out
}

function encodeGbk(s: string): Uint8Array | null {
  const bytes = iconv.encode(s, 'gbk')
  return iconv.decode(bytes, 'gbk') === s ? bytes : null
}

function repairRun(run: string, enc: 'gbk' | 'cp1252'): string | null {
  const bytes = enc === 'gbk' ? encodeGbk(run) : encodeCp1252(run)
  if (!bytes) return null
  let r: string
  try {
    r = utf8Fatal.decode(bytes)
  } catch {
    // A run next to a lost byte ends (or starts) with a partial UTF-8 sequence. Accept the
    // decode when only a couple of characters at the damaged edges fail; they stay visible as
    // "�" (and are counted in the warnings), nothing is replaced silently.
    r = utf8Lenient.decode(bytes)
    let bad = 0
    for (let i = 0; i < r.length; i++) if (r.charCodeAt(i) === 0xfffd) bad++
    const interior = r.slice(2, -2)
    if (bad > 2 || interior.includes('\ufffd')) return null
  }
  return r === run ? null : r
}

// Runs of characters that can be mojibake: anything but ASCII, the replacement character and
// line breaks. ASCII passes through both kinds of mojibake unchanged.
const RUN = /[^\x00-\x7f\ufffd\n]+/g

function repairRuns(text: string, enc: 'gbk' | 'cp1252'): { text: string; runs: number } {
  let runs = 0
  const out = text.replace(RUN, (run) => {
    const r = repairRun(run, enc)
    if (r === null) return run
    // A repaired run must itself read as common text, else leave it alone.
    const st = textStats(r.replace(/\ufffd/g, ''))
    if ((st.cjk > 0 && st.common / st.cjk < 0.7) || st.control > 0) return run
    runs++
    return r
  })
  return { text: out, runs }
}

const LATIN_MOJIBAKE = /[\u00c3-\u00e9][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/g

export interface MojibakeRepair {
  text: string
  from: string
}

/** Try to undo mojibake; returns null when the text does not look like mojibake. */
export function repairMojibake(text: string): MojibakeRepair | null {
  const before = textStats(text)
  // Windows-1252 type: many "Ã¤"-like pairs, few or no Chinese characters.
  const latin = text.match(LATIN_MOJIBAKE)?.length ?? 0
  if (latin >= 4 && before.cjk < latin) {
    const r = repairRuns(text, 'cp1252')
    if (r.runs > 0 && textStats(r.text).cjk > before.cjk + latin / 3) return { text: r.text, from: 'windows-1252' }
  }
  // GBK type: plenty of CJK characters, but mostly rare ones.
  if (before.cjk >= 20 && before.common / before.cjk < 0.75) {
    const r = repairRuns(text, 'gbk')
    if (r.runs > 0) {
      const after = textStats(r.text)
      if (plausibility(after) > plausibility(before) + 0.15) return { text: r.text, from: 'gbk' }
    }
  }
  return null
}
