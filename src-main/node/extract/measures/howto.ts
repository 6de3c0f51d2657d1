// How-to steps around a measure stated elsewhere in the same document. A testing drive is
// announced once (开展全员核酸检测); the steps that follow tell people how to attend it (请居民分批、
// 有序参加核酸采样, 按社区通知分时段前往采样点): they order no test of their own. They are dropped
// only when the document states a testing measure besides them, so a notice whose one testing
// sentence is such a step still keeps it.
import type { Measure } from '../../../common/record'

// Manner of attending (有序, 分批, 按通知) before the act of going to be tested.
const ATTEND = /(有序|分批|分时段|准时|按通知|按照通知)[^，。]{0,12}(参加|参与|前往|到)[^，。]{0,14}(核酸|采样|检测)/

/** Drops testing attendance steps when another testing measure is kept. */
export function dropAttendanceSteps(list: Measure[], spanOf: (m: Measure) => string): Measure[] {
  const step = (m: Measure): boolean => m.category === 'testing' && ATTEND.test(spanOf(m))
  if (!list.some((m) => m.category === 'testing' && !step(m))) return list
  return list.filter((m) => !step(m))
}

// A quoted short name defined in the text (“三天两检”，即：抵达后三天内完成两次核酸检测): the
// definition states the measure, and every mention of the name itself (严格落实“三天两检”和“两点一线”
// 措施; the name opening its definition) restates it.
const DEFINED = /[“「『"]([^“”「」『』"\n，。]{2,12})[”」』"][，,]?\s*(?:即[:：，,]?|是指|指的是)/g

/** The quoted names that the text defines. */
export function definedNames(simplified: string): Set<string> {
  const out = new Set<string>()
  for (const m of simplified.matchAll(DEFINED)) out.add(m[1])
  return out
}

/** True when offset `at` of clause `cs` lies inside quotes holding one of `names`. */
export function inDefinedName(cs: string, at: number, names: Set<string>): boolean {
  if (names.size === 0) return false
  const open = Math.max(cs.lastIndexOf('“', at), cs.lastIndexOf('「', at), cs.lastIndexOf('『', at), cs.lastIndexOf('"', at))
  if (open < 0) return false
  const rel = cs.slice(open + 1).search(/[”」』"]/)
  if (rel < 0 || open + 1 + rel < at) return false
  return names.has(cs.slice(open + 1, open + 1 + rel))
}
