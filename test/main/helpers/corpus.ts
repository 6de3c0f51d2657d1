// Generated notices (our own wording) for tests that need many distinct documents.
import fs from 'node:fs'
import path from 'node:path'

const CITIES = ['聊城市', '太原市', '株洲市', '邢台市', '兰州市', '东莞市', '郑州市', '长春市', '菏泽市', '湘潭市']
const MEASURES = [
  '所有来返人员须持48小时内核酸检测阴性证明',
  '对中高风险地区来返人员实行14天集中隔离医学观察',
  '暂停50人以上的聚集性活动',
  '进入公共场所须扫码、测温、佩戴口罩',
  '网吧、KTV等密闭场所暂停营业',
  '全市开展第三轮全员核酸检测'
]

/** One notice whose text is unique for (batch, n). */
export function noticeText(batch: number, n: number): string {
  const city = CITIES[(batch * 7 + n) % CITIES.length]
  const lines = [
    `${city}新冠肺炎疫情防控指挥部关于加强疫情防控工作的通告（第${batch * 1000 + n}号）`,
    `为切实做好疫情防控工作，根据有关规定，现将第${batch}批第${n}项有关事项通告如下：`
  ]
  for (let i = 0; i < 4; i++) lines.push(`${i + 1}、${MEASURES[(n + i * batch + i) % MEASURES.length]}，请广大市民予以配合（编号${batch}-${n}-${i}）。`)
  lines.push(`${city}新冠肺炎疫情防控指挥部`, `2022年${(n % 12) + 1}月${(n % 27) + 1}日`)
  return lines.join('\n')
}

export function writeCorpus(dir: string, batch: number, count: number): string[] {
  fs.mkdirSync(dir, { recursive: true })
  const files: string[] = []
  for (let n = 0; n < count; n++) {
    const f = path.join(dir, `notice-${batch}-${String(n).padStart(4, '0')}.txt`)
    fs.writeFileSync(f, noticeText(batch, n))
    files.push(f)
  }
  return files
}
