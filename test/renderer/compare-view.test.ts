import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import CompareView from '@/views/CompareView.vue'
import DocumentView from '@/views/DocumentView.vue'
import { FakeApi, uninstall } from './fake-api'
import { docRecord } from './doc-fixture'
import { flushPromises, mountWithApp } from './helpers'

let fake: FakeApi
beforeEach(() => {
  fake = new FakeApi()
  fake.install()
})
afterEach(() => uninstall())

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

function withCurrent(regions: string[], asOf: string | null): void {
  fake.compare.sets = [{ id: 'cur1', name: '当前对比', regions, asOf, current: true, updatedAt: '2026-01-01T00:00:00Z' }]
}

describe('compare view', () => {
  it('invites the user to pick regions when nothing is chosen', async () => {
    const { wrapper } = await mountWithApp(CompareView, { route: '/compare' })
    await settle()
    expect(wrapper.get('[data-testid="compare-empty"]').text()).toContain('还没有选择地区')
    expect(wrapper.get('[data-testid="compare-export"]').attributes('disabled')).toBeDefined()
    expect(fake.callsOf('compare.regions')).toHaveLength(1)
    wrapper.unmount()
  })

  it('restores the current set and shows the matrix with index, marks, sources and difference', async () => {
    withCurrent(['371500', '140100'], '2022-04-01')
    const { wrapper } = await mountWithApp(CompareView, { route: '/compare' })
    await settle()
    const heads = wrapper.findAll('[data-testid="region-head"]')
    expect(heads.map((h) => h.find('.region-name').text())).toEqual(['聊城市', '太原市'])
    expect(heads[0].get('[data-testid="region-index"]').text()).toBe('100')
    expect(heads[0].text()).toContain('隔离')
    const testing = wrapper.get('[data-testid="matrix-row"][data-category="testing"]')
    expect(testing.find('th').text()).toContain('核酸检测')
    expect(testing.get('[data-testid="row-difference"]').text()).toBe('聊城市要求更严，太原市较宽松')
    const [lc, ty] = testing.findAll('[data-testid="matrix-cell"]')
    expect(lc.text()).toContain('3 级')
    expect(lc.text()).toContain('全员核酸检测')
    expect(lc.text()).toContain('48 小时')
    expect(lc.text()).toContain('返聊人员')
    expect(lc.text()).toContain('聊城市关于返聊人员的通告')
    expect(lc.text()).toContain('〔2022〕1号 · 2022-03-01')
    expect(lc.text()).toContain('1 篇文件')
    expect(lc.find('[data-testid="mark-strictest"]').exists()).toBe(true)
    expect(ty.find('[data-testid="mark-loosest"]').exists()).toBe(true)
    expect(ty.find('[data-testid="mark-strictest"]').exists()).toBe(false)
    // Level 3 and level 2 get different colours.
    expect(lc.attributes('style')).not.toBe(ty.attributes('style'))
    expect(wrapper.find('[data-testid="level-legend"]').text()).toContain('4 级（最严）')
    wrapper.unmount()
  })

  it('hides agreeing rows with "differences only"', async () => {
    withCurrent(['371500', '140100'], '2022-04-01')
    const { wrapper } = await mountWithApp(CompareView, { route: '/compare' })
    await settle()
    const rows = () => wrapper.findAll('[data-testid="matrix-row"]').map((r) => r.attributes('data-category'))
    expect(rows()).toContain('quarantine')
    await wrapper.get('[data-testid="differences-only"]').trigger('click')
    await settle()
    expect(rows()).not.toContain('quarantine')
    expect(rows()).toContain('testing')
    wrapper.unmount()
  })

  it('marks inherited cells with the parent and lists undated measures apart', async () => {
    withCurrent(['220100', '220000'], null)
    const { wrapper } = await mountWithApp(CompareView, { route: '/compare' })
    await settle()
    const cells = wrapper.get('[data-testid="matrix-row"][data-category="gatherings"]').findAll('[data-testid="matrix-cell"]')
    expect(cells[0].get('[data-testid="cell-inherited"]').text()).toBe('沿用吉林省')
    expect(cells[1].find('[data-testid="cell-inherited"]').exists()).toBe(false)
    const undated = wrapper.get('[data-testid="undated"]')
    expect(undated.text()).toContain('日期不详')
    expect(undated.text()).toContain('吉林省防控工作汇报')
    // The undated document's measure is not a cell of the matrix.
    expect(wrapper.get('[data-testid="compare-matrix"] table').text()).not.toContain('吉林省防控工作汇报')
    wrapper.unmount()
  })

  it('marks a cell taken from another place\'s document', async () => {
    withCurrent(['371500', '140100'], '2022-04-01')
    fake.handlers['compare.run'] = ((args: { regions: string[]; asOf: string | null }) => {
      const r = fake.compare.run(args.regions, args.asOf)
      return { ...r, cells: r.cells.map((c) => (c.regionKey === '140100' && c.category === 'testing' ? { ...c, scope: 'foreign' } : c)) }
    }) as never
    const { wrapper } = await mountWithApp(CompareView, { route: '/compare' })
    await settle()
    const [lc, ty] = wrapper.get('[data-testid="matrix-row"][data-category="testing"]').findAll('[data-testid="matrix-cell"]')
    expect(ty.get('[data-testid="cell-foreign"]').text()).toBe('引自外地文件')
    expect(lc.find('[data-testid="cell-foreign"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('opens the source document at the measure when a cell is clicked', async () => {
    withCurrent(['371500', '140100'], '2022-04-01')
    const { wrapper, router } = await mountWithApp(CompareView, { route: '/compare' })
    await settle()
    await wrapper.get('[data-testid="matrix-row"][data-category="testing"] [data-testid="cell-open"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.name).toBe('document')
    expect(router.currentRoute.value.params.id).toBe('doclc0001')
    expect(router.currentRoute.value.query.measure).toBe('doclc0001-testing')
    wrapper.unmount()
  })

  it('sends the comparison to the export view', async () => {
    withCurrent(['371500', '140100'], '2022-04-01')
    const { wrapper, router } = await mountWithApp(CompareView, { route: '/compare' })
    await settle()
    await wrapper.get('[data-testid="compare-export"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/export')
    expect(router.currentRoute.value.query).toEqual({ kind: 'compare', regions: '371500,140100', asOf: '2022-04-01' })
    wrapper.unmount()
  })

  it('shows a failed comparison with a retry', async () => {
    withCurrent(['371500', '140100'], null)
    let fail = true
    fake.handlers['compare.run'] = ((args: { regions: string[]; asOf: string | null }) => {
      if (fail) throw new Error('the archive is busy')
      return fake.compare.run(args.regions, args.asOf)
    }) as never
    const { wrapper } = await mountWithApp(CompareView, { route: '/compare' })
    await settle()
    const alert = wrapper.get('[data-testid="compare-error"]')
    expect(alert.text()).toContain('the archive is busy')
    fail = false
    await alert.get('button').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="compare-error"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="region-head"]')).toHaveLength(2)
    wrapper.unmount()
  })

  it('speaks English when asked', async () => {
    withCurrent(['371500', '140100'], '2022-04-01')
    const { wrapper } = await mountWithApp(CompareView, { route: '/compare', locale: 'en' })
    await settle()
    expect(wrapper.text()).toContain('Differences only')
    expect(wrapper.text()).toContain('Composite index')
    wrapper.unmount()
  })
})

describe('document opened from a comparison', () => {
  it('highlights and scrolls to the measure named in the link', async () => {
    fake.records.set('doc000001', docRecord())
    const { wrapper } = await mountWithApp(DocumentView, { route: '/documents/doc000001?measure=mt01', props: { id: 'doc000001' } })
    await settle()
    const active = wrapper.findAll('[data-testid="measure-mark"].active')
    expect(active.map((m) => m.text()).join('')).toBe('三天三检')
    wrapper.unmount()
  })

  it('finds the measure by its evidence span when no id is given', async () => {
    const rec = docRecord()
    fake.records.set('doc000001', rec)
    const m = rec.measures[0]
    const { wrapper } = await mountWithApp(DocumentView, { route: `/documents/doc000001?start=${m.start}&end=${m.end}`, props: { id: 'doc000001' } })
    await settle()
    expect(wrapper.findAll('[data-testid="measure-mark"].active').map((x) => x.text()).join('')).toBe(m.text)
    wrapper.unmount()
  })
})

describe('compare map', () => {
  it('lists city values and adds a clicked region to the comparison', async () => {
    const { default: CompareMap } = await import('@/components/compare/CompareMap.vue')
    const { useCompareStore } = await import('@/stores/compare')
    const { wrapper, pinia } = await mountWithApp(CompareMap, { route: '/compare' })
    const store = useCompareStore(pinia)
    await store.loadRegions()
    store.mapLevel = 'city'
    await settle()
    expect(fake.callsOf('compare.map').at(-1)).toMatchObject({ level: 'city', metric: 'index' })
    const chips = wrapper.findAll('[data-testid="map-city"]')
    // Highest value first; regions without one say so.
    expect(chips[0].text()).toBe('山东省 · 3')
    expect(chips[1].text()).toContain('无数据')
    await chips[0].trigger('click')
    await settle()
    expect(store.regions).toEqual(['370000'])
    // Clicking it again does not add it twice.
    await chips[0].trigger('click')
    expect(store.regions).toEqual(['370000'])
    wrapper.unmount()
  })
})
