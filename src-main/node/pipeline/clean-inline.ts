// Character-level repairs that do not depend on line structure: HTML remains, pinyin glosses
// left by bad script converters, citation marks, anti-scraping noise, doubled punctuation.
// Every repair is linear in the text (simple non-nested regexes) and reports what it removed.
import type { Removed } from '../../common/record'

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•', ensp: ' ', emsp: ' ', thinsp: ' ', copy: '©', reg: '®',
  times: '×', divide: '÷', laquo: '«', raquo: '»', zwnj: '', zwj: ''
}

const BLOCK_TAG = /<\s*\/?\s*(?:p|div|br|li|tr|h[1-6]|section|article|table|ul|ol|blockquote)\b[^<>]{0,200}>/gi
const ANY_TAG = /<\s*\/?\s*[a-zA-Z][a-zA-Z0-9:-]{0,20}(?:\s[^<>]{0,500})?\/?>/g
const SCRIPT_STYLE = /<(script|style)\b[^]*?<\/\1\s*>/gi
const COMMENT = /<!--[^]*?-->/g
// "?/p>" and "</p>" fragments left where a multi-byte character ate the "<" in a bad re-encode.
const BROKEN_TAG = /\?\/?(?:p|div|span|br|strong|b|i|em|li|td|tr|font)>/gi
// Markdown images/links with no text, e.g. "![]()" or "![](http://…)".
const MD_IMAGE = /!\[[^\]\n]{0,100}\]\([^)\n]{0,300}\)/g
// Markdown remains (from .md files and sites that publish markdown source): links keep their
// text, headings and bold markers go.
const MD_LINK = /\[([^\]\n]{1,200})\]\((?:https?:|\/)[^)\n]{0,300}\)/g
const MD_HEADING = /^#{1,6}[ \t]+/gm
const MD_BOLD = /\*\*([^*\n]{1,200})\*\*/g
const ENTITY = /&(?:#(\d{1,6})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g

function decodeEntity(m: string, dec?: string, hex?: string, name?: string): string {
  if (dec || hex) {
    const cp = dec ? parseInt(dec, 10) : parseInt(hex!, 16)
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m
  }
  const v = NAMED_ENTITIES[name!.toLowerCase()]
  return v === undefined ? m : v
}

/** Remove HTML/markdown remains; returns text and what was removed (grouped). */
export function stripHtmlRemains(text: string, removed: Removed[]): string {
  const hits: string[] = []
  const note = (m: string): void => {
    if (hits.length < 20) hits.push(m.length > 80 ? m.slice(0, 80) + '…' : m)
  }
  let t = text
  if (t.includes('<')) {
    t = t.replace(SCRIPT_STYLE, (m) => (note(m), '\n'))
    t = t.replace(COMMENT, (m) => (note(m), ''))
    t = t.replace(BLOCK_TAG, (m) => (note(m), '\n'))
    t = t.replace(ANY_TAG, (m) => (note(m), ''))
  }
  if (t.includes('>')) t = t.replace(BROKEN_TAG, (m) => (note(m), ''))
  if (t.includes('![')) t = t.replace(MD_IMAGE, (m) => (note(m), ''))
  if (t.includes('](')) t = t.replace(MD_LINK, (m, label: string) => (note(m), label))
  if (t.includes('#')) t = t.replace(MD_HEADING, (m) => (note(m.trim()), ''))
  if (t.includes('**')) t = t.replace(MD_BOLD, (_m, inner: string) => (note('**'), inner))
  if (t.includes('&')) t = t.replace(ENTITY, (m, d, h, n) => {
    const r = decodeEntity(m, d, h, n)
    if (r !== m) note(m)
    return r
  })
  if (hits.length) removed.push({ text: hits.join(' '), reason: 'html' })
  return t
}

// A CJK character followed by a parenthesised pinyin syllable WITH a tone mark, e.g. 發(fā),
// 區(qū), 據(jù): glosses that some traditional-script converters insert. Requiring a tone mark
// keeps real parentheses such as "(COP15)" or "(a)".
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ'
const PINYIN_GLOSS = new RegExp(`([\\u3400-\\u9fff])[(（]([a-zü${TONED}]{1,6})[)）]`, 'g')
const HAS_TONE = new RegExp(`[${TONED}]`)

export function stripPinyinGlosses(text: string, removed: Removed[]): string {
  if (!text.includes('(') && !text.includes('（')) return text
  let n = 0
  const sample: string[] = []
  const out = text.replace(PINYIN_GLOSS, (m, ch: string, py: string) => {
    if (!HAS_TONE.test(py)) return m
    n++
    if (sample.length < 10) sample.push(m)
    return ch
  })
  if (n) removed.push({ text: `${n} pinyin gloss${n === 1 ? '' : 'es'}: ${sample.join(' ')}`, reason: 'other' })
  return out
}

// Wiki-style citation marks "[1]" right after text.
const CITATION = /(?<=[\u3400-\u9fff。，、；：”）)])\[\d{1,3}\]/g
// Anti-scraping noise appended to a line: a run of ASCII with symbols typical of random
// strings (e.g. " 1b)^5U ;"), after Chinese text, at the end of the line.
const TRAILING_NOISE = /(?<=[\u3400-\u9fff。，、；：！？”）])[ \t]+([\x21-\x7e]{2,16}(?:[ \t][\x21-\x7e]{1,6})?)[ \t]*$/gm
const NOISE_SYMBOLS = /[\^$%&#{}\\<>'`~|+=;@*]/g

export function looksLikeRandomAscii(s: string): boolean {
  const t = s.replace(/\s+/g, '')
  if (t.length < 2 || t.length > 24) return false
  if (/^(?:https?:|www\.)/i.test(t)) return false
  if (/^[\d.,:\-/%]+$/.test(t)) return false // numbers, dates, times
  if (/^[A-Za-z]+$/.test(t) && t.length <= 6) return false // a short word: "VX", "QQ"
  const symbols = (t.match(NOISE_SYMBOLS) ?? []).length
  const hasLetter = /[A-Za-z]/.test(t)
  const mixedCase = /[a-z]/.test(t) && /[A-Z]/.test(t) && /\d/.test(t)
  return (symbols >= 2 && hasLetter) || (symbols >= 1 && mixedCase) || (symbols >= 3)
}

// Inline widgets and paywall notes: font-size switches "A+A-", "…省略446字，正式会员可完整阅读…".
const INLINE_WIDGETS = /A\+\s*A-|[…．.]*(?:省略|隐藏|隱藏)\d+字[,，]?(?:正式)?(?:会员|會員|登录|登錄)[^…\n]{0,12}(?:阅读|閱讀)[…．.]*/g

export function stripInlineNoise(text: string, removed: Removed[]): string {
  let t = text
  const widgets: string[] = []
  t = t.replace(INLINE_WIDGETS, (m) => (widgets.length < 10 && widgets.push(m), ''))
  if (widgets.length) removed.push({ text: widgets.join(' '), reason: 'other' })
  const cites: string[] = []
  if (t.includes('[')) t = t.replace(CITATION, (m) => (cites.length < 10 && cites.push(m), ''))
  if (cites.length) removed.push({ text: cites.join(' '), reason: 'other' })
  const noise: string[] = []
  t = t.replace(TRAILING_NOISE, (m, junk: string) => {
    if (!looksLikeRandomAscii(junk)) return m
    noise.push(junk)
    return ''
  })
  if (noise.length) removed.push({ text: noise.join(' '), reason: 'spam' })
  return t
}

// Doubled punctuation from sloppy copying ("，，", "。。", "！!"); ellipses and dashes are
// written doubled on purpose and are left alone.
const DOUBLED = /([，。、；：,;])(?:[ \t]*\1)+/g

export function collapseDoubledPunctuation(text: string, removed: Removed[]): string {
  let n = 0
  const out = text.replace(DOUBLED, (_m, p: string) => {
    n++
    return p
  })
  if (n) removed.push({ text: `${n} doubled punctuation mark${n === 1 ? '' : 's'}`, reason: 'other' })
  return out
}
