// ECharts options of the Compare view, built as plain data from the API's answers so they can be
// tested without a canvas: the step lines of one category over time, and the region map.
import type { MapValue, TimelineSeries } from '@common/compare'
import { MAX_LEVEL, type MeasureCategory } from '@common/taxonomy'
import { LEVEL_COLORS } from '@/lib/levels'

type T = (key: string, values?: Record<string, unknown>) => string

/** A data point of a step line; points with a document open it when clicked. */
export interface StepPoint {
  value: [string, number]
  documentId?: string
  measureId?: string
  title?: string
}

/** One step line per region for a category, each held to `end` so the latest level stays visible. */
export function timelineOption(series: readonly TimelineSeries[], category: MeasureCategory, names: ReadonlyMap<string, string>, asOf: string, end: string, t: T) {
  const lines = series
    .filter((s) => s.category === category)
    .map((s) => {
      const points: StepPoint[] = s.steps.map((st) => ({ value: [st.date, st.lifted ? 0 : st.level], documentId: st.documentId, measureId: st.measureId, title: st.title }))
      const last = points[points.length - 1]
      if (last && last.value[0] < end) points.push({ value: [end, last.value[1]] })
      return {
        type: 'line',
        name: names.get(s.regionKey) ?? s.regionKey,
        step: 'end',
        symbolSize: 9,
        data: points,
        emphasis: { focus: 'series' }
      }
    })
  if (lines.length) {
    Object.assign(lines[0], {
      markLine: { symbol: 'none', silent: true, label: { formatter: asOf, position: 'insideEndTop' }, lineStyle: { color: '#1f5fae', type: 'dashed' }, data: [{ xAxis: asOf }] }
    })
  }
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 40, bottom: 36 },
    legend: { top: 4, type: 'scroll' },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; data: StepPoint }) =>
        // ECharts shows tooltips as HTML: region names (zones come from document text) and titles are escaped.
        p.data.title
          ? `${escapeHtml(p.seriesName)}<br/>${p.data.value[0]} · ${t('compare.level', { n: p.data.value[1] })}<br/>${escapeHtml(p.data.title)}`
          : `${escapeHtml(p.seriesName)} · ${t('compare.level', { n: p.data.value[1] })}`
    },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', min: 0, max: MAX_LEVEL[category], interval: 1, name: t('compare.legend') },
    series: lines
  }
}

/** Colours provinces by a category's level (pieces 0…max) or by the composite index (0–100). */
export function mapOption(values: readonly MapValue[], featureOf: (v: MapValue) => string | null, mapName: string, metric: MeasureCategory | 'index', t: T) {
  const data = values.flatMap((v) => {
    const name = featureOf(v)
    return name && v.value !== null ? [{ name, value: v.value, code: v.code }] : []
  })
  const visualMap =
    metric === 'index'
      ? { type: 'continuous', min: 0, max: 100, calculable: false, inRange: { color: [LEVEL_COLORS[1], LEVEL_COLORS[2], LEVEL_COLORS[4]] }, left: 8, bottom: 8, text: ['100', '0'] }
      : {
          type: 'piecewise',
          left: 8,
          bottom: 8,
          pieces: Array.from({ length: MAX_LEVEL[metric] + 1 }, (_, level) => ({ value: level, label: t('compare.level', { n: level }), color: LEVEL_COLORS[Math.min(level, LEVEL_COLORS.length - 1)] }))
        }
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) => `${escapeHtml(p.name)}：${typeof p.value === 'number' && !Number.isNaN(p.value) ? p.value : t('compare.mapNoData')}`
    },
    visualMap,
    series: [
      {
        type: 'map',
        map: mapName,
        roam: true,
        selectedMode: false,
        itemStyle: { areaColor: '#ffffff', borderColor: '#94a3b8' },
        emphasis: { itemStyle: { areaColor: '#bfdbfe' }, label: { show: true } },
        data
      }
    ]
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Whole days between two YYYY-MM-DD dates (UTC, so no daylight-saving hour shifts the count). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Today in the user's time zone, as YYYY-MM-DD. */
export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
