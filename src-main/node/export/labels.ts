// Chinese wording of categories, document types and parameters for exported files. Exports are
// official documents for Chinese offices, so they are worded in Chinese whatever the interface language.
import { CATEGORY_ZH, paramsInWords } from '../compare'

export { CATEGORY_ZH }

export const DOC_TYPE_ZH: Record<string, string> = { notice: '通告/通知', report: '工作报告', news: '新闻', guide: '指南', other: '其他' }

export function categoryLabel(category: string): string {
  return (CATEGORY_ZH as Record<string, string>)[category] ?? category
}

/** Parameters as the compare engine words them (14天、48小时、每3天2次), so exports and the app agree. */
export const paramsText = paramsInWords

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
