// A generated corpus of prevention notices in our own wording, in mixed encodings and formats,
// for the benchmark. Deterministic for a given seed so figures are comparable between runs.
import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import * as OpenCC from 'opencc-js'
import { Document, Packer, Paragraph } from 'docx'

const CITIES = ['聊城市', '太原市', '株洲市', '邢台市', '兰州市', '东莞市', '郑州市', '长春市', '菏泽市', '湘潭市', '南宁市', '昆明市', '贵阳市', '合肥市', '福州市', '南昌市', '济南市', '石家庄市', '呼和浩特市', '乌鲁木齐市']
const BODIES = ['新冠肺炎疫情防控指挥部', '应对新型冠状病毒感染肺炎疫情工作领导小组', '卫生健康委员会', '人民政府办公室']
const MEASURES = [
  (n: number) => `所有来返人员须持${24 * (1 + (n % 3))}小时内核酸检测阴性证明`,
  (n: number) => `对中高风险地区来返人员实行${7 + (n % 8)}天集中隔离医学观察`,
  (n: number) => `暂停${10 * (1 + (n % 10))}人以上的聚集性活动`,
  () => '进入商场、超市、农贸市场等公共场所须扫码、测温、佩戴口罩',
  () => '网吧、KTV、棋牌室等密闭场所暂停营业',
  (n: number) => `在全市范围内开展第${1 + (n % 5)}轮全员核酸检测`,
  () => '进口冷链食品从业人员每周开展两次核酸检测',
  () => '中小学校暂停线下教学，改为线上教学',
  (n: number) => `餐饮单位限流${50 + (n % 5) * 5}%，暂停堂食`,
  () => '非必要不离开本市，确需离开的须持48小时内核酸阴性证明'
]
const FILLER = ['请广大市民群众理解支持，积极配合', '各级各部门要切实履行属地责任', '对拒不配合的依法依规追究责任', '请持续关注官方发布的权威信息', '坚持科学精准防控，最大限度减少对群众生活的影响', '社区（村）要做好服务保障工作']

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

export function noticeFor(i: number, targetBytes = 5000): string {
  const r = rng(i * 2654435761)
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]
  const city = pick(CITIES)
  const body = pick(BODIES)
  const lines = [`${city}${body}关于进一步做好疫情防控工作的通告（第${i}号）`, `为进一步做好疫情防控工作，保障人民群众生命安全和身体健康，现将有关事项通告如下：`]
  let n = 1
  while (Buffer.byteLength(lines.join('\n')) < targetBytes - 200) {
    lines.push(`${n}、${pick(MEASURES)(Math.floor(r() * 1000))}。${pick(FILLER)}，${pick(FILLER)}（第${i}-${n}条，编码${Math.floor(r() * 1e9).toString(36)}）。`)
    n++
  }
  const month = 1 + Math.floor(r() * 12)
  lines.push(`${city}${body}`, `2022年${month}月${1 + Math.floor(r() * 28)}日`)
  return lines.join('\n')
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })

/**
 * Writes `count` files; returns their total size in bytes. Formats rotate through the mix below;
 * 'text' keeps to the plain-text kinds (UTF-8, GB18030, Big5, UTF-16 and Markdown).
 */
export async function generateCorpus(dir: string, count: number, targetBytes = 5000, mix: 'mixed' | 'text' = 'mixed'): Promise<number> {
  fs.mkdirSync(dir, { recursive: true })
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const text = noticeFor(i, targetBytes)
    const kind = mix === 'text' ? i % 8 : i % 10
    let file: string
    let data: Buffer
    if (kind <= 3) [file, data] = [`n${i}.txt`, Buffer.from(text, 'utf8')]
    else if (kind === 4) [file, data] = [`n${i}.txt`, iconv.encode(text, 'gb18030')]
    else if (kind === 5) [file, data] = [`n${i}.txt`, iconv.encode(toTraditional(text), 'big5')]
    else if (kind === 6) [file, data] = [`n${i}.txt`, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])]
    else if (kind === 7) [file, data] = [`n${i}.md`, Buffer.from(`# ${text.replace('\n', '\n\n')}`, 'utf8')]
    else if (kind === 8) {
      const [title, ...rest] = text.split('\n')
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav>首页 &gt; 通知公告</nav><article><h1>${title}</h1>${rest.map((l) => `<p>${l}</p>`).join('')}</article><footer>版权所有</footer></body></html>`
      ;[file, data] = [`n${i}.html`, Buffer.from(html, 'utf8')]
    } else {
      const doc = new Document({ sections: [{ children: text.split('\n').map((l) => new Paragraph(l)) }] })
      ;[file, data] = [`n${i}.docx`, await Packer.toBuffer(doc)]
    }
    fs.writeFileSync(path.join(dir, file), data)
    bytes += data.length
  }
  return bytes
}
