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
