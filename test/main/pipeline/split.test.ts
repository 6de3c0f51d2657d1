import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { cleanText } from '../../../src-main/node/pipeline/clean'
import { splitDocuments, numberMarker } from '../../../src-main/node/pipeline/split'
import { SEED_FILES } from './helpers'

// Made-up notices for the title/signature signals.
const NOTICE_A = `青山县关于暂停部分公共场所营业的通告
（第12号）
全县各单位、广大群众：
为有效阻断疫情传播，经县指挥部研究决定，自即日起暂停全县网吧、影院、歌舞厅等密闭场所营业，恢复时间另行通知。请广大群众减少外出，做好个人防护。
特此通告。
青山县疫情防控指挥部
2022年4月2日`
const NOTICE_B = `青山县关于恢复部分公共场所营业的通告
（第15号）
经综合评估，全县疫情形势总体平稳，自2022年4月20日起，全县网吧、影院、歌舞厅等场所有序恢复营业，经营单位须落实扫码测温、限流等措施，从业人员须完成疫苗接种。
特此通告。
青山县疫情防控指挥部
2022年4月19日`

describe('splitDocuments', () => {
  it('splits the compilation seed into at least 8 documents, without its junk tail', () => {
    const cleaned = cleanText(readFileSync(SEED_FILES.s004, 'utf8'))
    const parts = splitDocuments(cleaned.text)
    expect(parts.length).toBeGreaterThanOrEqual(8)
    expect(parts.length).toBeLessThanOrEqual(12)
    for (const p of parts) {
      expect(cleaned.text.slice(p.offset, p.offset + p.text.length)).toBe(p.text)
      expect(p.text.length).toBeGreaterThan(300)
    }
    // Parts are in order and do not overlap.
    for (let i = 1; i < parts.length; i++) expect(parts[i].offset).toBeGreaterThanOrEqual(parts[i - 1].offset + parts[i - 1].text.length)
    // The junk list of essay titles after the last report is gone.
    expect(cleaned.text).not.toContain('高考排名')
    expect(cleaned.removed.some((r) => r.reason === 'link-list' && r.text.includes('高考排名'))).toBe(true)
    // Each document starts with its own opening, not inside a numbered list.
    for (const p of parts) expect(numberMarker(p.text).kind).toBeNull()
  })

  it('keeps each normal seed document in one piece', () => {
    for (const f of [SEED_FILES.s000, SEED_FILES.s001, SEED_FILES.s002, SEED_FILES.s003]) {
      const text = cleanText(readFileSync(f, 'utf8')).text
      expect(splitDocuments(text)).toEqual([{ text, offset: 0 }])
    }
  })

  it('splits notices glued together at their titles', () => {
    const text = `${NOTICE_A}\n${NOTICE_B}`
    const parts = splitDocuments(text)
    expect(parts.map((p) => p.text)).toEqual([NOTICE_A, NOTICE_B])
    expect(parts[1].offset).toBe(NOTICE_A.length + 1)
  })

  it('splits after a signature and date block when a new document follows without a title', () => {
    const second = '当前，冬春季疫情防控形势严峻复杂，为切实做好元旦春节期间疫情防控工作，现提醒如下：外出返乡人员要提前向所在村（社区）报备，主动配合核酸检测，出现发热等症状及时就医，不要自行购药。'
    const parts = splitDocuments(`${NOTICE_A}\n${second}`)
    expect(parts).toHaveLength(2)
    expect(parts[1].text).toBe(second)
  })

  it('keeps an attachment with its notice, and a second list in the same document', () => {
    const text = `某县关于做好秋冬季疫情防控工作的通知
各乡镇人民政府，县直各单位：
为做好秋冬季疫情防控工作，现将有关事项通知如下：
一、严格落实返乡人员报备制度，各村（社区）要做好登记。
二、加强重点场所管理，严格落实扫码测温措施。
同时，对全县中小学校提出以下要求：
一、严格落实晨午检制度，发现异常及时报告。
二、做好校园环境卫生和消毒通风工作。
特此通知。
某县疫情防控指挥部
2022年10月10日
附件：某县学校疫情防控工作方案
一、总体要求
坚持预防为主、防治结合，确保师生身体健康和生命安全，维护正常教育教学秩序。
二、主要措施
各学校要建立健全疫情防控工作责任制，明确分工，落实到人。`
    expect(splitDocuments(text)).toHaveLength(1)
  })

  it('does not split a single notice with sub-lists', () => {
    const text = `某市关于做好学校疫情防控工作的通知
各区教育局：
为做好秋季开学疫情防控工作，现将有关要求通知如下。
一、做好开学准备
（一）开学前14天，师生员工须每日进行健康监测。
（二）学校须储备口罩、消毒液等防疫物资。
二、严格校园管理
（一）实行校园封闭管理，外来人员不得进入校园。
（二）落实晨午检和因病缺勤追踪制度。
三、加强宣传教育
1、开展防疫知识课堂教学。
2、引导学生养成良好卫生习惯。
某市教育局
2022年8月20日`
    expect(splitDocuments(text)).toHaveLength(1)
  })

  it('keeps a report whole when its numbered sections open like documents and restart sub-lists', () => {
    const report = `某镇疫情防控工作汇报
今年以来，我镇认真贯彻落实上级关于疫情防控工作的决策部署，扎实做好各项防控工作，现将有关情况汇报如下：
一、主要做法
为了有效应对疫情，我镇结合实际，采取了以下措施，确保各项工作落实落细：
1、成立领导小组，由镇党委书记任组长，统筹推进全镇疫情防控工作。
2、强化排查管控，对返乡人员逐户登记，落实健康监测措施。
二、存在问题
为切实查找不足，我们对照上级要求进行了认真梳理，发现以下问题需要改进：
1、部分群众防护意识有所松懈，佩戴口罩不规范。
2、防疫物资储备不足，消毒用品采购困难。
我的汇报完毕，谢谢！`
    const next = '为切实做好春节期间疫情防控工作，保障人民群众生命安全和身体健康，我村迅速行动，全面落实各项防控措施，现将工作情况报告如下：\n一是加强组织领导，成立村疫情防控工作小组。\n二是开展全面排查，对外来人员逐户登记。'
    expect(splitDocuments(report)).toHaveLength(1)
    // The closing line ends the first report; the next one starts at its own opening.
    const parts = splitDocuments(`${report}\n${next}`)
    expect(parts.map((p) => p.text)).toEqual([report, next])
  })

  it('leaves a signature without a date at the end of its notice', () => {
    const a = NOTICE_A.replace(/\n2022年4月2日$/, '')
    const b = NOTICE_B.replace('2022年4月19日', '2022-04-19')
    const parts = splitDocuments(`${a}\n${b}`)
    expect(parts.map((p) => p.text)).toEqual([a, b])
    expect(parts[0].text.endsWith('青山县疫情防控指挥部')).toBe(true)
  })

  it('does not treat a posting date under a page headline as a closing', () => {
    const text = `某地积分入学什么时候开始申请\n2023-01-31\n${NOTICE_A}`
    expect(splitDocuments(text)).toHaveLength(1)
  })
})
