import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { cleanText } from '../../../src-main/node/pipeline/clean'
import { contentHash, estimateJaccard, estimateSimilarity, minhash, MINHASH_K } from '../../../src-main/node/pipeline/fingerprint'
import { simplifiedShadow } from '../../../src-main/node/pipeline/script'
import { SEED_FILES } from './helpers'

const seed = (f: string): string => cleanText(readFileSync(f, 'utf8')).text

describe('contentHash', () => {
  it('ignores punctuation, whitespace and script', () => {
    const a = '关于加强疫情防控的通告\n一、全体市民须佩戴口罩。'
    const b = '關於加強疫情防控的通告  一、全體市民須佩戴口罩!'
    expect(contentHash(a)).toBe(contentHash(b))
    expect(contentHash(a)).not.toBe(contentHash(a.replace('口罩', '手套')))
  })
})

describe('minhash similarity', () => {
  const s000 = seed(SEED_FILES.s000)
  const s001 = seed(SEED_FILES.s001)
  const s002 = seed(SEED_FILES.s002)
  const s003 = seed(SEED_FILES.s003)
  const s004 = seed(SEED_FILES.s004)

  it('signatures have k slots plus the shingle count', () => {
    const sig = minhash(s003)
    expect(sig).toHaveLength(MINHASH_K + 1)
    expect(sig[MINHASH_K]).toBeGreaterThan(1000)
  })

  it('identical text in the other script scores 1', () => {
    expect(estimateSimilarity(minhash(s003), minhash(simplifiedShadow(s003)))).toBe(1)
  })

  it('a repost that wraps an article in other material scores high (containment)', () => {
    // A typical aggregator page: its own introduction, the whole article, then other items.
    const repost = `${s002.slice(0, 600)}\n${s003}\n${s001.slice(0, 1500)}`
    const a = minhash(s003)
    const b = minhash(repost)
    // Jaccard is diluted by the wrapping; containment of the smaller document is not.
    expect(estimateJaccard(a, b)).toBeLessThan(0.75)
    expect(estimateSimilarity(a, b)).toBeGreaterThan(0.8)
  })

  it('a partial copy (half the article) scores as similar', () => {
    const half = s003.slice(0, Math.floor(s003.length / 2))
    expect(estimateSimilarity(minhash(half), minhash(s003))).toBeGreaterThan(0.8)
  })

  it('unrelated seeds score low', () => {
    const sigs = [s000, s001, s002, s003, s004].map((t) => minhash(t))
    for (let i = 0; i < sigs.length; i++) {
      for (let j = i + 1; j < sigs.length; j++) expect(estimateSimilarity(sigs[i], sigs[j])).toBeLessThan(0.2)
    }
  })

  it('empty text has no similarity to anything', () => {
    expect(estimateSimilarity(minhash(''), minhash(s003))).toBe(0)
  })
})
