// 发文字号: found on the simplified shadow, returned as written in the original text.
// Numbers of cited basis documents (right after 《…》) are skipped.

const PATTERNS: RegExp[] = [
  // 株疫防指告〔2022〕14号 and every bracket variant around the year. Only the bracketed core is
  // matched; the office prefix (up to 12 Chinese characters) is read backwards from it, which
  // avoids trying a 12-character prefix at every position of the text.
  /[〔［\[【（(]\s*((?:19|20)\d{2})\s*[〕］\]】）)]\s*第?\s*[0-9]{1,5}\s*号/g,
  // （2022年69号） （2021年第44号） （第34号） — kept without the brackets.
  /[（(]\s*((?:(?:19|20)\d{2}\s*年\s*)?第?\s*[0-9０-９]{1,5}\s*号)\s*[）)]/g,
  // 通告（七十）: Lanzhou-style running numbers in Chinese numerals right after the kind word.
  /(?:通告|公告|通知)\s*[（(]\s*([一二三四五六七八九十百零〇]+)\s*[）)]/g,
  // 2021年第44号 / 第308号 directly after the kind word, without brackets.
  /(?:通告|公告)\s*((?:(?:19|20)\d{2}年)?第[0-9]{1,5}号)/g,
  // A running number before the kind word or an order (第3号通告, 第三号令), and in brackets in Chinese
  // numerals ((第三号)).
  // (In a heading only: in prose it is the number of a relayed notice.)
  /(第\s*(?:[0-9]{1,5}|[一二三四五六七八九十百零〇]{1,5})\s*号)(?=\s*(?:通告|公告|令)\s*$)|(?<=令\s*)(第\s*(?:[0-9]{1,5}|[一二三四五六七八九十百零〇]{1,5})\s*号)\s*$|[（(]\s*(第[一二三四五六七八九十百零〇]{1,5}号)\s*[）)]/gm,
  // Taiwan: 中市卫疾字第1110012345号 (office abbreviation + 字第 + number); Macau: 第119/2022号批示.
  /((?:(?![日月年])[\u4e00-\u9fff]){1,8}字第\s*[0-9]{4,12}\s*号)|(第\s*[0-9]{1,4}\/(?:19|20)[0-9]{2}\s*号)(?=\s*(?:行政长官)?(?:批示|公告|通告|令))/g
]

const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff

function citedBasis(simplified: string, at: number): boolean {
  // 原…函所订 / 有关…号公告: an earlier document the text refers to.
  if (/(?:^|[^复还])原|有关|依据|根据/.test(simplified.slice(Math.max(0, at - 16), at).split(/[，。；\n]/).pop() ?? '')) return true
  const before = simplified.slice(Math.max(0, at - 3), at)
  return /》\s*[（(]?$/.test(before) || /[《]/.test(simplified.slice(Math.max(0, at - 40), at)) && !/》/.test(simplified.slice(Math.max(0, at - 40), at))
}

export function extractDocNumber(text: string, simplified: string): string | null {
  let best: { start: number; end: number } | null = null
  for (const re of PATTERNS) {
    re.lastIndex = 0
    for (let m = re.exec(simplified); m; m = re.exec(simplified)) {
      let start = m.index
      let end = m.index + m[0].length
      // Where the whole match begins (with its office prefix), for the citation check.
      let at = m.index
      if (re !== PATTERNS[0]) {
        const inner = m[1] ?? m[2] ?? m[3]
        start = m.index + m[0].indexOf(inner)
        end = start + inner.length
      } else {
        let a = m.index
        while (a > 0 && m.index - a < 12 && isHan(simplified.charCodeAt(a - 1))) a--
        if (a === m.index) continue
        // The prefix must be an issuing-office abbreviation, not running prose: cut it at the
        // last word that cannot be part of one.
        const pre = simplified.slice(a, m.index)
        const cut = Math.max(pre.lastIndexOf('的'), pre.lastIndexOf('和'), pre.lastIndexOf('及'), pre.lastIndexOf('与'))
        start = a + (cut >= 0 ? cut + 1 : 0)
        at = a
      }
      if (citedBasis(simplified, at)) continue
      // Basis documents of the State Council and ministries are cited, never issued, by local notices.
      if (/^(国办|国发|国卫|联防联控机制|国函|中发)/.test(simplified.slice(start, end))) continue
      if (!best || start < best.start) best = { start, end }
      break
    }
  }
  return best ? text.slice(best.start, best.end).trim() : null
}
