// Which of two measures is stricter: the level first, then the parameters in the direction that is
// stricter for each (more quarantine days, a shorter test window, a lower head-count limit, tests more
// often, more rounds of mass testing…). A lifted measure counts as level 0.
import type { MeasureParams } from '../../common/record'

export interface Comparable {
  level: number
  lifted: boolean
  params: MeasureParams
}

/** +1: a larger value is stricter; -1: a smaller one is. Compared in this order; the first that differs decides. */
const DIRECTIONS: [keyof MeasureParams | 'frequency', 1 | -1][] = [
  ['days', 1],
  ['hours', -1],
  ['people', -1],
  ['frequency', 1],
  ['rounds', 1],
  ['months', 1],
  ['percent', -1],
  ['meters', 1]
]

/** Tests (or checks) per day: 三天三检 → 1, 每周两次 → 2/7. */
function frequency(p: MeasureParams): number | undefined {
  if (typeof p.times !== 'number' || p.times <= 0) return undefined
  const per = typeof p.per_days === 'number' && p.per_days > 0 ? p.per_days : 1
  return p.times / per
}

function paramValue(p: MeasureParams, key: keyof MeasureParams | 'frequency'): number | undefined {
  if (key === 'frequency') return frequency(p)
  const v = p[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

export function effectiveLevel(c: Comparable | null): number {
  return !c || c.lifted ? 0 : c.level
}

/** > 0 when `a` is stricter than `b`, < 0 when looser, 0 when neither (a missing measure is level 0). */
export function compareStrictness(a: Comparable | null, b: Comparable | null): number {
  const la = effectiveLevel(a)
  const lb = effectiveLevel(b)
  if (la !== lb) return la - lb
  if (!a || !b || a.lifted || b.lifted) return 0
  for (const [key, dir] of DIRECTIONS) {
    const va = paramValue(a.params, key)
    const vb = paramValue(b.params, key)
    if (va === undefined || vb === undefined || va === vb) continue
    return (va > vb ? 1 : -1) * dir
  }
  return 0
}

const KEY_PARAMS: (keyof MeasureParams)[] = ['days', 'hours', 'people', 'times', 'per_days', 'rounds', 'months', 'percent', 'formula']

/** Same requirement: same level, both lifted or not, and the same key parameters. */
export function sameRequirement(a: Comparable | null, b: Comparable | null): boolean {
  if (!a || !b) return a === b
  if (a.lifted !== b.lifted) return false
  if (a.lifted) return true
  if (a.level !== b.level) return false
  return KEY_PARAMS.every((k) => a.params[k] === b.params[k])
}
