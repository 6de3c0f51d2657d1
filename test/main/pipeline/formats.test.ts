import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { processInput } from '../../../src-main/node/pipeline/pipeline'
import { parseMhtml, readMhtml } from '../../../src-main/node/pipeline/read-mhtml'
import { readPdf, NO_TEXT_LAYER } from '../../../src-main/node/pipeline/read-pdf'
import type { RawInput } from '../../../src-main/node/pipeline/types'
import { FIXTURES, stubExtract } from './helpers'

const expected = readFileSync(join(FIXTURES, 'notice.txt'), 'utf8').trim()

function input(name: string, format: RawInput['format']): RawInput {
  return { path: name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))), format }
}

describe('one notice in every container format gives the same cleaned text', () => {
  const cases: Array<[string, RawInput['format'], string]> = [
    ['notice.txt', 'txt', 'utf-8'],
    ['notice.html', 'html', 'utf-8'],
    ['notice.docx', 'docx', 'docx'],
    ['notice.doc', 'doc', 'doc'],
    ['notice.pdf', 'pdf', 'pdf']
  ]
  for (const [name, format, encoding] of cases) {
    it(name, async () => {
      const docs = await processInput(input(name, format), { extract: stubExtract })
      expect(docs).toHaveLength(1)
      expect(docs[0].text).toBe(expected)
      expect(docs[0].source.encoding).toBe(encoding)
      expect(docs[0].warnings).toEqual([])
      expect(docs[0].source.sha256).toMatch(/^[0-9a-f]{64}$/)
    })
  }

  it('removes the page furniture around the notice in the HTML version', async () => {
    const html = readFileSync(join(FIXTURES, 'notice.html'), 'utf8')
    expect(html).toContain('当前位置')
    const docs = await processInput(input('notice.html', 'html'), { extract: stubExtract })
    expect(docs[0].text).not.toContain('当前位置')
    expect(docs[0].text).not.toContain('版权所有')
  })

  it('reads an MHTML web archive (quoted-printable, declared charset)', async () => {
    const html = `<html><head><meta charset="gb2312"></head><body><div>当前位置：首页 &gt; 公告</div>${expected
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('')}</body></html>`
    const qp = [...iconv.encode(html, 'gb18030')]
      .map((b) => (b >= 0x21 && b <= 0x7e && b !== 0x3d ? String.fromCharCode(b) : '=' + b.toString(16).toUpperCase().padStart(2, '0')))
      .join('')
      .replace(/(.{70})/g, '$1=\r\n')
    const mht = [
      'From: <Saved by Blink>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="----BOUNDARY"',
      '',
      '------BOUNDARY',
      'Content-Type: text/html; charset="gb2312"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      qp,
      '------BOUNDARY',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '------BOUNDARY--',
      ''
    ].join('\r\n')
    const bytes = new Uint8Array(Buffer.from(mht, 'latin1'))
    expect(parseMhtml(bytes)).toHaveLength(2)
    const decoded = readMhtml(bytes)
    expect(decoded.encoding).toBe('gb18030')
    const docs = await processInput({ path: 'page.mht', bytes, format: 'mhtml' }, { extract: stubExtract })
    expect(docs[0].text).toBe(expected)
  })

  it('keeps a PDF without a text layer, with an OCR warning', async () => {
    // A minimal valid one-page PDF with no text objects (what a scanner produces, minus the image).
    const objs = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
      '<< /Length 0 >>\nstream\n\nendstream'
    ]
    let pdf = '%PDF-1.4\n'
    const offsets: number[] = []
    objs.forEach((o, i) => {
      offsets.push(pdf.length)
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`
    })
    const xref = pdf.length
    pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
    pdf += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
    const bytes = new Uint8Array(Buffer.from(pdf, 'latin1'))
    const d = await readPdf(bytes)
    expect(d.text).toBe('')
    expect(d.warnings).toEqual([NO_TEXT_LAYER])
    const docs = await processInput({ path: 'scan.pdf', bytes, format: 'pdf' }, { extract: stubExtract })
    expect(docs).toHaveLength(1)
    expect(docs[0].text).toBe('')
    expect(docs[0].warnings).toContain(NO_TEXT_LAYER)
  })
})
