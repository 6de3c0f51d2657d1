// Small text helpers shared by the extractors: Chinese numerals and clause boundaries.

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, Ｏ: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
  六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9
}
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 }

/** Character class matching a number written in Arabic, full-width or Chinese digits. */
export const NUM = '[0-9０-９.．]+|[零〇一二两兩三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾]+'

/**
 * Converts "14", "１４", "十四", "两", "二〇二二", "一百二十" to a number; NaN when it is not one.
 * Digit-by-digit readings (二〇二二) are used when no unit character appears.
 */
export function parseNumber(raw: string): number {
  const s = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace('．', '.')
  if (/^[0-9]+(\.[0-9]+)?$/.test(s)) return Number(s)
  if (!s || [...s].some((c) => DIGIT[c] === undefined && UNIT[c] === undefined)) return NaN
  if (![...s].some((c) => UNIT[c] !== undefined)) {
    let v = 0
    for (const c of s) v = v * 10 + DIGIT[c]
    return v
  }
  let total = 0
  let section = 0
  let digit = 0
  for (const c of s) {
    if (DIGIT[c] !== undefined) digit = DIGIT[c]
    else if (c === '万') {
      total += (section + digit) * 10000
      section = 0
      digit = 0
    } else {
      // A bare unit (十四) means one of it.
      section += (digit || 1) * UNIT[c]
      digit = 0
    }
  }
  return total + section + digit
}

/** A clause: a maximal run of text between clause punctuation or line breaks. */
export interface Clause {
  start: number
  end: number
}

// Commas, full stops, semicolons, colons, exclamation and question marks and line breaks end a
// clause (END_CODES below). Quotation marks do not: gold evidence spans keep 实行“足不出户”管理
// together.

// GBK mojibake leaves '?' for lost bytes inside words (冷鏈?zhǔn)称): an ASCII '?' ends a clause only
// after a question particle or before a space, quote or line end.
const QUESTION_BEFORE = /[吗呢么吧嘛否啊呀]/
const QUESTION_AFTER = /[\s\u3000”」』)）]/

function isLostByte(text: string, i: number): boolean {
  if (text[i] !== '?') return false
  if (i + 1 >= text.length || QUESTION_AFTER.test(text[i + 1])) return false
  return i === 0 || !QUESTION_BEFORE.test(text[i - 1])
}

// A comma inside a short quoted slogan (「足不出戶，錯峰取物」) does not end the clause.
const SLOGAN = /[“「『][^“”「」『』\n。；]{1,16}[”」』]/g
// Nor does a comma inside a short parenthesis (全市学校（含幼儿园、培训机构，下同）暂停线下教学).
// A pinyin gloss nested inside (含幼兒(er) 園、…，下同) does not end the parenthesis.
const PAREN = /[（(](?:[^（()）\n。；]|[（(][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,8}[)）]){1,40}[)）]/g

// Character tables instead of a regex test per character: clause splitting runs over every
// character of every document.
const END_CODES = new Set([...'，,。；;：:！!？?\n'].map((c) => c.charCodeAt(0)))
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0x0b || c === 0x0c

// The colon of a clock time (16:00-17:00, 8：30) is part of the time, not a clause break.
const ASCII_DIGIT = /[0-9０-９]/
function isClockColon(text: string, i: number): boolean {
  const c = text[i]
  return (c === ':' || c === '：') && ASCII_DIGIT.test(text[i - 1] ?? '') && ASCII_DIGIT.test(text[i + 1] ?? '')
}

/** Splits text into clauses, trimming whitespace off each. */
export function clauses(text: string): Clause[] {
  const out: Clause[] = []
  let quoted: Set<number> | null = null
  for (const re of [SLOGAN, PAREN]) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      for (let j = 1; j < m[0].length - 1; j++) {
        if (m[0][j] === '，' || m[0][j] === ',') (quoted ??= new Set()).add(m.index + j)
      }
    }
  }
  let s = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || (END_CODES.has(text.charCodeAt(i)) && !isLostByte(text, i) && !quoted?.has(i) && !isClockColon(text, i))) {
      let a = s
      let b = i
      while (a < b && isSpace(text.charCodeAt(a))) a++
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--
      if (b > a) out.push({ start: a, end: b })
      s = i + 1
    }
  }
  return out
}

/** Sentences: like clauses but only broken at full stops, semicolons and line breaks. */
export function sentences(text: string): Clause[] {
  const out: Clause[] = []
  let s = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || /[。；;！!？?\n]/.test(text[i])) {
      if (i > s) out.push({ start: s, end: i })
      s = i + 1
    }
  }
  return out
}

/** Lines with their offsets. */
export function lines(text: string): Clause[] {
  const out: Clause[] = []
  let s = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ start: s, end: i })
      s = i + 1
    }
  }
  return out
}

// Markup remains: tags (<br>, </p>), their mangled forms (?/p>) and Markdown images (![]()).
const MARKUP = /<\/?[a-zA-Z][^<>\n]{0,80}>|\?\/[a-z]{1,6}>|!\[[^\]\n]*\]\([^)\n]*\)|&nbsp;/g

/**
 * Replaces markup remains by line breaks of the same length, so they end clauses and lines but
 * every offset stays valid in the original text.
 */
export function maskMarkup(s: string): string {
  return s.replace(MARKUP, (m) => '\n'.repeat(m.length))
}
