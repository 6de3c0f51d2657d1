import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { TextIndex, type Hits } from '../../../src-main/node/search/text-index'
import { parseQuery, positiveTerms } from '../../../src-main/node/search/query'

// A small alphabet, mostly ideographs, so phrases recur within and across documents.
const chars = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('核', '酸', '检', '测') }, { weight: 1, arbitrary: fc.constantFrom('，', ' ', 'K', '9') })
const text = (max: number): fc.Arbitrary<string> => fc.array(chars, { maxLength: max }).map((a) => a.join(''))
const rows = (h: Hits): number[][] => Array.from({ length: h.n }, (_, i) => [h.slots[i], h.title[i], h.body[i]])

describe('phrase matching', () => {
  it('over lists read straight from the pool gives what it gives over decoded lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text(6), body: text(40), removed: fc.boolean() }), { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 3, max: 7 })), { minLength: 1, maxLength: 6 }),
        (docs, picks) => {
          // Queries cut from the documents themselves, so most of them match somewhere.
          const queries = picks.map(([d, at, len]) => {
            const body = docs[d % docs.length].body
            const from = body.length ? at % body.length : 0
            return body.slice(from, from + len)
          })
          const index = new TextIndex()
          docs.forEach((d, i) => {
            const slot = index.add(`d${i}`, d.title, d.body)
            if (d.removed) index.remove(slot)
          })
          for (const q of queries) {
            for (const term of positiveTerms(parseQuery(`"${q}"`))) {
              const t = term.tokens
              if (t.single !== null || t.elements.length < 2 || t.elements.some((e) => e.edge)) continue
              expect(rows(index.match(t))).toEqual(rows(index.matchDecoded(t)))
            }
          }
        }
      ),
      { numRuns: 400 }
    )
  })

  it('counts title and body hits of a phrase apart, and never across a separator', () => {
    const index = new TextIndex()
    index.add('a', '核酸检测', '今日核酸检测，核酸 检测')
    const [term] = positiveTerms(parseQuery('核酸检测'))
    expect(rows(index.match(term.tokens))).toEqual([[0, 1, 1]])
    index.add('b', '通知', '核酸检测')
    // Quoted with a separator inside, a phrase needs one in the document too.
    const [apart] = positiveTerms(parseQuery('"核酸，检测"'))
    expect(rows(index.match(apart.tokens))).toEqual([[0, 0, 1]])
  })
})
