// Title: the first line that reads like a heading, skipping navigation and spam. A heading split
// over two or three short lines (关于…的 / 通告) is joined back together.
import { isJunkLine } from './junk'

const DOC_WORD = /(通告|通知|公告|决定|意见|通报|报告|请示|批复|函|纪要|汇报|总结|倡议书|一封信|提示|问答|解读)/

// Tag remains (<p>, ?/p>, ![]()) the cleaner may have left: never part of a title.
const TAGS = /<\/?[a-zA-Z][^<>]{0,80}>|\?\/[a-z]+>|!\[[^\]]*\]\([^)]*\)|&nbsp;|&[a-z]+;/g

export function extractTitle(text: string, simplified: string, fileName: string): string {
  const orig = text.split('\n').map((l) => l.replace(TAGS, ''))
  const simp = simplified.split('\n').map((l) => l.replace(TAGS, ''))
  const candidates: { i: number; line: string }[] = []
  for (let i = 0; i < Math.min(orig.length, 40); i++) {
    const s = simp[i].trim()
    if (s.length < 4 || s.length > 100) continue
    if (isJunkLine(s)) continue
    if (!/[\u4e00-\u9fff]{4}/.test(s)) continue
    candidates.push({ i, line: orig[i].trim() })
  }
  // A heading naming the document kind wins over a leading teaser line; both must be short.
  const official = candidates.find((c) => {
    const s = simp[c.i].trim()
    return DOC_WORD.test(s) && s.length <= 60 && !/[。]$/.test(s) && !/如下[:：]?$/.test(s)
  })
  const pick = official ?? candidates.find((c) => !/[。]$/.test(c.line) || c.line.length < 40)
  if (!pick) {
    // Body text only: the first sentence of the first readable line stands in for a title.
    const first = orig.map((l) => l.trim()).find((l, i) => l.length >= 4 && !isJunkLine(simp[i]) && /[\u4e00-\u9fff]{4}/.test(l))
    if (!first) return fileName.replace(/\.[^.]+$/, '')
    const cut = first.search(/[。！？!?；;]/)
    return (cut > 0 ? first.slice(0, cut) : first).slice(0, 60)
  }
  let title = pick.line
  // Join continuation lines of a heading broken across lines (关于… / …的通告).
  for (let j = pick.i + 1, n = 0; j < orig.length && n < 3; j++) {
    const s = simp[j].trim()
    if (!s) continue
    if (/^[（(]/.test(s) || /[。，,：:]/.test(s) || s.length > 30 || !/[\u4e00-\u9fff]/.test(s)) break
    if (!DOC_WORD.test(simp[pick.i]) && (/^关于/.test(s) || DOC_WORD.test(s))) {
      title += orig[j].trim()
      n++
      if (DOC_WORD.test(s)) break
    } else break
  }
  return title.replace(/\s+/g, ' ').slice(0, 200)
}
