// 风险区域管控: 1 防范区/低风险 · 2 管控区/中风险 · 3 封控区/高风险/足不出户 · 4 whole-jurisdiction
// static management. The level is that of the strictest zone the clause names.
import type { CategoryRules } from '../types'

function zoneLevel(c: string): number {
  // For "由封控区降为管控区" the resulting zone is the one in force.
  const target = /(降为|调整为|转为|划为|划定为|升为|列为)([^，。]{0,8})/.exec(c)
  const s = target ? target[2] : c
  if (/静态管理|全域静默|全域静态/.test(s)) return 4
  if (/封控|高风险|足不出户|封闭|禁足|原地静止|居家不出|封城|居家/.test(s)) return 3
  if (/管控|中风险|不出区|不出小区/.test(s)) return 2
  return 1
}

export const lockdownZones: CategoryRules = {
  category: 'lockdown_zones',
  exclude: /(养老机构|福利院|敬老院|监所|院校|大中专|学校|^(封控区|管控区|防范区|高风险区|中风险区|低风险区)[^，。]{0,3}$|咨询电话|(区|区域)(位于|则是|是)|现有封控区[0-9]+个|旅居史|来自|前往|去往|(中高|高|中)风险(地区|区域|区)[^，。]{0,4}(人员|来|返|信息|名单|动态|的人|旅居)|风险地区[^，。]{0,12}(人员|人士)|^(?![^，。]*(划定|划为|降为|调整为|升为|列为|解除))[^，。]*[（(][0-9一二三四五六七八九十]+个[)）]|除外|(到过|去过|途经|途径|经停)[^，。]{0,4}(中高|高|中)风险|风险暴露|风险地区[^，。]{0,12}所在)/,
  rules: [
    { re: /静态管理|全域静默|全域静态|封城|全部居家(?!办公)/, level: 4 },
    // Home isolation of everyone (所有市民居家隔离) or of a whole area (解除主城区居家隔离) is a
    // stay-home order, not a quarantine; so is
    // going straight home after a test (检测完毕立即返回家中); 2020 village closures (封村).
    { re: /全员居家|居家隔离管控|全体[^，。]{0,4}居家(?!办公)|(所有|全部|全体)(市民|居民|村民)[^，。]{0,4}居家|(城区|全[市县区镇村域])[^，。]{0,6}居家隔离|(立即|即|直接)返回[^，。]{0,2}(家中|居所|住所|住处|小区)|封村|封闭村|一律不得外出|(一律|均|全部|一律在家)居家(?!办公|隔离|观察|健康|监测)|限定[^，。]{0,4}外出/, level: 3 },
    { re: /(封控区|管控区|防范区|高风险|中风险|低风险)(地区|区域|区)?[^，。]{0,6}(管理|管控|措施)?|封控管理|解封|封控/, level: zoneLevel },
    { re: /解除(封控|管控|防范)|(防范|管控|封控)管理|居家防控|不出社区|保留[^，。]{0,4}出入口|先期管控|提级管理|临时[^，。]{0,6}管控|划定[^，。]{0,8}(高|中|低)风险/, level: zoneLevel },
    // Generic control wording names no zone: it yields to a specific measure in the same span.
    { re: /常态化防控措施|管控措施|实施[^，。]{0,6}管控/, level: zoneLevel, weak: true },
    { re: /足不出户|足不出戶|封闭管理|封闭式管理|禁足|原地静止|居家不出|不出小区|(?<!非必要)不出区|人不出区|保持原地|静止|封闭围合/, level: zoneLevel },
    // Taiwan's epidemic alert levels (疫情警戒第三级, 降为第二级) are jurisdiction-wide risk levels:
    // level 4 is a lockdown, level 3 the strict regime short of it.
    { re: /警戒[^，。]{0,6}第?[一二三四1-4]级|警戒[^，。]{0,6}(降|升|调整)[^，。]{0,4}第?[一二三四1-4]级/, level: (c) => (/第?[四4]级/.test(c) ? 4 : /第?[三3]级/.test(c) ? 2 : 1) },
    // Compounds closed off with barriers (打围, 硬隔离, 围挡封闭) are closed compounds.
    { re: /打围|硬隔离|围挡/, level: 3 },
    // 2020 closures of residential compounds and villages: only in, not out (只进不出, 只出不进).
    { re: /只进不出|只出不进/, level: 2 }
  ]
}
