// Who a measure applies to, from the words of its clause (first match wins, most specific first).
const TARGETS: [RegExp, string][] = [
  [/次密接/, '次密接'],
  [/密切接触者|密接/, '密接'],
  [/入境人员|境外[^，。]{0,4}人员|入境/, '入境人员'],
  [/来[（(]?返[）)]?[^，。]{0,4}人员|返乡人员|来返人员|外来人员|抵[^，。]{0,3}人员/, '来返人员'],
  [/中高风险地区[^，。]{0,6}人员|旅居史/, '中高风险地区旅居人员'],
  [/冷链[^，。]{0,6}(从业|工作)人员|从业人员/, '从业人员'],
  [/医务人员|医护人员/, '医务人员'],
  [/学生|师生|教职工/, '学生'],
  [/([0-9]+|六十)岁(及|或)?以上|老年人|长者/, '60岁以上'],
  [/全员|全体[^，。]{0,4}(居民|市民|人员)|全市[^，。]{0,2}(居民|市民)/, '全员'],
  [/封控区[^，。]{0,4}人员/, '封控区人员'],
  [/居家隔离人员|隔离人员/, '隔离人员'],
  [/市民|居民|群众/, '市民']
]

export function findTarget(clause: string): string | null {
  for (const [re, name] of TARGETS) if (re.test(clause)) return name
  return null
}

const LIFT = /(解除|取消|恢复|不再|降为|降级|有序放开|放开|放宽|解封|撤销|调整为低风险|退出)/

// Cancelling leave (取消休假) tightens staffing: 取消 there lifts nothing.
const NOT_LIFT = /取消[^，。]{0,4}(休假|假期|轮休|年假)/

export function isLifted(clause: string): boolean {
  return LIFT.test(clause) && !NOT_LIFT.test(clause)
}
