import { describe, expect, it } from 'vitest'
import { anchorEvidence } from '../../../src-main/node/pipeline/pipeline'
import type { Measure } from '../../../src-main/common/record'

const m = (text: string, start: number, end: number): Measure => ({ category: 'masks', level: 2, params: {}, target: null, lifted: false, text, start, end })

describe('evidence anchoring (CONTRACT: text === text.slice(start, end))', () => {
  const text = '一、佩戴口罩。二、扫码测温。三、佩戴口罩并保持一米距离。'
  it('keeps spans that match, moves a shifted span to the nearest occurrence, drops evidence that is absent', () => {
    const r = anchorEvidence(text, [m('扫码测温', 9, 13), m('佩戴口罩', 17, 21), m('戴好手套', 0, 4)])
    expect(r.measures.map((x) => [x.text, x.start, x.end])).toEqual([
      ['扫码测温', 9, 13],
      ['佩戴口罩', 16, 20]
    ])
    for (const x of r.measures) expect(text.slice(x.start, x.end)).toBe(x.text)
    expect(r.warnings).toEqual(['1 extracted measure(s) were dropped because their evidence could not be located in the text'])
  })
})
