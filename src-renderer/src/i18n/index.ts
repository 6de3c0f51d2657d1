// vue-i18n setup: Chinese first, English on request; the choice is remembered in localStorage.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import { setErrorTranslator } from '@/lib/error-words'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const LOCALE_KEY = 'policy-archive.locale'

export function savedLocale(): Locale {
  try {
    const v = localStorage.getItem(LOCALE_KEY)
    if (v && (LOCALES as readonly string[]).includes(v)) return v as Locale
  } catch {
    // Storage may be unavailable (privacy mode); fall back to the default.
  }
  return 'zh-CN'
}

export function createAppI18n(locale: Locale = savedLocale()) {
  const i18n = createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
    missingWarn: false,
    fallbackWarn: false
  })
  // Errors from main are worded where they are caught (stores), outside any component.
  setErrorTranslator({ t: (key, params) => i18n.global.t(key, params ?? {}), te: (key) => i18n.global.te(key) })
  return i18n
}

export type AppI18n = ReturnType<typeof createAppI18n>
