// Related-links lists under headings such as 相关新闻 or 猜你喜欢: their short lines are titles of
// other pages, so the places they name are not the text's. Examples written for the test.
import { describe, expect, it } from 'vitest'
import { headMenuRanges, isJunkLine, linkListRanges } from '../../../src-main/node/extract/meta/junk'
import { extractDate } from '../../../src-main/node/extract/meta/date'
import { detectRegions } from '../../../src-main/node/extract/regions/detect'
import { shadow } from './helpers'

const regions = (text: string): string[] => detectRegions(shadow(text), null).map((r) => r.name)

describe('related-links lists', () => {
  it('covers the short lines under the heading, up to the first long line', () => {
    const body = '全市各类娱乐场所暂停营业。'
    const long = '本市继续严格落实公共场所扫码测温、佩戴口罩等各项防控措施，各单位要压实责任，确保各项措施落实到位，不留死角。'
    const text = `通告\n${body}\n相关新闻\n甲市发布最新通告\n乙市调整风险区\n${long}\n`
    const [[from, to]] = linkListRanges(text)
    expect(text.slice(from, to)).toBe('\n甲市发布最新通告\n乙市调整风险区\n')
    expect(linkListRanges(`通告\n${body}\n`)).toEqual([])
    // A heading word inside a sentence is no heading.
    expect(linkListRanges(`请关注相关新闻发布会的通告内容。\n甲市发布最新通告\n`)).toEqual([])
  })
  it('runs to the end of the text when no long line follows', () => {
    const text = '通告\n猜你喜欢\n· 甲市：暂停堂食\n'
    const [[from, to]] = linkListRanges(text)
    expect(to).toBe(text.length)
    expect(text.slice(from)).toContain('甲市')
  })
  it('drops the places named only in the list', () => {
    const text = '洛阳市新冠肺炎疫情防控指挥部通告\n全市各类娱乐场所暂停营业。\n相关新闻\n郑州市发布最新通告\n开封市调整风险区\n'
    expect(regions(text)).toEqual(['洛阳市'])
    expect(regions('洛阳市通告\n全市各类娱乐场所暂停营业。\n猜你喜欢\n· 南阳：暂停堂食\n')).toEqual(['洛阳市'])
  })
  it('never takes a date in the list for the document date', () => {
    const own = '关于暂停堂食的通告\n全市暂停堂食。\n甲市疫情防控指挥部\n2022年3月5日\n'
    const list = '相关新闻\n乙市发布最新通告\n2022年4月1日\n'
    expect(extractDate(shadow(own + list))).toBe('2022-03-05')
    expect(extractDate(shadow('关于暂停堂食的通告\n全市暂停堂食。\n' + list))).toBeNull()
  })
})

describe('a menu at the top of the page', () => {
  const menu = '2023花卉博览会\n畅游宜兰-抽大奖\n运动宜兰 动起来\n校园征才博览会\n'
  const body = '（记者某某报导）今日本土确诊病例增加，花莲县政府宣布，全县夜市即日起暂停营业，各类场所落实实联制。'
  it('covers four or more short lines before the first line of body text', () => {
    const r = headMenuRanges(menu + body)
    expect(r).toHaveLength(1)
    expect((menu + body).slice(r[0][0], r[0][1])).toContain('运动宜兰')
    expect(regions(menu + body)).toEqual(['花莲县'])
  })
  it('leaves a notice’s own header and short body lines alone', () => {
    expect(headMenuRanges('宜兰县\n疫情防控指挥部\n通告\n（第5号）\n' + body)).toEqual([])
    expect(headMenuRanges('宜兰县暂停夜市\n' + body + '\n罗东镇\n头城镇\n苏澳镇\n冬山乡\n')).toEqual([])
  })
})

describe('site footers', () => {
  it('reads host, maintainer, record-number and app-promotion lines as junk', () => {
    for (const line of ['主办：某市人民政府办公室 承办：某市大数据中心', '技术支持：某某科技有限公司', '网站标识码4300000001', '湘公网安备 43000002000001号', '打开某某新闻客户端，查看更多']) {
      expect(isJunkLine(line)).toBe(true)
    }
    expect(isJunkLine('采样点地址：某区某路1号，开放时间8:00—18:00。')).toBe(false)
  })
  it('does not keep the places a footer names', () => {
    expect(regions('衡阳市暂停堂食，市民减少外出。\n主办：湘潭市人民政府办公室 承办：湘潭市数据局')).toEqual(['衡阳市'])
  })
})
