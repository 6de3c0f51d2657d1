// Recognises boilerplate lines (navigation, source/credit lines, spam) so metadata extractors
// do not take a breadcrumb for a title or a crawl stamp for a date.

const NAV = /(当前位置|您的位置|您现在的位置|首页\s*[>＞»]|[>＞»].*[>＞»]|上一[篇版页]|下一[篇版页]|责任编辑|编辑[:：]|来源[:：]|本文来源|文章来源|本文转自|稿件来源|浏览量|浏览次数|阅读量|分享到|打印本页|关闭窗口|版权所有|copyright|©|ICP备|扫一扫|字号|【字號|跳到主要内容|网站导览|网站首页|会员中心|推荐访问|标签[:：]|相关阅读|相关文章|热门(文章|推荐|新闻|标签|排行)|点击排行|主办(单位)?[:：]|承办(单位)?[:：]|协办[:：]|技术支持[:：]|网站维护|维护单位|网站标识码|公网安备|邮编[:：]?[0-9]|联系我们|(打开|下载)[^，。\n]{0,10}(APP|客户端))/i
// Spam: adult/gambling keyword clusters seen on scraped mirror sites.
const SPAM = /(婷婷|丁香(花|色|五月)|无码|精品.*久久|久久.*精品|人人爽|天天射|色综合|亚洲综合|彩票|娱乐城|博彩|雀斑医院|知名.*医院|视频在线|成人(视频|影院|网站))/i

/** Left-over HTML tags (<p>…</p>) would read as a breadcrumb's "> … >". */
const TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/gi

export function isNavLine(line: string): boolean {
  return NAV.test(line.includes('<') ? line.replace(TAG, ' ') : line)
}

export function isSpamLine(line: string): boolean {
  return SPAM.test(line) && !/(疫情|防控|核酸|隔离)/.test(line)
}

/** Navigation and link lines are short: a long paragraph that merely contains a URL or a
 * 来源 credit is still body text. */
export function isJunkLine(line: string): boolean {
  if (isSpamLine(line)) return true
  return line.length <= 150 && (isNavLine(line) || /https?:\/\/|www\./i.test(line))
}

// Headings of the related-links block that pages append (相关新闻, 猜你喜欢, 往期回顾).
const LINK_LIST_HEAD = /^(相关(新闻|阅读|文章|链接|推荐|报道|资讯|内容)|推荐(阅读|文章|图文|新闻|内容)|延伸阅读|猜你喜欢|更多(新闻|阅读|资讯|文章)|热门(文章|推荐|新闻|资讯)|热点(新闻|推荐|关注|资讯)|精彩(推荐|阅读)|往期(回顾|推荐|精选)|最新(文章|新闻|资讯)|(您|你)可能(也|还)?(感兴趣|喜欢)|大家都在看|为(您|你)推荐|(点击|阅读)排行)/
// A link title is one short line; the first longer line ends the list.
const LINK_TITLE_MAX = 45

/**
 * Offset ranges [start, end) of related-links lists: the short lines under a heading such as
 * 相关新闻 or 猜你喜欢 are titles of other pages, so their places and dates are not the text's.
 */
export function linkListRanges(text: string): [number, number][] {
  const out: [number, number][] = []
  let from = -1
  let at = 0
  for (const line of text.split('\n')) {
    const t = line.trim()
    const end = at + line.length
    if (from < 0) {
      if (t.length <= 20 && LINK_LIST_HEAD.test(t)) from = end
    } else if (t.length > LINK_TITLE_MAX) {
      out.push([from, at])
      from = -1
    }
    at = end + 1
  }
  if (from >= 0) out.push([from, text.length])
  return out
}

// A menu line: short, no sentence punctuation, no issuing body or document word (a notice's own
// header, 某市指挥部 / 通告 / （第5号）, is short too).
const MENU_LINE_MAX = 20
const NOT_MENU = /[。，,；;：:]|指挥部|政府|委员会|办公室|领导小组|通告|公告|通知|号|〔|［/
const MENU_RUN = 4

/**
 * Offset ranges [start, end) of a menu at the top of a page: four or more short lines in a row,
 * before the first line of body text, none of them a heading of the document itself. Sites put
 * their campaign and channel links there (慢游某县, 某县动起来); their places are not the text's.
 */
export function headMenuRanges(text: string): [number, number][] {
  let at = 0
  let runStart = -1
  let runLines = 0
  for (const line of text.split('\n')) {
    const t = line.trim()
    const end = at + line.length
    if (t.length > MENU_LINE_MAX * 2) break
    if (t.length > 0 && t.length <= MENU_LINE_MAX && !NOT_MENU.test(t)) {
      if (runStart < 0) runStart = at
      runLines++
    } else if (t.length > 0) {
      if (runLines >= MENU_RUN) return [[runStart, at]]
      runStart = -1
      runLines = 0
    }
    at = end + 1
  }
  return runLines >= MENU_RUN ? [[runStart, Math.min(at, text.length)]] : []
}
