import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { ApiService } from '../../../src-main/node/services/api-service'
import { EventBus } from '../../../src-main/node/services/event-bus'
import type { CompareResult, CompareSet, MapValue, RegionNode, TimelineSeries } from '../../../src-main/common/compare'
import { undoLast } from '../../../src-main/node/archive/corrections'
import { addDoc } from './helpers'
import { tmpDir } from '../helpers/tmp'

describe('compare operations through the API service', () => {
  let archive: Archive
  let api: ApiService
  afterEach(async () => {
    await api?.shutdown()
    await archive?.close()
  })

  async function open(dir: string): Promise<void> {
    archive = await Archive.open(dir)
    api = new ApiService(archive, new EventBus(), { mode: 'serve', version: 'test' })
  }

  async function call<T>(op: string, args: unknown): Promise<T> {
    const r = await api.dispatch(op, args)
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error)}`)
    return r.result as T
  }

  it('runs the matrix, the region tree, the timeline and the map', async () => {
    await open(path.join(tmpDir(), 'a'))
    addDoc(archive, { regions: ['371500'], date: '2022-01-10', measures: [{ category: 'testing', level: 4, params: { hours: 48 } }] })
    addDoc(archive, { regions: ['371500'], date: '2022-06-10', measures: [{ category: 'testing', level: 3 }] })
    addDoc(archive, { regions: ['140100', '140000'], date: '2022-02-01', measures: [{ category: 'testing', level: 4, params: { hours: 72 } }] })
    const r = await call<CompareResult>('compare.run', { regions: ['371500', '140100'], asOf: '2022-03-01' })
    expect(r.rows[0]).toMatchObject({ category: 'testing', differs: true, strictest: ['371500'], loosest: ['140100'], difference: '聊城市要求48小时核酸阴性证明，太原市要求72小时' })
    const tree = await call<RegionNode[]>('compare.regions', {})
    expect(tree.map((n) => [n.name, n.documents])).toEqual([['山东省', 2], ['山西省', 1]])
    expect(tree[0].children[0]).toMatchObject({ name: '聊城市', shortName: '聊城', initials: 'lc', documents: 2, level: 'city' })
    const series = await call<TimelineSeries[]>('compare.timeline', { regions: ['371500'], categories: ['testing'] })
    expect(series).toHaveLength(1)
    expect(series[0].steps.map((s) => [s.date, s.level])).toEqual([['2022-01-10', 4], ['2022-06-10', 3]])
    const map = await call<MapValue[]>('compare.map', { metric: 'testing', level: 'province', asOf: null })
    // Provinces hold no measure of their own here except 山西省 (named by the 太原 document).
    expect(map.find((v) => v.code === '140000')?.value).toBe(4)
    expect(map.find((v) => v.code === '370000')?.value).toBeNull()
    const cities = await call<MapValue[]>('compare.map', { metric: 'index', level: 'city', asOf: null })
    expect(cities.find((v) => v.code === '371500')).toMatchObject({ name: '聊城市' })
    expect(cities.some((v) => v.code.startsWith('44'))).toBe(false)
    const bad = await api.dispatch('compare.run', { regions: ['000001'], asOf: null })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatchObject({ key: 'errors.compare.unknownRegion', params: { region: '000001' } })
  })

  it('saves, renames and deletes comparison sets; one current set; they survive a crash; deletion can be undone', async () => {
    const dir = path.join(tmpDir(), 'a')
    await open(dir)
    const a = await call<CompareSet>('compare.sets.save', { name: '鲁晋对比', regions: ['371500', '140100'], asOf: '2022-03-01', current: true })
    const b = await call<CompareSet>('compare.sets.save', { name: '第二组', regions: ['220000'], current: true })
    let sets = await call<CompareSet[]>('compare.sets.list', {})
    expect(sets.map((s) => [s.name, s.current])).toEqual([['第二组', true], ['鲁晋对比', false]])
    await call<CompareSet>('compare.sets.save', { id: a.id, name: '山东山西', regions: ['371500', '140100'], asOf: null, current: false })
    const missing = await api.dispatch('compare.sets.save', { id: 'nope', name: 'x', regions: [] })
    expect(!missing.ok && missing.error.key).toBe('errors.compare.setNotFound')
    // A copy of the folder taken now, without closing, is what a killed process leaves behind.
    const crashed = path.join(tmpDir(), 'crashed')
    fs.cpSync(dir, crashed, { recursive: true })
    fs.rmSync(path.join(crashed, 'archive.lock'), { force: true })
    await api.shutdown()
    await archive.close()
    await open(crashed)
    sets = await call<CompareSet[]>('compare.sets.list', {})
    expect(sets.map((s) => [s.id, s.name, s.current, s.asOf])).toEqual([
      [b.id, '第二组', true, null],
      [a.id, '山东山西', false, null]
    ])
    expect(await call('compare.sets.delete', { id: b.id })).toEqual({ count: 1 })
    expect(await call('compare.sets.delete', { id: b.id })).toEqual({ count: 0 })
    expect((await call<CompareSet[]>('compare.sets.list', {})).map((s) => s.id)).toEqual([a.id])
    expect(undoLast(archive)).toMatchObject({ action: 'delete-compare-set' })
    expect((await call<CompareSet[]>('compare.sets.list', {})).map((s) => s.id).sort()).toEqual([a.id, b.id].sort())
  })
})
