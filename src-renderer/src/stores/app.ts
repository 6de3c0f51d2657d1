// App-wide state owned by main (info, recovery notices) and the interface language.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '@common/api/contract'
import { call } from '@/api/client'
import { LOCALE_KEY, savedLocale, type Locale } from '@/i18n'

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const notices = ref<string[]>([])
  const error = ref<string | null>(null)
  const locale = ref<Locale>(savedLocale())
  /** Bumped to ask the library view to focus its search box (the `/` shortcut). */
  const searchFocusRequest = ref(0)
  let noticesShown = false

  async function load(): Promise<void> {
    try {
      info.value = await call('app.info', {})
      error.value = null
      // Recovery notices are shown once per session, not on every refresh.
      if (!noticesShown) {
        notices.value = info.value.notices
        noticesShown = true
      }
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  function dismissNotices(): void {
    notices.value = []
  }

  function setLocale(l: Locale): void {
    locale.value = l
    try {
      localStorage.setItem(LOCALE_KEY, l)
    } catch {
      // Not remembered when storage is unavailable; the switch still works for this session.
    }
  }

  function requestSearchFocus(): void {
    searchFocusRequest.value++
  }

  return { info, notices, error, locale, searchFocusRequest, load, dismissNotices, setLocale, requestSearchFocus }
})
