import { afterEach, describe, expect, it } from 'vitest'
import type { Archive } from '../../../src-main/node/archive/archive'
import { regionTree, resolveRegionName, flattenTree } from '../../../src-main/node/compare'
import { initialsOf, shortNameOf } from '../../../src-main/node/compare/regions'
import { setTrashed } from '../../../src-main/node/archive/documents-write'
import { addDoc, openArchive } from './helpers'

describe('region names for the picker', () => {
  it('short names drop the administrative suffix; initials are the pinyin initials of the short name', () => {
    expect(shortNameOf('聊城市')).toBe('聊城')
    expect(shortNameOf('吉林省')).toBe('吉林')
    expect(shortNameOf('延边朝鲜族自治州')).toBe('延边')
    expect(shortNameOf('新疆维吾尔自治区')).toBe('新疆')
    expect(shortNameOf('东昌府区')).toBe('东昌府')
    expect(shortNameOf('县')).toBe('县')
    expect(initialsOf('聊城')).toBe('lc')
    expect(initialsOf('重庆')).toBe('cq')
    expect(initialsOf('长春')).toBe('cc')
  })
})

describe('the region tree and name resolution', () => {
  let archive: Archive
  afterEach(async () => archive?.close())

  it('builds province → city → district with document counts, leaving out trashed documents', async () => {
    archive = await openArchive()
    addDoc(archive, { regions: ['371500', '371502'], date: '2022-01-01', measures: [{ category: 'testing', level: 1 }] })
    addDoc(archive, { regions: ['371502'], date: '2022-01-02', measures: [{ category: 'testing', level: 1 }] })
    addDoc(archive, { regions: ['220000'], date: '2022-01-03', measures: [{ category: 'testing', level: 1 }] })
    const gone = addDoc(archive, { regions: ['140100'], date: '2022-01-03', measures: [{ category: 'testing', level: 1 }] })
    setTrashed(archive, [gone], true)
    const tree = regionTree(archive)
    expect(tree.map((n) => [n.name, n.documents, n.level])).toEqual([['山东省', 2, 'province'], ['吉林省', 1, 'province']])
    const city = tree[0].children[0]
    expect(city).toMatchObject({ key: '371500', name: '聊城市', shortName: '聊城', initials: 'lc', documents: 2, province: '山东省' })
    expect(city.children.map((n) => [n.name, n.documents, n.level])).toEqual([['东昌府区', 2, 'district']])
    expect(flattenTree(tree)).toHaveLength(4)
  })

  it('resolves full names, short names, pinyin initials and codes; reports ambiguity and unknown names', async () => {
    archive = await openArchive()
    addDoc(archive, { regions: ['371500'], date: '2022-01-01', measures: [{ category: 'testing', level: 1 }] })
    addDoc(archive, { regions: ['220000'], date: '2022-01-01', measures: [{ category: 'testing', level: 1 }] })
    addDoc(archive, { regions: ['220200'], date: '2022-01-01', measures: [{ category: 'testing', level: 1 }] })
    addDoc(archive, { regions: ['140100'], date: '2022-01-01', measures: [{ category: 'testing', level: 1 }] })
    expect(resolveRegionName(archive, '聊城市')).toEqual([{ key: '371500', name: '聊城市' }])
    expect(resolveRegionName(archive, '聊城')).toEqual([{ key: '371500', name: '聊城市' }])
    expect(resolveRegionName(archive, 'LC')).toEqual([{ key: '371500', name: '聊城市' }])
    expect(resolveRegionName(archive, 'ty')).toEqual([{ key: '140100', name: '太原市' }])
    expect(resolveRegionName(archive, '140100')).toEqual([{ key: '140100', name: '太原市' }])
    expect(resolveRegionName(archive, '吉林省')).toEqual([{ key: '220000', name: '吉林省' }])
    expect(resolveRegionName(archive, '吉林').map((r) => r.name).sort()).toEqual(['吉林市', '吉林省'])
    // Not in the archive, but a real place: from the gazetteer (it may inherit its province's measures).
    expect(resolveRegionName(archive, '菏泽市')).toEqual([{ key: '371700', name: '菏泽市' }])
    expect(resolveRegionName(archive, '不存在的地方')).toEqual([])
    expect(resolveRegionName(archive, '  ')).toEqual([])
  })
})
