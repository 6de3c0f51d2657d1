import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { cleanText } from '../../../src-main/node/pipeline/clean'
import { SEED_FILES } from './helpers'

// Hand-written samples (made-up places and people) with the kinds of junk scraped pages carry.
const SIMPLIFIED_PAGE = `威尼斯人娱乐城-澳门葡京赌场-百家乐在线开户送彩金
当前位置：首页 > 新闻中心 > 通知公告
东湖县关于调整疫情防控措施的通告
发布时间：2022-12-01 来源：东湖县融媒体中心
根据疫情防控形势，经县指挥部研究，决定自2022年12月2日起调整以下措施：
一、取消公共场所查验核酸检测阴性证明，
继续做好个人防护。
<p>二、学校恢复线下教学，，各校做好晨午检。</p>&nbsp;
特此通告。。
东湖县新冠肺炎疫情防控指挥部
2022年12月1日
责任编辑：王小明
相关阅读
- 东湖县开展冬季爱国卫生运动2022-11-30
- 东湖县召开安全生产工作会议2022-11-29
- 县领导调研乡村振兴工作2022-11-28
评论列表(2条)
发表评论
东湖县疫情防控最新通告,东湖县调整疫情防控措施`

const SIMPLIFIED_CLEAN = `东湖县关于调整疫情防控措施的通告
发布时间：2022-12-01 来源：东湖县融媒体中心
根据疫情防控形势，经县指挥部研究，决定自2022年12月2日起调整以下措施：
一、取消公共场所查验核酸检测阴性证明，继续做好个人防护。
二、学校恢复线下教学，各校做好晨午检。
特此通告。
东湖县新冠肺炎疫情防控指挥部
2022年12月1日`

const TRADITIONAL_PAGE = `首頁 > 新聞 > 本地新聞
西江市衛生局發(fā)佈疫苗接種安排
本報訊 西江市衛生局今日宣佈，自下週一起，市內各區(qū)設立臨時接種站，
為十二歲以上市民接種加強劑。 1b)^5U ;
市民須預約後前往接種，並攜帶身份證明文件。?/p>
![](http://img.example.com/a.jpg)
網友評論
我來說兩句`

const TRADITIONAL_CLEAN = `西江市衛生局發佈疫苗接種安排
本報訊 西江市衛生局今日宣佈，自下週一起，市內各區設立臨時接種站，為十二歲以上市民接種加強劑。
市民須預約後前往接種，並攜帶身份證明文件。`

describe('cleanText', () => {
  it('removes spam, navigation, HTML remains, footer, link list, comments and SEO echo (simplified)', () => {
    const r = cleanText(SIMPLIFIED_PAGE)
    expect(r.text).toBe(SIMPLIFIED_CLEAN)
    const reasons = new Set(r.removed.map((x) => x.reason))
    for (const reason of ['spam', 'navigation', 'html', 'other'] as const) expect(reasons).toContain(reason)
    const removedText = r.removed.map((x) => x.text).join('\n')
    expect(removedText).toContain('百家乐')
    expect(removedText).toContain('东湖县召开安全生产工作会议2022-11-29')
    expect(removedText).toContain('评论列表(2条)')
  })

  it('removes breadcrumbs, pinyin glosses, noise strings and comment sections (traditional)', () => {
    const r = cleanText(TRADITIONAL_PAGE)
    expect(r.text).toBe(TRADITIONAL_CLEAN)
    expect(r.removed.find((x) => x.reason === 'navigation')?.text).toBe('首頁 > 新聞 > 本地新聞')
    expect(r.removed.find((x) => x.reason === 'comments')?.text).toBe('網友評論\n我來說兩句')
    expect(r.removed.some((x) => x.reason === 'spam' && x.text.includes('1b)^5U'))).toBe(true)
  })

  it('keeps a news dateline that starts like a site notice', () => {
    const t = '本网讯 近日，某县召开疫情防控工作会议。\n会议要求各乡镇严格落实返乡人员报备制度。\n本站声明：本文仅供参考。'
    expect(cleanText(t).text).toBe('本网讯 近日，某县召开疫情防控工作会议。\n会议要求各乡镇严格落实返乡人员报备制度。')
  })

  it('strips markdown markup but keeps its text', () => {
    const t = '# 关于开展核酸检测的通知\n请于**今日18时前**到[指定采样点](https://example.gov.cn/points)完成采样。'
    const r = cleanText(t)
    expect(r.text).toBe('关于开展核酸检测的通知\n请于今日18时前到指定采样点完成采样。')
    expect(r.removed.map((x) => x.reason)).toEqual(['html'])
  })

  it('keeps real parentheses that are not pinyin glosses', () => {
    const t = '第十五次締約方大會(COP15)在昆明舉行，議程見附件(a)。'
    expect(cleanText(t).text).toBe(t)
  })

  it('removes a date-stamped link list in the middle only when it is a run of links', () => {
    const t = [
      '本市今日召开疫情防控工作会议，部署下一阶段重点任务。',
      '- 市区两级开展联合检查2022-03-18',
      '- 城区道路恢复通行2022-03-17',
      '- 新建方舱医院投入使用2022-03-16',
      '会议要求各区压实责任，严格落实各项防控措施。'
    ].join('\n')
    const r = cleanText(t)
    expect(r.text).toBe('本市今日召开疫情防控工作会议，部署下一阶段重点任务。\n会议要求各区压实责任，严格落实各项防控措施。')
    expect(r.removed.map((x) => x.reason)).toEqual(['link-list'])
  })

  it('removes an SEO keyword line echoing the title and its bracketed repeat', () => {
    const t = [
      '南山镇疫情防控最新规定解读',
      '南山镇近日发布通知，要求返乡人员提前报备，抵达后进行一次核酸检测。',
      '南山镇疫情防控最新规定,南山镇疫情最新规定',
      '(南山镇疫情防控最新规定,南山镇疫情最新规定)'
    ].join('\n')
    const r = cleanText(t)
    expect(r.text).toBe(t.split('\n').slice(0, 2).join('\n'))
    expect(r.removed.every((x) => x.reason === 'seo')).toBe(true)
  })

  it('collapses repeated template lines', () => {
    const t = '2022-03-11 14:48:20 | 来源：某市发布 |\n2022-03-11 14:48:20 | 来源：某市发布 |\n全体市民：即日起全市开展核酸检测，请按社区安排有序参加。'
    expect(cleanText(t).text).toBe('2022-03-11 14:48:20 | 来源：某市发布 |\n全体市民：即日起全市开展核酸检测，请按社区安排有序参加。')
  })

  it('keeps sentences that begin like a page widget, and removes bracketed widgets', () => {
    const body = ['某县疫情防控指挥部通告', '一、暂停堂食。', '全部中小学暂停线下教学。', '扫一扫场所码，如实登记行程。', '某县疫情防控指挥部', '2022年1月10日']
    const r = cleanText(['【字体：大 中 小】', ...body, '【打印本页】【关闭窗口】'].join('\n'))
    expect(r.text).toBe(body.join('\n'))
    expect(r.removed.map((x) => x.reason)).toEqual(['navigation', 'navigation'])
  })

  it('removes a page title echoed with the site name and the keyword row above it', () => {
    const body = ['南湖县关于进一步加强疫情防控的通告', '一、暂停堂食。', '南湖县疫情防控指挥部', '2022年4月2日']
    const r = cleanText(['南湖疫情最新消息,南湖防疫政策,南湖隔离规定', '南湖县关于进一步加强疫情防控的通告_南湖县人民政府', ...body].join('\n'))
    expect(r.text).toBe(body.join('\n'))
    // Adjacent lines removed for one reason are recorded together.
    expect(r.removed).toMatchObject([{ reason: 'seo', text: '南湖疫情最新消息,南湖防疫政策,南湖隔离规定\n南湖县关于进一步加强疫情防控的通告_南湖县人民政府' }])
    // Without an identified heading below, a comma-separated opening line stays.
    const plain = ['坚持科学防控,精准施策,分类指导', '各乡镇要压实责任，做好排查。']
    expect(cleanText(plain.join('\n')).text).toBe(plain.join('\n'))
  })

  it('does not cut a notice whose numbered items have no sentence punctuation', () => {
    const t = [
      '关于划定风险区域的通告',
      '根据疫情防控需要，经专家研判，现将以下区域划定为中风险区：',
      '1、城关镇幸福小区3号楼',
      '2、城关镇和平路12号院',
      '3、南湖街道清水社区5组',
      '4、南湖街道明月小区东区',
      '5、北岭乡北岭村二组',
      '某县疫情防控指挥部',
      '2022年11月19日'
    ].join('\n')
    const r = cleanText(t)
    expect(r.text).toBe(t)
    expect(r.removed).toEqual([])
  })

  it('removes a teaser excerpt that repeats the opening, and a repeated paragraph', () => {
    const para = '某市疫情防控指挥部今天发布通告，即日起全市公共场所恢复开放，市民进入时须扫码测温并佩戴口罩。'
    const t = [`导读${para.slice(0, 30)}...`, para, '各区要做好人员引导，避免聚集。', para].join('\n')
    const r = cleanText(t)
    expect(r.text).toBe(`${para}\n各区要做好人员引导，避免聚集。`)
    expect(r.removed.map((x) => x.reason)).toEqual(['other', 'other'])
  })

  it('joins lines of a text hard-wrapped at a fixed width', () => {
    const para = '为进一步做好疫情防控工作切实保障人民群众生命安全和身体健康现就有关事项通知如下各单位要高度重视认真组织实施确保各项措施落到实处。'
    const wrapped = para.match(/.{1,20}/g)!.join('\n')
    expect(cleanText(`${wrapped}\n特此通知。`).text).toBe(`${para}\n特此通知。`)
  })

  it('keeps the articles of the seed documents and removes their junk tails', () => {
    const s000 = cleanText(readFileSync(SEED_FILES.s000, 'utf8'))
    expect(s000.text.endsWith('为市民健康提供坚实保障。')).toBe(true)
    expect(s000.removed.map((x) => x.reason)).toEqual(['seo'])

    const s001 = cleanText(readFileSync(SEED_FILES.s001, 'utf8'))
    expect(s001.text.endsWith('迎来更加安全、稳定、繁荣的发展局面。')).toBe(true)
    expect(s001.text).not.toContain('评论列表')

    const s003raw = readFileSync(SEED_FILES.s003, 'utf8')
    const s003 = cleanText(s003raw)
    expect(s003.text).not.toMatch(/2022-03-19$/m)
    expect(s003.text).not.toContain('本文轉自')
    expect(s003.removed.some((x) => x.reason === 'link-list')).toBe(true)
    // The article body itself is kept: more than half of the raw file's text.
    expect(s003.text.length).toBeGreaterThan(s003raw.length * 0.5)

    const s002raw = readFileSync(SEED_FILES.s002, 'utf8')
    const s002 = cleanText(s002raw)
    expect(s002.removed).toEqual([])
    expect(s002.text).toBe(s002raw.trim())
  })
})
