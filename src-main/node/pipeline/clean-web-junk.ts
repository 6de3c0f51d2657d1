// Line-level removal of web-page junk around an article: navigation and breadcrumbs, spam
// header lines, echoed SEO keyword lines, "related"/"latest" link lists, comment sections and
// copyright/source footers. The rules are patterns of web junk in general (not keyed to any
// site): each line is classified on its own, then runs and the page tail are judged together.
import type { RemovedReason } from '../../common/record'
import { looksLikeRandomAscii } from './clean-inline'

// ---------- single-line classifiers ----------

const NAV_BREADCRUMB = /^(?:.{0,12}(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|现在位置|所在位置|位置)[:：\s]|.{0,8}(?:首页|首頁|主页|网站首页|網站首頁)\s*(?:>|＞|›|»|->|→|\/|\|))/
// Often bracketed: 【打印本页】【关闭窗口】, 【字体：大 中 小】.
const NAV_WIDGET = /^[【\[]?(?:上一篇|下一篇|上一版|下一版|上一页|下一页|回到首页|返回首页|返回顶部|返回頂部|标题导航|標題導航|打印本页|打印本頁|关闭窗口|關閉窗口|分享到|分享至|字号|字號|字体[:：]|字體[:：]|收藏本文|加入收藏|进入直播间|推荐访问|推薦訪問)/
// Labels that also begin real sentences (全部中小学暂停…, 扫一扫场所码，…): junk only as a short
// label with no sentence punctuation.
const NAV_LABEL = /^[【\[]?(?:全部|扫码进入|掃碼進入|扫码打开|掃碼打開|扫一扫|掃一掃)[^。；，！？,;!?]{0,10}$/
// Widgets recognisable anywhere in a short line: e-paper page turners, "more >>" links.
const NAV_ANYWHERE = /上一版|下一版|上一篇|下一篇|进入直播间|>>|》》|更多\s*>|^(?:首页|首頁|主页|返回)$/
const DOMAIN = /(?:https?:\/\/|www\.)[\w.-]+|[\w-]+\.(?:com|cn|net|org|gov\.cn|com\.cn|cc|hk|tw)\b/i
const PAYWALL = /由会员分享|由會員分享|可在线阅读|可在線閱讀|正式会员可完整阅读|正式會員可完整閱讀|请在.{1,12}上搜索|請在.{1,12}上搜索|下载文档|下載文檔|点击下载|立即下载/
const NAV_MENU_TOKEN = /^[\u3400-\u9fffA-Za-z]{2,8}$/

/** A row of short menu labels separated by spaces: "网站首页 学习教育 IT科技 金融知识 …". */
function isMenuRow(line: string): boolean {
  const toks = line.split(/[ \t\u3000|｜]+/).filter(Boolean)
  return toks.length >= 5 && toks.every((t) => NAV_MENU_TOKEN.test(t))
}

// Gambling / adult / medical-ad vocabulary typical of spam stuffed into scraped pages.
const SPAM_WORDS = /婷婷|久久|国产精品|國產精品|无码|無碼|人人爽|天天射|天天操|色综合|色綜合|亚洲综合|亞洲綜合|欧美|歐美|成人视频|成人影|av|AV|午夜|激情|丝袜|绝色|博彩|彩票|娱乐城|娛樂城|百家乐|百家樂|六合彩|时时彩|時時彩|赌场|賭場|真人视讯|老虎机|棋牌游戏|体育投注|菠菜|葡京|威尼斯人|开户送|注册送|美女直播|约炮|雀斑医院|男科|妇科医院|无痛人流|包皮/g

function spamScore(line: string): number {
  return (line.match(SPAM_WORDS) ?? []).length
}

const URL_ONLY = /^\s*(?:https?:\/\/|www\.)\S+\s*$/i
const ICP = /ICP[备備证證]?\s*\d|公网安备|京公网|备案号/

/** Start-of-footer markers: from such a line near the end, the rest of the page is junk. */
const FOOTER_MARKERS: Array<[RegExp, RemovedReason]> = [
  [/^(?:评论列表|評論列表|发表评论|發表評論|网友评论|網友評論|我来说两句|我來說兩句|最新评论|热门评论|全部评论|条评论|相关评论|评论\s*[（(]?\d|留言板|我要评论|我要留言)/, 'comments'],
  [/^(?:相关推荐|相關推薦|相关阅读|相關閱讀|相关文章|相關文章|相关新闻|相關新聞|最近更新|最新文章|最新更新|热门推荐|熱門推薦|热门文章|热点推荐|猜你喜欢|猜你喜歡|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|友荐|热网推荐|精彩推荐|为你推荐|更多>>|查看更多|友情链接|友情鏈接|图片新闻|圖片新聞|精彩图集|往期回顾|热门标签)/, 'link-list'],
  [/^(?:本文来自|本文來自|本文转自|本文轉自|转自[:：]|轉自[:：]|本文来源|本文來源|文章来源|转载请注明|轉載請註明|轉載請注明|转载请保留|如若转载|版权所有|版權所有|版权声明|版權聲明|版权和免责|版權和免責|免责声明|免責聲明|声明[:：]|聲明[:：]|责任编辑|責任編輯|[（(]责任编辑|[（(]責任編輯|编辑[:：]|編輯[:：]|原标题|Copyright|©|本(?:站|网|網)(?:声明|聲明|所有|部分|内容|內容|文章|不|信息|資訊|原创|原創|转载|轉載|提醒|提示)|想爆料|爆料热线|爆料熱線|人人做记者|人人做記者|关注我们|關注我們|[^\n]{0,30}不代表[^\n]{0,20}(?:立场|立場|观点|觀點))/i, 'other'],
  [/^(?:标签|標籤|关键词|關鍵詞|关键字|Tags?)[:：]/i, 'seo']
]

// Footer phrases that mark a short line as footer wherever they occur in it.
const FOOTER_INSIDE = /版权与免责|版權與免責|免责声明|免責聲明|转载请注明|轉載請註明|轉載請注明|版权所有|版權所有|不代表本(?:站|网|網)|侵权请联系|侵權請聯繫|如有侵权/

export function footerMarker(line: string): RemovedReason | null {
  const l = line.replace(/^[\s•·\-*【\[]+/, '')
  for (const [re, reason] of FOOTER_MARKERS) if (re.test(l)) return reason
  if (l.length <= 60 && FOOTER_INSIDE.test(l)) return 'other'
  if (ICP.test(l) && l.length < 80) return 'other'
  return null
}

/** Classify one line as junk on its own, or null. */
export function lineJunk(line: string, atEdge: boolean): RemovedReason | null {
  const l = line.trim()
  if (!l) return null
  if (NAV_BREADCRUMB.test(l) && l.length < 80) return 'navigation'
  if ((NAV_WIDGET.test(l) && l.length < 40) || NAV_LABEL.test(l)) return 'navigation'
  if (l.length <= 40 && NAV_ANYWHERE.test(l)) return 'navigation'
  // Lines of bare punctuation or separators ("|", "—————", "~~~").
  if (!/[\p{L}\p{N}]/u.test(l)) return 'other'
  // A short line that is mostly a web address: "【www.example.com--学习】".
  if (l.length <= 50 && DOMAIN.test(l) && (l.match(/[\u3400-\u9fff]/g) ?? []).length <= 8) return 'link-list'
  // Document-sharing and paywall boilerplate.
  if (PAYWALL.test(l) && l.length <= 200) return 'other'
  if (isMenuRow(l)) return 'navigation'
  const spam = spamScore(l)
  // One spam word alone is weak evidence (棋牌室 appears in real closure notices): it counts only
  // with a URL, or on a header/footer line that has no sentence punctuation at all.
  if (spam >= 2 || (spam >= 1 && (DOMAIN.test(l) || (atEdge && !/[。！？；，、：]/.test(l))))) return 'spam'
  if (URL_ONLY.test(l)) return 'link-list'
  // Image file names and wiki "edit" links left as lines.
  if (/^[\w\-.]{1,80}\.(?:jpe?g|png|gif|webp|bmp)$/i.test(l)) return 'html'
  if (/^(?:编辑|編輯|\[编辑\]|\[編輯\])$/.test(l)) return 'navigation'
  if (!/[\u3400-\u9fff]/.test(l) && looksLikeRandomAscii(l)) return 'spam'
  return null
}

// ---------- link-list runs ----------

const ENDS_WITH_DATE = /(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/]\d{1,2}|\d{1,2}:\d{2})\s*[)）\]]?$/
const BULLET = /^\s*[-•·*▪▸►◆◇■□●○]/
// The issuer line of a signature block ("某县疫情防控指挥部"): closes a notice, not a link.
const SIGNATURE = /^[\u3400-\u9fff（）()]{2,40}(?:指挥部|指揮部|政府|委员会|委員會|办公室|辦公室|领导小组|領導小組|局|中心|委|办|辦|处|處|厅|廳|院|所|站|会|會|部|队|隊|组|組)$/
const LIST_ITEM = /^\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,3}[、.．)）](?!\d)|第[一二三四五六七八九十\d]+[条章节])/
const SENTENCE_END = /[。！？!?；;]/

/** A line that looks like one entry of a list of links: a short headline, often with a date. */
function linkLike(line: string): boolean {
  const l = line.trim()
  if (l.length < 4 || l.length > 100) return false
  // Signature and date lines that close a notice are not links.
  if (/^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(l) || SIGNATURE.test(l)) return false
  if (ENDS_WITH_DATE.test(l) && !/[。；]/.test(l.slice(0, -12))) return true
  if (LIST_ITEM.test(l) && !BULLET.test(l)) return false
  // Contact lists (hotlines, addresses) belong to the notice.
  if (PHONE.test(l) || /电话|電話|热线|熱線|地址/.test(l)) return false
  if (SENTENCE_END.test(l.slice(0, -1)) || /[。；：:]$/.test(l)) return false
  return l.length <= 60
}

const PHONE = /(?:\d{3,4}-)?\d{7,8}|1[3-9]\d{9}/

export interface JunkSpan {
  start: number
  end: number // exclusive line index
  reason: RemovedReason
}

/**
 * Find link-list runs: ≥ 3 consecutive link-like lines where most end in a date or a bullet
 * (anywhere), or ≥ 4 link-like lines reaching the end of the text (a tail of headlines).
 */
export function findLinkLists(lines: string[]): JunkSpan[] {
  const spans: JunkSpan[] = []
  let i = 0
  const n = lines.length
  let lastContent = n - 1
  while (lastContent >= 0 && !lines[lastContent].trim()) lastContent--
  while (i < n) {
    if (!lines[i].trim() || !linkLike(lines[i])) {
      i++
      continue
    }
    let j = i
    let count = 0
    let dated = 0
    let bulleted = 0
    while (j < n && (!lines[j].trim() || linkLike(lines[j]))) {
      if (lines[j].trim()) {
        count++
        if (ENDS_WITH_DATE.test(lines[j].trim())) dated++
        if (BULLET.test(lines[j])) bulleted++
      }
      j++
    }
    const reachesEnd = j > lastContent
    if ((count >= 3 && (dated + bulleted) / count >= 0.6) || (count >= 4 && reachesEnd)) {
      spans.push({ start: i, end: j, reason: 'link-list' })
    }
    i = j
  }
  return spans
}

// ---------- SEO echo lines ----------

/**
 * A keyword line echoing the title: comma/pipe separated short phrases (optionally wrapped in
 * brackets) whose characters nearly all occur in the title. Typical of SEO-generated pages,
 * usually the last or first line.
 */
export function isSeoEcho(line: string, title: string): boolean {
  const l = line.trim().replace(/^[(（【\[]|[)）】\]]$/g, '')
  if (!l || SENTENCE_END.test(l) || l.length > 120) return false
  const segs = l.split(/[,，、|｜_/ ]+/).filter(Boolean)
  if (segs.length < 2 || segs.some((s) => s.length > 30)) return false
  const titleChars = new Set(title)
  let cjk = 0
  let inTitle = 0
  for (const ch of l) {
    if (ch >= '\u3400' && ch <= '\u9fff') {
      cjk++
      if (titleChars.has(ch)) inTitle++
    }
  }
  return cjk >= 6 && inTitle / cjk >= 0.75
}

/** A row of search keywords: "太原疫情最新消息,太原防疫政策,太原隔离规定". */
function isKeywordRow(line: string): boolean {
  const l = line.trim()
  if (/[。！？!?：:]/.test(l)) return false
  const segs = l.split(/[,，、|｜]+/).filter(Boolean)
  return segs.length >= 3 && segs.every((s) => s.length >= 2 && s.length <= 15)
}

const DOC_HEADING_END = /(通告|通知|公告|通报|通報|决定|決定|意见|意見|办法|辦法|方案)(?:[（(]第?[0-9一二三四五六七八九十]+号?[）)])?$/

/**
 * Page-head junk above the heading: the page title echoed with the site's name ("HEADING_Site",
 * "HEADING - Site") and search-keyword rows above it. Keyword rows go only where the heading is
 * identified (echoed, or a line ending like a notice's heading), never on their own.
 */
export function headEchoes(lines: string[], head: number[]): number[] {
  for (let k = 0; k < head.length; k++) {
    const a = lines[head[k]].trim()
    for (let m = k + 1; m < Math.min(head.length, k + 4); m++) {
      const t = lines[head[m]].trim()
      const rest = a.slice(t.length)
      if (t.length >= 8 && a.startsWith(t) && /^\s*[_|｜\-–—]\s*\S{2,30}$/.test(rest)) {
        return [...head.slice(0, k).filter((i) => isKeywordRow(lines[i])), head[k]]
      }
    }
  }
  const heading = head.findIndex((i) => DOC_HEADING_END.test(lines[i].trim()))
  return heading > 0 ? head.slice(0, heading).filter((i) => isKeywordRow(lines[i])) : []
}
