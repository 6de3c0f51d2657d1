// 隔离: 1 home ≤ 7 days · 2 home > 7 days or central ≤ 5 · 3 central 6–13 · 4 central ≥ 14.
import type { MeasureParams } from '../../../../common/record'
import type { CategoryRules } from '../types'

function level(clause: string, p: MeasureParams): number {
  const central = /集中隔离|集中医学观察|隔离点|防疫旅宿|酒店隔离|集中/.test(clause)
  const days = p.days ?? (p.formula ? Number(p.formula.split('+')[0]) : undefined)
  if (central) {
    if (days === undefined) return 3
    return days >= 14 ? 4 : days >= 6 ? 3 : 2
  }
  if (days === undefined) return 1
  return days > 7 ? 2 : 1
}

export const quarantine: CategoryRules = {
  mergeByWord: true,
  category: 'quarantine',
  exclude: /(病例|感染者)[^，。]{0,12}(均为|系|在)[^，。]{0,8}(集中隔离|隔离)|隔离点[^，。]{0,6}(发现|检出)|隔离管控有序/,
  rules: [
    // Conduct during home quarantine (单人单间, 不串门, 拒绝探访, 务必在家).
    { re: /单人单间|不串门|(拒绝|谢绝)[^，。]{0,4}探访|不探访|务必在家|切勿外出/, level: 1 },
    // A staged regime (7+3隔离, “14+7”健康管理) is quarantine even where 管控措施 follows.
    { re: /[0-9]+\s*\+\s*[0-9]+[”"]?(天)?[^，。]{0,3}(隔离|健康管理|医学观察)/, level },
    { re: /集中隔离|居家隔离|隔离医学观察|医学观察|居家检疫|居家观察|居家照护|防疫旅馆|防疫旅宿|隔离观察|检疫|隔离[0-9一二三四五六七八九十]+天|[0-9]+\+[0-9]+|隔离/, level, unless: /全员|(所有|全部|全体)(市民|居民|村民)|管控措施|(城区|全[市县区镇村域])[^，。]{0,6}居家隔离|隔离[^，。]{0,4}治疗|隔离房间|隔离酒店[^，。]{0,4}(房源|房间)|隔离带|隔离栏|硬隔离|单独隔离开|相对隔开|隔离(衣|服|网|墩|栏|病区|病房|设施)|物理隔离/ }
  ]
}
