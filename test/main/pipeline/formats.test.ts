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
    ['notice.pdf', 'pdf', 'pdf'],
    // An RTF file named .doc, as often published: the .doc reader recognises it.
    ['notice-rtf.doc', 'doc', 'rtf']
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

  it('keeps the headline and date line of a typical government page but not its menus and links', async () => {
    const lines = expected.split('\n')
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${lines[0]}_青禾县人民政府</title></head><body>
<div class="header"><ul><li><a href="/">首页</a></li><li><a href="/xw">新闻中心</a></li><li><a href="/gk">政务公开</a></li></ul></div>
<div class="main"><div class="crumb">当前位置：<a>首页</a> &gt; <a>通知公告</a></div>
<h1 class="title">${lines[0]}</h1>
<div class="info">发布时间：2022-11-08 来源：县卫健局</div>
<div class="content" id="zoom">${lines.slice(1).map((p) => `<p>${p}</p>`).join('')}</div>
<div class="share">分享到：<a>微信</a><a>微博</a></div></div>
<div class="related"><h3>相关链接</h3><ul><li><a>关于开展爱国卫生运动的通知</a><span>2022-11-01</span></li><li><a>县领导调研冬季供暖工作</a><span>2022-10-30</span></li></ul></div>
<div class="footer">版权所有：青禾县人民政府</div></body></html>`
    const docs = await processInput({ path: 'page.html', bytes: new Uint8Array(Buffer.from(html)), format: 'html' }, { extract: stubExtract })
    expect(docs[0].text).toBe([lines[0], '发布时间：2022-11-08 来源：县卫健局', ...lines.slice(1)].join('\n'))
    const removed = docs[0].removed.map((r) => r.text).join('\n')
    expect(removed).toContain('新闻中心')
    expect(removed).toContain('县领导调研冬季供暖工作')
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
