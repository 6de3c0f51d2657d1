import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { processInput, rawInputFromText, ImportError } from '../../../src-main/node/pipeline/pipeline'
import { sha256Hex } from '../../../src-main/node/pipeline/pipeline'
import type { RawInput } from '../../../src-main/node/pipeline/types'
import { SEED_FILES, FIXTURES, stubExtract } from './helpers'

const file = (path: string): RawInput => ({ path, bytes: new Uint8Array(readFileSync(path)), format: 'txt' })

describe('processInput', () => {
  it('produces one document per part of a compilation, with shared source and own fingerprints', async () => {
    const input = file(SEED_FILES.s004)
    const docs = await processInput(input, { extract: stubExtract })
    expect(docs.length).toBeGreaterThanOrEqual(8)
    docs.forEach((d, i) => {
      expect(d.source).toMatchObject({ path: SEED_FILES.s004, sha256: sha256Hex(input.bytes), format: 'txt', encoding: 'utf-8', part: i + 1, parts: docs.length })
      expect(d.simplified).toHaveLength(d.text.length)
      expect(d.minhash).toHaveLength(65)
    })
    expect(new Set(docs.map((d) => d.contentHash)).size).toBe(docs.length)
    // The junk list after the last report is reported with the last document.
    expect(docs[docs.length - 1].removed.some((r) => r.reason === 'link-list' && r.text.includes('高考排名'))).toBe(true)
    expect(docs.slice(0, -1).flatMap((d) => d.removed).some((r) => r.text.includes('高考排名'))).toBe(false)
  })

  it('hashes the original bytes, not the decoded text', async () => {
    const text = readFileSync(`${FIXTURES}/notice.txt`, 'utf8')
    const gb = new Uint8Array(iconv.encode(text, 'gb18030'))
    const [a] = await processInput({ path: 'a.txt', bytes: gb, format: 'txt' }, { extract: stubExtract })
    const [b] = await processInput(rawInputFromText(text), { extract: stubExtract })
    expect(a.source.encoding).toBe('gb18030')
    expect(a.source.sha256).toBe(sha256Hex(gb))
    expect(a.source.sha256).not.toBe(b.source.sha256)
    expect(a.text).toBe(b.text)
    expect(a.contentHash).toBe(b.contentHash)
    expect(b.source.format).toBe('paste')
  })

  it('gives the extractor the part text, its simplified shadow and the file name', async () => {
    const seen: Array<{ text: string; simplified: string; fileName: string }> = []
    await processInput(file(SEED_FILES.s003), {
      extract: (t) => {
        seen.push(t)
        return stubExtract(t)
      }
    })
    expect(seen).toHaveLength(1)
    expect(seen[0].fileName).toBe('003_5a1349121b44f3c9.txt')
    expect(seen[0].simplified).toContain('吉林省卫生健康委')
    expect(seen[0].text).toContain('吉林省衛生健康委')
  })

  it('runs with the real extractor by default', async () => {
    const docs = await processInput(file(`${FIXTURES}/notice.txt`))
    expect(docs).toHaveLength(1)
    expect(typeof docs[0].title).toBe('string')
    expect(docs[0].extractorVersion).toBeGreaterThan(0)
  })

  it('judges the script of the page as published, junk included, but cleans the junk away', async () => {
    const article = [
      '為切實做好疫情防控工作，保障群眾身體健康，現將有關事項通知如下：',
      '來返人員須主動向所在社區報備，並進行核酸檢測。',
      '特此通知。'
    ].join('\n')
    const spam = '国产精品久久久久久,国产精品人人爽,亚洲综合久久精品国产网红主播'
    const [withSpam] = await processInput(rawInputFromText(`${spam}\n${article}`), { extract: stubExtract })
    expect(withSpam.text).toBe(article)
    expect(withSpam.removed.some((r) => r.reason === 'spam')).toBe(true)
    expect(withSpam.script).toBe('mixed')
    const [clean] = await processInput(rawInputFromText(article), { extract: stubExtract })
    expect(clean.script).toBe('traditional')
  })

  it('throws ImportError with a readable reason', async () => {
    const err = await processInput({ path: 'x.docx', bytes: new Uint8Array([1, 2, 3, 4, 5]), format: 'docx' }).catch((e) => e)
    expect(err).toBeInstanceOf(ImportError)
    expect(err.reason).toMatch(/not a valid Word document/)
  })
})
