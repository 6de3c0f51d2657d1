import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import DocumentView from '@/views/DocumentView.vue'
import { FakeApi, uninstall } from './fake-api'
import { flushPromises, mountWithApp } from './helpers'
import { TEXT, docRecord, selectInPane } from './doc-fixture'

enableAutoUnmount(afterEach)

const LOW = 'encoding guessed as gb18030 with low confidence; re-decode with another encoding if the text looks wrong'

let fake: FakeApi
beforeEach(() => {
  fake = new FakeApi()
  fake.records.set(
    'doc000001',
    docRecord({
      similar: [
        { id: 'doc000002', score: 0.91 },
        { id: 'doc000003', score: 0.86 }
      ],
      warnings: [LOW]
    })
  )
  fake.records.set('doc000002', docRecord({ id: 'doc000002', title: '关于加强入境人员管理的通告（转发）' }))
  fake.records.set('doc000003', docRecord({ id: 'doc000003', title: '入境人员管理通告（网页版）' }))
  fake.install()
})
afterEach(() => {
  uninstall()
  document.body.innerHTML = ''
})

const mountDoc = () => mountWithApp(DocumentView, { route: '/documents/doc000001', props: { id: 'doc000001' } })

describe('document actions', () => {
  it('fetches the titles of similar documents with one summaries call', async () => {
    const { wrapper } = await mountDoc()
    expect(fake.callsOf('documents.summaries')).toEqual([{ ids: ['doc000002', 'doc000003'] }])
    expect(fake.callsOf('documents.get')).toEqual([{ id: 'doc000001' }])
    const links = wrapper.findAll('[data-testid="similar-link"]').map((l) => l.text())
    expect(links[0]).toContain('关于加强入境人员管理的通告（转发）')
    expect(links[1]).toContain('入境人员管理通告（网页版）')
  })

  it('merge settles a near-duplicate: the call is sent, the link goes and the other is trashed', async () => {
    const { wrapper } = await mountDoc()
    await wrapper.get('[data-testid="similar-entry"][data-id="doc000002"] [data-testid="similar-merge"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('documents.resolveSimilar')).toEqual([{ id: 'doc000001', other: 'doc000002', action: 'merge' }])
    expect(fake.trashed.has('doc000002')).toBe(true)
    expect(wrapper.findAll('[data-testid="similar-entry"]').map((e) => e.attributes('data-id'))).toEqual(['doc000003'])
    // And it can be undone.
    await wrapper.get('[data-testid="doc-undo"]').trigger('click')
    await flushPromises()
    expect(fake.trashed.has('doc000002')).toBe(false)
    expect(wrapper.findAll('[data-testid="similar-entry"]')).toHaveLength(2)
  })

  it('keep both drops the link without trashing anything', async () => {
    const { wrapper } = await mountDoc()
    await wrapper.get('[data-testid="similar-entry"][data-id="doc000003"] [data-testid="similar-keep"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('documents.resolveSimilar')).toEqual([{ id: 'doc000001', other: 'doc000003', action: 'keep' }])
    expect(fake.trashed.size).toBe(0)
    expect(wrapper.findAll('[data-testid="similar-entry"]').map((e) => e.attributes('data-id'))).toEqual(['doc000002'])
  })

  it('re-decodes with the encoding chosen in the select', async () => {
    const { wrapper } = await mountDoc()
    expect(wrapper.get('[data-testid="doc-warnings"]').text()).toContain('重新解码')
    wrapper.get('[data-testid="redecode-select"] .el-select__wrapper').element.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await flushPromises()
    await wrapper.get('[data-testid="encoding-big5"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="redecode-button"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('documents.redecode')).toEqual([{ id: 'doc000001', encoding: 'big5' }])
    expect(wrapper.get('[data-testid="doc-meta"]').text()).toContain('big5')
    expect(wrapper.find('[data-testid="doc-warnings"]').exists()).toBe(false)
  })

  it('puts a removed passage back into the text', async () => {
    const { wrapper } = await mountDoc()
    await wrapper.get('[data-testid="toggle-removed"]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-testid="removed-item"]')).toHaveLength(1)
    await wrapper.get('[data-testid="restore-removed"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('documents.restoreRemoved')).toEqual([{ id: 'doc000001', index: 0 }])
    expect(wrapper.get('[data-testid="doc-text"]').text()).toContain('相关链接：首页 | 政务公开')
    expect(wrapper.findAll('[data-testid="removed-item"]')).toHaveLength(0)
  })

  it('splits at the caret after confirming, and shows the part', async () => {
    const { wrapper } = await mountDoc()
    const at = TEXT.indexOf('二、')
    const range = selectInPane(wrapper.get('[data-testid="doc-text"]').element, '二、暂停', true)
    await flushPromises()
    expect(range.start).toBe(at)
    await wrapper.get('[data-testid="split-here"]').trigger('click')
    await flushPromises()
    const ok = document.body.querySelector<HTMLButtonElement>('.el-message-box .el-button--primary')!
    expect(ok).not.toBeNull()
    ok.click()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    expect(fake.callsOf('documents.split')).toEqual([{ id: 'doc000001', offsets: [at] }])
    expect(wrapper.get('[data-testid="doc-text"]').text()).toBe(TEXT.slice(0, at))
  })

  it('shows which part of a split file a document is', async () => {
    fake.records.set('doc000001', docRecord({ source: { path: 'a.txt', sha256: 'x', format: 'txt', encoding: 'utf-8', part: 2, parts: 3 } }))
    const { wrapper } = await mountDoc()
    expect(wrapper.get('[data-testid="doc-part"]').text()).toBe('第 2/3 部分')
  })
})

describe('selection offsets', () => {
  it('counts text before a position given as a text node or as an element and child index', async () => {
    const { offsetIn } = await import('@/lib/selection')
    document.body.innerHTML = '<div id="p">一、<mark>隔离</mark>十四天<mark></mark>。</div>'
    const p = document.getElementById('p')!
    const mark = p.querySelector('mark')!
    expect(offsetIn(p, p.firstChild!, 1)).toBe(1)
    expect(offsetIn(p, mark.firstChild!, 1)).toBe(3)
    expect(offsetIn(p, p, 2)).toBe(4) // after 一、 and the first mark
    expect(offsetIn(p, p.querySelectorAll('mark')[1], 0)).toBe(7) // an empty element
    expect(offsetIn(p, document.body, 0)).toBeNull()
  })
})
