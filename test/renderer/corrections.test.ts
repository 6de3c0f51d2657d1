import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import DocumentView from '@/views/DocumentView.vue'
import { FakeApi, uninstall } from './fake-api'
import { flushPromises, mountWithApp } from './helpers'
import { TEXT, docRecord, selectInPane } from './doc-fixture'

// A failing test must not leave its view listening for Ctrl+Z in the next one.
enableAutoUnmount(afterEach)

let fake: FakeApi
beforeEach(() => {
  fake = new FakeApi()
  fake.records.set('doc000001', docRecord())
  fake.install()
})
afterEach(() => {
  uninstall()
  document.body.innerHTML = ''
})

const $ = <E extends Element = HTMLElement>(sel: string): E => {
  const el = document.body.querySelector<E>(sel)
  if (!el) throw new Error(`not found: ${sel}`)
  return el
}

async function click(sel: string): Promise<void> {
  $(sel).click()
  await flushPromises()
}

async function setNumber(sel: string, value: number): Promise<void> {
  const input = $<HTMLInputElement>(`${sel} input`)
  input.value = String(value)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  await flushPromises()
}

const mountDoc = () => mountWithApp(DocumentView, { route: '/documents/doc000001', props: { id: 'doc000001' } })

describe('measure corrections', () => {
  it('adds a measure over the selected text: the offsets are sent and the manual mark appears', async () => {
    const { wrapper } = await mountDoc()
    expect($<HTMLButtonElement>('[data-testid="add-measure"]').disabled).toBe(true)
    const range = selectInPane($('[data-testid="doc-text"]'), '暂停举办聚集性活动')
    await flushPromises()
    expect(range).toEqual({ start: TEXT.indexOf('暂停举办'), end: TEXT.indexOf('暂停举办') + '暂停举办聚集性活动'.length })
    expect($('[data-testid="selection-info"]').textContent).toContain(`第 ${range.start + 1}–${range.end} 字`)

    await click('[data-testid="add-measure"]')
    expect($('[data-testid="measure-evidence"]').textContent).toContain('暂停举办聚集性活动')
    // Choose the category from the dropdown, set level 3 and 50 people.
    $('[data-testid="measure-category"] .el-select__wrapper').click()
    await flushPromises()
    await click('[data-testid="category-gatherings"]')
    await setNumber('[data-testid="measure-level"]', 3)
    await setNumber('[data-testid="param-people"]', 50)
    await click('[data-testid="measure-submit"]')

    expect(fake.callsOf('measures.add')).toEqual([
      {
        documentId: 'doc000001',
        measure: { category: 'gatherings', level: 3, params: { people: 50 }, target: null, lifted: false, start: range.start, end: range.end }
      }
    ])
    const marks = wrapper.findAll('[data-testid="measure-mark"][data-category="gatherings"]')
    expect(marks.map((m) => m.text()).join('')).toBe('暂停举办聚集性活动')
    expect(marks[0].classes()).toContain('manual')
    const added = wrapper.findAll('[data-testid="measure-item"]').find((w) => w.text().includes('暂停举办聚集性活动'))!
    expect(added.text()).toContain('已更正')
    expect(added.text()).toContain('50 人')
    wrapper.unmount()
  })

  it('edits a measure: the patch is sent and the list shows the new level with the manual badge', async () => {
    const { wrapper } = await mountDoc()
    const row = () => wrapper.get('.measure-row[data-id="mt01"]')
    expect(row().text()).toContain('强度 3')
    expect(row().find('[data-testid="measure-manual"]').exists()).toBe(false)
    await row().get('[data-testid="measure-edit"]').trigger('click')
    await flushPromises()
    expect($('[data-testid="measure-evidence"]').textContent).toContain('三天三检')
    await setNumber('[data-testid="measure-level"]', 1)
    await click('[data-testid="measure-submit"]')
    expect(fake.callsOf('measures.update')).toEqual([{ id: 'mt01', patch: { category: 'testing', level: 1, params: {}, target: null, lifted: false } }])
    expect(row().text()).toContain('强度 1')
    expect(row().find('[data-testid="measure-manual"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('deletes a measure and its highlight goes; Undo calls history.undo and brings it back', async () => {
    const { wrapper } = await mountDoc()
    expect(wrapper.findAll('[data-testid="measure-mark"][data-category="testing"]')).toHaveLength(1)
    await wrapper.get('.measure-row[data-id="mt01"] [data-testid="measure-delete"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('measures.delete')).toEqual([{ id: 'mt01' }])
    expect(wrapper.findAll('[data-testid="measure-mark"][data-category="testing"]')).toHaveLength(0)
    expect(wrapper.findAll('[data-testid="measure-item"]')).toHaveLength(1)

    const gets = fake.callsOf('documents.get').length
    await wrapper.get('[data-testid="doc-undo"]').trigger('click')
    await flushPromises()
    expect(fake.callsOf('history.undo')).toEqual([{ documentId: 'doc000001' }])
    expect(fake.callsOf('documents.get').length).toBe(gets + 1)
    expect(wrapper.findAll('[data-testid="measure-mark"][data-category="testing"]')).toHaveLength(1)
    expect(wrapper.findAll('[data-testid="measure-item"]')).toHaveLength(2)
    wrapper.unmount()
  })

  it('Ctrl+Z undoes outside text fields, not while typing in one', async () => {
    const { wrapper } = await mountDoc()
    await wrapper.get('.measure-row[data-id="mq01"] [data-testid="measure-delete"]').trigger('click')
    await flushPromises()
    const input = document.createElement('input')
    document.body.appendChild(input)
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }))
    await flushPromises()
    expect(fake.callsOf('history.undo')).toEqual([])
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true }))
    await flushPromises()
    expect(fake.callsOf('history.undo')).toEqual([{ documentId: 'doc000001' }])
    expect(wrapper.findAll('.measure-row[data-id="mq01"]')).toHaveLength(1)
    // Nothing left to undo: said so, and nothing changes.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', metaKey: true }))
    await flushPromises()
    expect(document.body.textContent).toContain('没有可撤销的更改')
    wrapper.unmount()
  })

  it('shows the server refusal of a correction instead of swallowing it', async () => {
    fake.handlers['measures.delete'] = () => {
      throw new Error('the measure is locked')
    }
    const { wrapper } = await mountDoc()
    await wrapper.get('.measure-row[data-id="mt01"] [data-testid="measure-delete"]').trigger('click')
    await flushPromises()
    expect($('.api-error').textContent).toContain('the measure is locked')
    expect(wrapper.findAll('[data-testid="measure-item"]')).toHaveLength(2)
    wrapper.unmount()
  })

  it('corrects the details and the regions (sent as region keys)', async () => {
    const { wrapper } = await mountDoc()
    await wrapper.get('[data-testid="edit-meta"]').trigger('click')
    await flushPromises()
    const num = $<HTMLInputElement>('[data-testid="meta-docnumber"]')
    num.value = '吉防控〔2022〕5号'
    num.dispatchEvent(new Event('input', { bubbles: true }))
    await flushPromises()
    await click('[data-testid="meta-submit"]')
    expect(fake.callsOf('documents.update')).toEqual([{ id: 'doc000001', patch: { docNumber: '吉防控〔2022〕5号' } }])
    expect(wrapper.get('[data-testid="doc-meta"]').text()).toContain('吉防控〔2022〕5号')

    await wrapper.get('[data-testid="edit-regions"]').trigger('click')
    await flushPromises()
    const search = $<HTMLInputElement>('[data-testid="regions-select"] input')
    search.value = '新区'
    search.dispatchEvent(new Event('input', { bubbles: true }))
    await new Promise((r) => setTimeout(r, 400)) // the select debounces remote search
    await flushPromises()
    expect(fake.callsOf('regions.search')).toEqual([{ query: '新区', limit: 20 }])
    const option = [...document.body.querySelectorAll<HTMLElement>('[data-testid="regions-dialog"] .el-select-dropdown__item')].find((o) => o.textContent?.includes('长春新区'))!
    option.click()
    await flushPromises()
    await click('[data-testid="regions-submit"]')
    expect(fake.callsOf('documents.setRegions')).toEqual([{ id: 'doc000001', codes: ['220100:长春市', '220100:长春新区'] }])
    expect(wrapper.get('[data-testid="doc-meta"]').text()).toContain('长春新区')
    wrapper.unmount()
  })
})
