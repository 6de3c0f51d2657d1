// One-character abbreviations of provinces and cities, as used in fixed movement phrases
// (来莞, 离邢, 返兰, 非必要不离郑, 来(返)昆人员) and in document-number prefixes (株疫防指告 → 株洲).
// Each maps to one or more codes; an abbreviation with several, or one that is also an everyday
// character, only counts when the document names one of its places elsewhere (`needsContext`).

export interface Abbrev {
  codes: string[]
  needsContext: boolean
}

const SAFE: Record<string, string> = {
  京: '110000', 津: '120000', 沪: '310000', 渝: '500000', 冀: '130000', 晋: '140000', 辽: '210000', 黑: '230000',
  浙: '330000', 皖: '340000', 闽: '350000', 赣: '360000', 鲁: '370000', 豫: '410000', 鄂: '420000', 粤: '440000',
  琼: '460000', 黔: '520000', 滇: '530000', 陕: '610000', 陇: '620000', 莞: '441900', 穗: '440100', 邢: '130500',
  郑: '410100', 兰: '620100', 昆: '530100', 杭: '330100', 甬: '330200', 榕: '350100', 蓉: '510100', 邕: '450100',
  汴: '410200', 聊: '371500', 喀: '653100', 株: '430200', 苏: '320500', 邯: '130400', 沧: '130900', 锡: '320200',
  筑: '520100', 厦: '350200', 漳: '350600', 莆: '350300', 鄞: '330200', 蚌: '340300', 芜: '340200', 赤: '150400', 洛: '410300', 焦: '410800', 濮: '410900', 漯: '411100', 驻: '411700',
  温: '330300', 绍: '330600', 衢: '330800', 盐: '320900', 徐: '320300'
}

// Ambiguous or everyday characters: candidates listed, context decides.
const CONTEXT: Record<string, string[]> = {
  吉: ['220000', '220200'], 湘: ['430000', '430300'], 桂: ['450000', '450300'], 川: ['510000'], 蜀: ['510000'],
  藏: ['540000'], 青: ['630000', '370200'], 宁: ['320100', '330200', '640000'], 新: ['650000'], 港: ['810000'],
  澳: ['820000'], 台: ['710000', '331000'], 深: ['440300'], 长: ['220100', '430100'], 昌: ['360100'], 汉: ['420100'],
  石: ['130100'], 济: ['370100'], 连: ['210200'], 沈: ['210100'], 常: ['320400'], 扬: ['321000'], 嘉: ['330400'],
  湖: ['330500'], 金: ['330700'], 合: ['340100'], 庐: ['340100'], 德: ['371400'], 泉: ['350500'], 珠: ['440400'],
  汕: ['440500'], 湛: ['440800'], 惠: ['441300'], 佛: ['440600'], 包: ['150200'], 银: ['640100'], 拉: ['540100'],
  烟: ['370600'], 威: ['370900'], 许: ['411000'], 商: ['411400'], 信: ['411500'], 周: ['411600'], 宛: ['411300'],
  西: ['610100'], 蒙: ['150000'], 甘: ['620000'], 秦: ['610000'], 云: ['530000'], 贵: ['520000'], 江: ['320000', '360000'], 呼: ['150100', '150700'], 哈: ['230100', '650500'],
  乌: ['650100', '150300'], 泰: ['321200', '370900'], 宿: ['321300', '341300'], 淮: ['320800', '340400', '340600']
}

let table: Map<string, Abbrev> | null = null

function build(): Map<string, Abbrev> {
  const m = new Map<string, Abbrev>()
  for (const [c, code] of Object.entries(SAFE)) m.set(c, { codes: [code], needsContext: false })
  for (const [c, codes] of Object.entries(CONTEXT)) m.set(c, { codes, needsContext: true })
  return m
}

export function abbreviation(ch: string): Abbrev | undefined {
  if (!table) table = build()
  return table.get(ch)
}

export function abbreviationChars(): string {
  if (!table) table = build()
  return [...table.keys()].join('')
}
