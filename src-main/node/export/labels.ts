// Chinese wording of categories, document types and parameters for exported files. Exports are
// official documents for Chinese offices, so they are worded in Chinese whatever the interface language.
import type { MeasureParams } from '../../common/record'
import type { MeasureCategory } from '../../common/taxonomy'

export const CATEGORY_ZH: Record<MeasureCategory, string> = {
  testing: '核酸检测',
  health_code: '码证查验',
  quarantine: '隔离',
  health_monitoring: '健康监测',
  lockdown_zones: '风险区域管控',
  gatherings: '聚集活动',
  masks: '口罩',
  cold_chain: '冷链',
  venues: '娱乐及非必要场所',
  schools: '学校',
  vaccination: '疫苗接种',
  transport: '交通与人员流动',
  travel_reporting: '出行报备·返乡',
  medical: '医疗机构',
  supplies: '物资保障',
  other: '其他'
}

export const DOC_TYPE_ZH: Record<string, string> = { notice: '通告/通知', report: '工作报告', news: '新闻', guide: '指南', other: '其他' }

export function categoryLabel(category: string): string {
  return (CATEGORY_ZH as Record<string, string>)[category] ?? category
}

/** Parameters as an office writes them: 14天、48小时、每3天2次、3–17岁. */
export function paramsText(p: MeasureParams): string {
  const parts: string[] = []
  if (p.formula) parts.push(p.formula)
  if (p.days !== undefined && !p.formula) parts.push(`${p.days}天`)
  if (p.hours !== undefined) parts.push(`${p.hours}小时`)
  if (p.times !== undefined && p.per_days !== undefined) parts.push(`每${p.per_days}天${p.times}次`)
  else if (p.times !== undefined) parts.push(`${p.times}次`)
  else if (p.per_days !== undefined) parts.push(`每${p.per_days}天`)
  if (p.rounds !== undefined) parts.push(`${p.rounds}轮`)
  if (p.people !== undefined) parts.push(`${p.people}人`)
  if (p.meters !== undefined) parts.push(`${p.meters}米`)
  if (p.percent !== undefined) parts.push(`${p.percent}%`)
  if (p.min_age !== undefined && p.max_age !== undefined) parts.push(`${p.min_age}–${p.max_age}岁`)
  else if (p.min_age !== undefined) parts.push(`${p.min_age}岁以上`)
  else if (p.max_age !== undefined) parts.push(`${p.max_age}岁以下`)
  if (p.months !== undefined) parts.push(`${p.months}个月`)
  return parts.join('、')
}

export const KIND_TITLE_ZH = { documents: '文档清单', summary: '防控措施汇总', compare: '地区防控措施对比' } as const

/** Width of a text in "character cells": CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1
  }
  return w
}

const NUMERALS = '一二三四五六七八九十'

/** Section numbers as an official document writes them: 一 … 十, 十一 … 九十九. */
export function cn(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]
  if (n < 20) return `十${NUMERALS[n - 11]}`
  const tens = Math.floor(n / 10)
  return `${NUMERALS[tens - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`
}

/** 聊城市、太原市 for a few regions; 聊城市等10个地区 for many (a title stays one line). */
export function regionsTitle(names: string[]): string {
  return names.length <= 3 ? names.join('、') : `${names[0]}等${names.length}个地区`
}
