import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import DocumentView from '@/views/DocumentView.vue'
import type { DocumentRecord, Measure } from '@common/record'
import { segmentText } from '@/lib/highlight'
import { FakeApi, uninstall } from './fake-api'
import { flushPromises, mountWithApp } from './helpers'

const TEXT = '一、所有入境人员实行14天集中隔离，并开展三天三检。二、暂停举办聚集性活动。三、其他事项另行通知。'

function measure(category: string, evidence: string, from = 0, extra: Partial<Measure> = {}): Measure {
  const start = TEXT.indexOf(evidence, from)
  if (start < 0) throw new Error(`evidence not in text: ${evidence}`)
  return { category, level: 3, params: {}, target: null, lifted: false, text: evidence, start, end: start + evidence.length, ...extra }
}

const MEASURES: Measure[] = [
  measure('quarantine', '所有入境人员实行14天集中隔离', 0, { params: { days: 14 }, target: '入境人员' }),
  measure('testing', '三天三检', 0, { params: { times: 3, per_days: 3 } }),
  // Overlaps the quarantine span on purpose.
  measure('other', '14天集中隔离，并开展', 0),
  measure('gatherings', '暂停举办聚集性活动', 0, { lifted: true })
]

function record(): DocumentRecord {
  return {
    id: 'doc000001',
    source: { path: 'notices/n1.txt', sha256: 'x', format: 'txt', encoding: 'gb18030', part: 2, parts: 3 },
    title: '关于加强入境人员管理的通告',
    docType: 'notice',
    docTypeDetail: '通告',
    issuer: '某市疫情防控指挥部',
    docNumber: '〔2022〕5号',
    date: '2022-03-01',
    script: 'simplified',
    regions: [{ name: '长春市', code: '220100', level: 'city', province: '吉林省' }],
    measures: MEASURES,
    text: TEXT,
    removed: [{ text: '相关链接：首页 | 政务公开', reason: 'link-list' }],
    duplicateOf: null,
    similar: [],
    tags: ['入境'],
    warnings: ['encoding guessed as gb18030 with low confidence; re-decode with another encoding if the text looks wrong']
  }
}

let fake: FakeApi
beforeEach(() => {
  fake = new FakeApi()
  fake.records.set('doc000001', record())
  fake.install()
})
afterEach(() => uninstall())

describe('document view', () => {
  it('highlights every measure exactly over its evidence offsets', async () => {
    const { wrapper } = await mountWithApp(DocumentView, { route: '/documents/doc000001', props: { id: 'doc000001' } })
    expect(wrapper.get('[data-testid="doc-title"]').text()).toBe('关于加强入境人员管理的通告')
    const textEl = wrapper.get('[data-testid="doc-text"]')
    expect(textEl.text()).toBe(TEXT)
    const marks = wrapper.findAll('[data-testid="measure-mark"]')
    expect(marks.length).toBeGreaterThanOrEqual(MEASURES.length)
    MEASURES.forEach((m, i) => {
      const mine = marks.filter((mk) => (mk.attributes('data-measures') ?? '').split(' ').includes(String(i)))
      expect(mine.map((mk) => mk.text()).join('')).toBe(m.text)
      expect(mine.map((mk) => mk.text()).join('')).toBe(TEXT.slice(m.start, m.end))
    })
    // Text outside all measures is not marked.
    expect(marks.map((m) => m.text()).join('')).not.toContain('其他事项另行通知')
    wrapper.unmount()
  })

  it('shows metadata, the localised warning, measures and the removed parts on request', async () => {
    const { wrapper } = await mountWithApp(DocumentView, { route: '/documents/doc000001', props: { id: 'doc000001' } })
    const meta = wrapper.get('[data-testid="doc-meta"]').text()
    expect(meta).toContain('长春市（吉林省）')
    expect(meta).toContain('第 2 / 3 篇')
    expect(meta).toContain('gb18030')
    expect(wrapper.get('[data-testid="doc-warnings"]').text()).toContain('置信度较低')
    const items = wrapper.findAll('[data-testid="measure-item"]')
    expect(items).toHaveLength(4)
    expect(items[0].text()).toContain('隔离')
    expect(items[0].text()).toContain('14 天')
    expect(items[3].text()).toContain('解除/放宽')
    // Listed in reading order: the overlapping "other" span starts before the testing one.
    expect(items.map((w) => w.text().includes('三天三检'))).toEqual([false, false, true, false])
    expect(wrapper.find('[data-testid="removed-parts"]').exists()).toBe(false)
    await wrapper.get('[data-testid="toggle-removed"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="removed-parts"]').text()).toContain('链接列表')
    wrapper.unmount()
  })

  it('clicking a measure marks its highlight active', async () => {
    const { wrapper } = await mountWithApp(DocumentView, { route: '/documents/doc000001', props: { id: 'doc000001' } })
    const item = wrapper.findAll('[data-testid="measure-item"]').find((w) => w.text().includes('三天三检'))!
    await item.trigger('click')
    await flushPromises()
    const active = wrapper.findAll('[data-testid="measure-mark"].active')
    expect(active.map((m) => m.text()).join('')).toBe('三天三检')
    wrapper.unmount()
  })

  it('marks a derived title, opens the metadata dialog from the mark, and drops the mark once the title is edited', async () => {
    fake.records.set('doc000001', { ...record(), title: '某区工作汇报：加强组织领导', titleDerived: true })
    const { wrapper } = await mountWithApp(DocumentView, { route: '/documents/doc000001', props: { id: 'doc000001' } })
    const mark = wrapper.get('[data-testid="doc-title-derived"]')
    expect(mark.text()).toBe('自动生成')
    await mark.trigger('click')
    await flushPromises()
    const input = document.querySelector<HTMLInputElement>('[data-testid="meta-title"]')!
    expect(input.value).toBe('某区工作汇报：加强组织领导')
    input.value = '某区疫情防控工作汇报'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid="meta-submit"]')!.click()
    await flushPromises()
    expect(fake.callsOf('documents.update')).toEqual([{ id: 'doc000001', patch: expect.objectContaining({ title: '某区疫情防控工作汇报' }) }])
    expect(wrapper.get('[data-testid="doc-title"]').text()).toBe('某区疫情防控工作汇报')
    expect(wrapper.find('[data-testid="doc-title-derived"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows no mark for a title found in the text', async () => {
    const { wrapper } = await mountWithApp(DocumentView, { route: '/documents/doc000001', props: { id: 'doc000001' } })
    expect(wrapper.find('[data-testid="doc-title-derived"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says so when the document does not exist', async () => {
    const { wrapper } = await mountWithApp(DocumentView, { route: '/documents/missing01', props: { id: 'missing01' } })
    expect(wrapper.text()).toContain('找不到这篇文档')
    expect(fake.callsOf('documents.get')).toEqual([{ id: 'missing01' }])
    wrapper.unmount()
  })
})

describe('segmentText', () => {
  it('covers the text exactly once and clamps bad offsets', () => {
    const segs = segmentText('abcdef', [
      { start: 1, end: 4 },
      { start: 3, end: 99 },
      { start: 5, end: 5 }
    ])
    expect(segs.map((s) => s.text).join('')).toBe('abcdef')
    expect(segs.map((s) => [s.text, s.measures])).toEqual([
      ['a', []],
      ['bc', [0]],
      ['d', [0, 1]],
      ['ef', [1]]
    ])
  })
})
