// Region identity for comparisons: keys ("code" or "code:name"), the gazetteer's ancestry (precomputed
// per code and cached there), short names and pinyin initials for the picker.
import { pinyin } from 'pinyin-pro'
import type { RegionLevel } from '../../common/record'
import { placeByCode, provinceOf, allPlaces } from '../extract/regions/gazetteer'
import type { RegionId } from './ancestry'

export { ancestryOf, isWithin, type RegionId } from './ancestry'

/** The archive's own row for a region (regions table), when the gazetteer does not know it. */
export interface RegionRow {
  code: string
  name: string
  level: string
  province: string
}

const LEVELS: RegionLevel[] = ['province', 'city', 'county', 'district']

export function canonicalKey(code: string, name: string): string {
  return placeByCode(code)?.name === name ? code : `${code}:${name}`
}

export function parseKey(key: string): { code: string; name: string | null } {
  const i = key.indexOf(':')
  return i < 0 ? { code: key, name: null } : { code: key.slice(0, i), name: key.slice(i + 1) }
}

/** Region of a key, from the gazetteer or (for names it lacks) the archive's regions table. */
export function regionOfKey(key: string, stored?: (code: string, name: string | null) => RegionRow | undefined): RegionId | null {
  const { code, name } = parseKey(key)
  const byCode = placeByCode(code)
  if (byCode && (name === null || name === byCode.name)) {
    return { key: code, code, name: byCode.name, level: byCode.level, province: provinceOf(byCode).name }
  }
  if (name !== null) {
    const zone = allPlaces().find((p) => p.code === code && p.name === name)
    if (zone) return { key: `${code}:${name}`, code, name, level: zone.level, province: provinceOf(zone).name }
  }
  const row = stored?.(code, name)
  if (!row) return null
  const level = (LEVELS as string[]).includes(row.level) ? (row.level as RegionLevel) : 'district'
  return { key: canonicalKey(row.code, row.name), code: row.code, name: row.name, level, province: row.province }
}

const SPECIAL_SHORT: Record<string, string> = {
  内蒙古自治区: '内蒙古',
  广西壮族自治区: '广西',
  西藏自治区: '西藏',
  宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆',
  香港特别行政区: '香港',
  澳门特别行政区: '澳门'
}

/** The name without its administrative suffix: 聊城市 → 聊城, 延边朝鲜族自治州 → 延边, 阿里地区 → 阿里. */
export function shortNameOf(name: string): string {
  if (SPECIAL_SHORT[name]) return SPECIAL_SHORT[name]
  const ethnic = /^(.{2,}?)(?:[^族]{1,4}族)+(?:自治州|自治县|自治旗)$/.exec(name)
  if (ethnic) return ethnic[1]
  const m = /^(.{2,}?)(?:特别行政区|自治州|自治县|地区|新区|省|市|县|区|旗|盟)$/.exec(name)
  return m ? m[1] : name
}

const initialsCache = new Map<string, string>()

/** Lower-case pinyin initials of a name (聊城 → lc); heteronyms take the usual reading (重庆 → cq). */
export function initialsOf(name: string): string {
  let hit = initialsCache.get(name)
  if (hit === undefined) {
    hit = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
    initialsCache.set(name, hit)
  }
  return hit
}
