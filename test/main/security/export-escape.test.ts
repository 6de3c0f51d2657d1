// The export preview (shown in the renderer as markup) and the PDF are built by main from document
// text: markup inside an imported document must arrive escaped, never as elements.
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { ApiService } from '../../../src-main/node/services/api-service'
import { EventBus } from '../../../src-main/node/services/event-bus'
import type { ExportPreview } from '../../../src-main/common/export'
import { tmpDir } from '../helpers/tmp'

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'

describe('export layout from hostile document text', () => {
  let archive: Archive
  let api: ApiService
  afterAll(async () => {
    await api?.shutdown()
    await archive?.close()
  })

  it('escapes markup in a corrected title and issuer; the preview holds no element made from it', async () => {
    archive = await Archive.open(path.join(tmpDir(), 'archive'))
    const bus = new EventBus()
    let id = ''
    bus.on((name, p) => (id ||= name === 'import.item' ? String((p as { id?: string }).id ?? '') : ''))
    api = new ApiService(archive, bus, { mode: 'serve', version: 'test' })
    const text = `某县疫情防控指挥部通告${HOSTILE}\n一、全县暂停聚集性活动。${HOSTILE}\n某县疫情防控指挥部\n2022年5月1日`
    expect((await api.dispatch('import.text', { text, name: 'x.html.txt' })).ok).toBe(true)
    await expect.poll(() => id, { timeout: 20_000 }).not.toBe('')
    // The import's cleaner strips markup from the text; a person's correction is stored as typed.
    expect((await api.dispatch('documents.update', { id, patch: { title: `通告${HOSTILE}`, issuer: HOSTILE } })).ok).toBe(true)
    const r = await api.dispatch('export.preview', { request: { kind: 'documents', includeText: true } })
    expect(r.ok).toBe(true)
    const { body } = (r as { result: ExportPreview }).result
    expect(body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(body).not.toMatch(/<(img|script|iframe|object)\b/i)
  })
})
