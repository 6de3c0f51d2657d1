// Imported HTML is never rendered live: a document whose title, text and fields carry markup (an
// <img onerror>, a <script>, an <iframe>) shows that markup as text, and no element is created from it
// — in the document view, the library list and the chart tooltips. (The export preview shows main's
// layout, in which every text is escaped: test/main/security/export-escape.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import DocumentView from '@/views/DocumentView.vue'
import LibraryView from '@/views/LibraryView.vue'
import { timelineOption } from '@/lib/compare-charts'
import { FakeApi, summary, uninstall } from './fake-api'
import { docRecord } from './doc-fixture'
import { mountWithApp } from './helpers'

const IMG = '<img src=x onerror="window.__pwned=1">'
const SCRIPT = '<script>window.__pwned=1</script>'
const TITLE = `关于${IMG}的通告${SCRIPT}`
const TEXT = `一、所有入境人员实行14天集中隔离。${IMG}二、<iframe src="javascript:alert(1)"></iframe>暂停聚集。${SCRIPT}`
const LIVE = 'img, script, iframe'

let fake: FakeApi
beforeEach(() => {
  fake = new FakeApi()
  ;(window as unknown as { __pwned?: number }).__pwned = undefined
})
afterEach(() => uninstall())

describe('imported markup stays text', () => {
  it('in the document view: title, text, issuer and removed passages', async () => {
    fake.records.set('doc000001', docRecord({ title: TITLE, text: TEXT, issuer: `${IMG}指挥部`, measures: [], removed: [{ text: SCRIPT, reason: 'link-list' }] }))
    fake.install()
    const { wrapper } = await mountWithApp(DocumentView, { route: '/documents/doc000001', props: { id: 'doc000001' } })
    expect(wrapper.get('[data-testid="doc-title"]').text()).toBe(TITLE)
    expect(wrapper.get('[data-testid="doc-text"]').text()).toBe(TEXT)
    expect(wrapper.text()).toContain(`${IMG}指挥部`)
    expect(wrapper.element.querySelectorAll(LIVE)).toHaveLength(0)
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
    wrapper.unmount()
  })

  it('in the library list', async () => {
    fake.total = 1
    fake.handlers['documents.list'] = () => ({ total: 1, rows: [{ ...summary(0), title: TITLE }] })
    fake.install()
    const { wrapper } = await mountWithApp(LibraryView, { route: '/library' })
    expect(wrapper.text()).toContain(TITLE)
    expect(wrapper.element.querySelectorAll(LIVE)).toHaveLength(0)
    wrapper.unmount()
  })

  it('in the timeline tooltip (ECharts shows it as HTML)', () => {
    const series = [{ regionKey: 'r1', category: 'quarantine' as const, steps: [{ date: '2022-03-01', level: 2, lifted: false, documentId: 'd1', measureId: 'm1', title: TITLE }] }]
    const option = timelineOption(series as never, 'quarantine', new Map([['r1', `${IMG}新区`]]), '2022-03-02', '2022-04-01', (k) => k)
    const html = option.tooltip.formatter({ seriesName: option.series[0].name, data: option.series[0].data[0] })
    const box = document.createElement('div')
    box.innerHTML = html
    expect(box.querySelectorAll(LIVE)).toHaveLength(0)
    expect(box.textContent).toContain(`${IMG}新区`)
    expect(box.textContent).toContain(TITLE)
  })
})
