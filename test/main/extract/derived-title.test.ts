import { describe, expect, it } from 'vitest'
import { DERIVED_MAX, deriveTitle, type DerivedTitleInput } from '../../../src-main/node/extract/meta/derived-title'
import { extractFields } from '../../../src-main/node/extract/extract'
import { shadow } from './helpers'

function input(text: string, over: Partial<DerivedTitleInput> = {}): DerivedTitleInput {
  return { text, simplified: shadow(text), docType: 'notice', docTypeDetail: '通告', issuer: null, ...over }
}

describe('derived titles for split parts without a heading', () => {
  it('builds 关于…的<kind> from the purpose clause, without its opening adverb', () => {
    const text = '近日，周边地区出现散发病例。为切实做好国庆假期人员返乡管理工作，保障群众健康，现就有关事项通告如下：\n一、返乡人员须提前报备。'
    expect(deriveTitle(input(text))).toBe('关于做好国庆假期人员返乡管理工作的通告')
  })

  it('puts the issuer in front when the whole title still fits', () => {
    const text = '为进一步加强农贸市场管理，现将有关事项通知如下：\n一、市场入口设置测温点。'
    expect(deriveTitle(input(text, { issuer: '青山县市场监督管理局', docTypeDetail: '通知' }))).toBe('青山县市场监督管理局关于加强农贸市场管理的通知')
    // A long issuer is dropped rather than cutting the subject.
    const long = deriveTitle(input(text, { issuer: '青山县新型冠状病毒感染的肺炎疫情防控工作指挥部', docTypeDetail: '通知' }))
    expect(long).toBe('关于加强农贸市场管理的通知')
  })

  it('skips a purpose clause that only cites its basis and takes the next one', () => {
    const text = '为贯彻落实《关于做好冬春季防控工作的通知》精神，全面做好校园环境整治工作，现将有关情况总结如下：\n一、清理卫生死角。'
    expect(deriveTitle(input(text, { docType: 'report', docTypeDetail: '工作总结' }))).toBe('关于做好校园环境整治工作的总结')
  })

  it('uses the subject the body names for its own kind when there is no purpose clause', () => {
    const text = '下面我就本社区疫情防控工作情况汇报如下：\n一、摸排到户。'
    expect(deriveTitle(input(text, { docType: 'report', docTypeDetail: null }))).toBe('社区疫情防控工作情况汇报')
  })

  it('falls back to the first numbered item behind the issuer (or a named place) and kind', () => {
    const text = '今年以来，我们坚持把防控工作放在首位。\n一、压实责任，健全工作机制。\n组建了工作专班。'
    expect(deriveTitle(input(text, { docType: 'report', docTypeDetail: null, place: '青山区' }))).toBe('青山区工作汇报：压实责任，健全工作机制')
  })

  it('stays within the length limit and gives up when there is nothing to build on', () => {
    const text = `为${'持续巩固提升'.repeat(6)}成果，现将有关事项通告如下：\n一、${'严格落实各项防控措施并定期开展检查'.repeat(3)}。`
    const t = deriveTitle(input(text))!
    expect(t.length).toBeLessThanOrEqual(DERIVED_MAX)
    expect(deriveTitle(input('请大家相互转告。', { docType: 'other', docTypeDetail: null }))).toBeNull()
  })

  it('works on traditional text, keeping the part as written', () => {
    const text = '為全面做好春節期間防疫工作，現將有關事項公告如下：\n一、室內場所應佩戴口罩。'
    expect(deriveTitle(input(text, { docTypeDetail: '公告' }))).toBe('關於做好春節期間防疫工作的公告')
  })
})

describe('extractFields marks a derived title only for split parts without a heading', () => {
  const headless = '为全力做好汛期防疫工作，现就有关事宜通告如下：\n一、受灾群众安置点每日消毒。\n二、安置点人员每日测温。'
  it('derives and marks it for a part', () => {
    const f = extractFields({ text: headless, simplified: shadow(headless), fileName: 'x.txt', splitPart: true })
    expect(f).toMatchObject({ title: '关于做好汛期防疫工作的通告', titleDerived: true })
  })
  it('keeps a part’s own heading unmarked', () => {
    const text = `青山县关于加强汛期防疫工作的通告\n${headless}`
    const f = extractFields({ text, simplified: shadow(text), fileName: 'x.txt', splitPart: true })
    expect(f.title).toBe('青山县关于加强汛期防疫工作的通告')
    expect(f.titleDerived).toBeUndefined()
  })
  it('leaves a whole file’s first-sentence title alone', () => {
    const f = extractFields({ text: headless, simplified: shadow(headless), fileName: 'x.txt' })
    expect(f.titleDerived).toBeUndefined()
    expect(f.title).not.toBe('关于做好汛期防疫工作的通告')
  })
})
