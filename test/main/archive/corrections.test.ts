import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { storeSource } from '../../../src-main/node/archive/documents-write'
import { getRecord, listSummaries } from '../../../src-main/node/archive/documents-read'
import { addMeasure, deleteMeasure, setRegions, undoLast, updateFields, updateMeasure, CorrectionError } from '../../../src-main/node/archive/corrections'
import { reprocessArchive } from '../../../src-main/node/services/reprocess'
import { setTrashed, changeTags } from '../../../src-main/node/archive/documents-write'
import { processInput, rawInputFromText } from '../../../src-main/node/pipeline/pipeline'
import { tmpDir } from '../helpers/tmp'

const NOTICE = [
  '株洲市新冠肺炎疫情防控指挥部通告',
  '为做好疫情防控工作，现将有关事项通告如下：',
  '一、所有来株返株人员须持48小时内核酸检测阴性证明。',
  '二、对中高风险地区来返人员实行14天集中隔离医学观察。',
  '三、暂停50人以上的聚集性活动，全市网吧、KTV暂停营业。',
  '株洲市新冠肺炎疫情防控指挥部',
  '2022年3月19日'
].join('\n')

async function archiveWithNotice(): Promise<{ archive: Archive; id: string }> {
  const archive = await Archive.open(path.join(tmpDir(), 'a'))
  const input = rawInputFromText(NOTICE, '株洲通告.txt')
  const docs = await processInput(input)
  const [o] = storeSource(archive, { path: input.path, bytes: input.bytes, format: input.format, encoding: 'utf-8' }, docs)
  return { archive, id: o.id }
}

describe('corrections', () => {
  it('marks corrected fields manual, audits them and undoes them', async () => {
    const { archive, id } = await archiveWithNotice()
    const original = getRecord(archive, id)!
    updateFields(archive, id, { title: '更正后的标题', date: '2022-03-20' })
    expect(getRecord(archive, id)).toMatchObject({ title: '更正后的标题', date: '2022-03-20' })
    expect(() => updateFields(archive, id, { title: '  ' })).toThrow(CorrectionError)
    expect(undoLast(archive, id)).toMatchObject({ action: 'correct-fields', documentId: id })
    expect(getRecord(archive, id)).toMatchObject({ title: original.title, date: original.date })
    expect(undoLast(archive, id)).toBeNull()
    await archive.close()
  })

  it('checks that a measure’s evidence lies inside the text and stores exactly that slice', async () => {
    const { archive, id } = await archiveWithNotice()
    const text = getRecord(archive, id)!.text
    const start = text.indexOf('14天集中隔离')
    const mid = addMeasure(archive, id, { category: 'quarantine', level: 4, params: { days: 14 }, target: '来返人员', lifted: false, start, end: start + 7 })
    const m = getRecord(archive, id)!.measures.find((x) => x.id === mid)!
    expect(m).toMatchObject({ text: '14天集中隔离', manual: true, params: { days: 14 } })
    expect(() => addMeasure(archive, id, { category: 'masks', level: 1, params: {}, target: null, lifted: false, start: 5, end: text.length + 5 })).toThrow(/not inside/)
    updateMeasure(archive, mid, { level: 3 })
    expect(getRecord(archive, id)!.measures.find((x) => x.id === mid)!.level).toBe(3)
    undoLast(archive)
    expect(getRecord(archive, id)!.measures.find((x) => x.id === mid)!.level).toBe(4)
    await archive.close()
  })

  it('undoes a bulk trash and a bulk tag change as one action each', async () => {
    const { archive, id } = await archiveWithNotice()
    changeTags(archive, [id], ['湖南', '通告'], [])
    expect(getRecord(archive, id)!.tags).toEqual(['湖南', '通告'])
    setTrashed(archive, [id], true)
    expect(listSummaries(archive, {}).total).toBe(0)
    expect(undoLast(archive)).toMatchObject({ action: 'trash' })
    expect(listSummaries(archive, {}).total).toBe(1)
    expect(undoLast(archive)).toMatchObject({ action: 'tag' })
    expect(getRecord(archive, id)!.tags).toEqual([])
    await archive.close()
  })

  it('re-processing keeps every correction and does not bring back deleted measures', async () => {
    const { archive, id } = await archiveWithNotice()
    const before = getRecord(archive, id)!
    expect(before.measures.length).toBeGreaterThan(1)
    const removed = before.measures[0]
    const edited = before.measures[1]
    deleteMeasure(archive, removed.id!)
    updateMeasure(archive, edited.id!, { level: 1, target: '手工目标' })
    updateFields(archive, id, { issuer: '手工更正的发文机关' })
    setRegions(archive, id, [{ code: '430200', name: '株洲市', level: 'city', province: '湖南省' }, { code: '430000', name: '湖南省', level: 'province', province: '湖南省' }])
    // Pretend the stored extraction came from an older extractor, and that it got the title wrong.
    archive.write((tx) => tx.run("UPDATE documents SET extractor_version = 0, title = 'stale title' WHERE id = ?", [id]))

    const report = await reprocessArchive(archive)
    expect(report).toMatchObject({ sources: 1, done: 1, updated: 1, added: 0, removed: 0, errors: [], finished: true })
    const after = getRecord(archive, id)!
    expect(after.title).toBe(before.title)
    expect(after.issuer).toBe('手工更正的发文机关')
    expect(after.regions.map((r) => r.name).sort()).toEqual(['株洲市', '湖南省'])
    const overlapsRemoved = after.measures.filter((m) => m.category === removed.category && m.start < removed.end && removed.start < m.end)
    expect(overlapsRemoved).toEqual([])
    expect(after.measures.find((m) => m.id === edited.id)).toMatchObject({ level: 1, target: '手工目标', manual: true })
    for (const m of after.measures) expect(after.text.slice(m.start, m.end)).toBe(m.text)
    // Nothing left to do at the current version.
    expect((await reprocessArchive(archive)).sources).toBe(0)
    await archive.close()
  })

  it('stores a derived part title with its mark; editing the title clears the mark, undo brings it back, reprocess keeps the edit', async () => {
    const first = [
      '青山县关于暂停聚集性活动的通告',
      '为做好疫情防控工作，现将有关事项通告如下：',
      '一、暂停举办庙会、展会等聚集性活动。',
      '二、餐饮单位暂停堂食。',
      '特此通告。',
      '青山县疫情防控指挥部',
      '2022年4月2日'
    ].join('\n')
    const second = [
      '近期周边地区疫情反弹，为全力做好农村地区疫情防控工作，保障群众生命安全，现就有关事宜通告如下：',
      '一、各村设立值守点，外来车辆一律登记。',
      '二、返乡人员须提前向村委会报备，并持48小时内核酸检测阴性证明。',
      '特此通告。',
      '青山县疫情防控指挥部',
      '2022年4月9日'
    ].join('\n')
    const text = `${first}\n${second}`
    const archive = await Archive.open(path.join(tmpDir(), 'a'))
    const input = rawInputFromText(text, '青山通告汇编.txt')
    const docs = await processInput(input)
    expect(docs).toHaveLength(2)
    const outcomes = storeSource(archive, { path: input.path, bytes: input.bytes, format: input.format, encoding: 'utf-8' }, docs)
    const [a, b] = outcomes.map((o) => getRecord(archive, o.id)!)
    expect(a).toMatchObject({ title: '青山县关于暂停聚集性活动的通告', titleDerived: false })
    expect(b.titleDerived).toBe(true)
    expect(b.title).toContain('关于做好农村地区疫情防控工作的通告')
    expect(listSummaries(archive, {}).rows.find((r) => r.id === b.id)).toMatchObject({ titleDerived: true })

    updateFields(archive, b.id!, { title: '青山县关于加强农村疫情防控的通告' })
    expect(getRecord(archive, b.id!)).toMatchObject({ title: '青山县关于加强农村疫情防控的通告', titleDerived: false })
    undoLast(archive, b.id!)
    expect(getRecord(archive, b.id!)).toMatchObject({ title: b.title, titleDerived: true })
    updateFields(archive, b.id!, { title: '手工标题' })
    // Another field's correction leaves the mark of an untouched derived title alone.
    updateFields(archive, a.id!, { issuer: '青山县指挥部' })
    expect(getRecord(archive, a.id!)!.titleDerived).toBe(false)

    archive.write((tx) => tx.run('UPDATE documents SET extractor_version = 0'))
    await reprocessArchive(archive)
    expect(getRecord(archive, b.id!)).toMatchObject({ title: '手工标题', titleDerived: false })
    await archive.close()
  })
})
