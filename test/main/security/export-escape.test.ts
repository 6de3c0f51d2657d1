// The export preview (shown in the renderer as markup) and the PDF are built by main from document
// text: markup inside an imported document must arrive escaped, never as elements.
import { afterAll, describe, expect, it } from 'vitest'
import type { ExportPreview } from '../../../src-main/common/export'
import { ApiHarness } from '../helpers/api'

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'

describe('export layout from hostile document text', () => {
  let h: ApiHarness | undefined
  afterAll(() => h?.close())

  it('escapes markup in a corrected title and issuer; the preview holds no element made from it', async () => {
    h = await ApiHarness.open()
    const { id } = await h.importText(`某县疫情防控指挥部通告${HOSTILE}\n一、全县暂停聚集性活动。${HOSTILE}\n某县疫情防控指挥部\n2022年5月1日`, 'x.html.txt')
    // The import's cleaner strips markup from the text; a person's correction is stored as typed.
    await h.call('documents.update', { id, patch: { title: `通告${HOSTILE}`, issuer: HOSTILE } })
    const { body } = await h.call<ExportPreview>('export.preview', { request: { kind: 'documents', includeText: true } })
    expect(body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(body).not.toMatch(/<(img|script|iframe|object)\b/i)
  })
})
