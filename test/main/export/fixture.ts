// A small archive of notices written for these tests: two cities, dated, with measures whose
// evidence and titles carry commas, quotes and line breaks (what CSV quoting must survive).
import { randomUUID } from 'node:crypto'
import { Archive } from '../../../src-main/node/archive/archive'
import { runImport } from '../../../src-main/node/services/import-job'
import { rawInputFromText } from '../../../src-main/node/pipeline/pipeline'
import { updateFields } from '../../../src-main/node/archive/corrections'
import { changeTags } from '../../../src-main/node/archive/documents-write'
import { tmpDir } from '../helpers/tmp'

export const NOTICE_A = [
  '聊城市新冠肺炎疫情防控指挥部通告',
  '聊疫指发〔2022〕31号',
  '一、所有入聊返聊人员须持48小时内核酸检测阴性证明。',
  '二、入境人员实行14天集中隔离医学观察。',
  '三、暂停50人以上聚集性活动。',
  '聊城市新冠肺炎疫情防控指挥部',
  '2022年11月10日'
].join('\n')

export const NOTICE_B = [
  '太原市新冠肺炎疫情防控指挥部通告',
  '并疫指发〔2022〕12号',
  '一、来并返并人员须持72小时内核酸检测阴性证明。',
  '二、入境人员实行7天集中隔离加3天居家健康监测。',
  '太原市新冠肺炎疫情防控指挥部',
  '2022年11月12日'
].join('\n')

export interface Fixture {
  archive: Archive
  ids: string[]
}

export async function openFixture(): Promise<Fixture> {
  const archive = await Archive.open(tmpDir('pa-exp-fixture-'))
  const ids: string[] = []
  await runImport(archive, randomUUID(), { kind: 'inputs', inputs: [rawInputFromText(NOTICE_A, '聊城.txt'), rawInputFromText(NOTICE_B, '太原.txt')] }, [], {
    item: (e) => {
      if (e.id) ids.push(e.id)
    }
  })
  if (ids.length !== 2) throw new Error(`fixture import stored ${ids.length} documents`)
  // A title with an ASCII comma and quotes, and a tag with a comma: CSV must quote them.
  updateFields(archive, ids[0], { title: '聊城市关于"入聊返聊",入境人员管理的通告' })
  changeTags(archive, [ids[0]], ['重点,复核'], [])
  return { archive, ids }
}
