import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { analyseScript, countScriptChars, detectScript, simplifiedShadow, toSimplified } from '../../../src-main/node/pipeline/script'
import { SEED_FILES } from './helpers'

const TRAD = '為切實做好疫情防控工作，保障群眾身體健康，現將有關事項通知如下：來返人員須主動向所在社區報備，並進行核酸檢測。'
const SIMP = '为切实做好疫情防控工作，保障群众身体健康，现将有关事项通知如下：来返人员须主动向所在社区报备，并进行核酸检测。'

describe('script detection', () => {
  it('tells simplified from traditional', () => {
    expect(detectScript(SIMP)).toBe('simplified')
    expect(detectScript(TRAD)).toBe('traditional')
  })

  it('calls a text mixed when the minority script reaches about 10%', () => {
    // Half the text in each script.
    expect(detectScript(TRAD.slice(0, 30) + SIMP.slice(30))).toBe('mixed')
    // A single simplified word in a long traditional text is not enough.
    expect(detectScript(TRAD + TRAD + '这个')).toBe('traditional')
  })

  it('treats text without script-specific characters as simplified', () => {
    expect(detectScript('2022年11月8日 ABC')).toBe('simplified')
    expect(countScriptChars('上下左右人口')).toEqual({ traditional: 0, simplified: 0 })
  })

  it('detects the seeds', () => {
    expect(detectScript(readFileSync(SEED_FILES.s003, 'utf8'))).toBe('traditional')
    for (const f of [SEED_FILES.s000, SEED_FILES.s001, SEED_FILES.s002, SEED_FILES.s004]) {
      expect(detectScript(readFileSync(f, 'utf8'))).toBe('simplified')
    }
  })
})

describe('simplified shadow', () => {
  it('has exactly the length of the text and simplified characters', () => {
    const info = analyseScript(TRAD)
    expect(info.simplified).toHaveLength(TRAD.length)
    expect(info.simplified).toBe(SIMP)
  })

  it('keeps offsets: a phrase found in the shadow is at the same place in the original', () => {
    const text = readFileSync(SEED_FILES.s003, 'utf8')
    const shadow = simplifiedShadow(text)
    expect(shadow).toHaveLength(text.length)
    const at = shadow.indexOf('吉林省卫生健康委')
    expect(at).toBeGreaterThan(0)
    expect(text.slice(at, at + 8)).toBe('吉林省衛生健康委')
  })

  it('stays the same length for characters outside the BMP and mixed content', () => {
    const text = '𠀀發展😷與ABC  經濟'
    const s = simplifiedShadow(text)
    expect(s).toHaveLength(text.length)
    expect(s).toBe('𠀀发展😷与ABC  经济')
  })

  it('returns simplified text unchanged', () => {
    expect(simplifiedShadow(SIMP)).toBe(SIMP)
  })

  it('leaves 么 alone in simplified and traditional text (the Taiwan variant table reads it as 幺)', () => {
    expect(simplifiedShadow('你说什么？这么晚了怎么办')).toBe('你说什么？这么晚了怎么办')
    // A traditional text goes through the phrase converter: 么 must survive it too, 麼 still converts.
    expect(simplifiedShadow('醫院說什么時候開門？為什麼')).toBe('医院说什么时候开门？为什么')
    expect(toSimplified('多么')).toBe('多么')
    // 幺 itself is unchanged.
    expect(simplifiedShadow('幺妹')).toBe('幺妹')
  })
})
