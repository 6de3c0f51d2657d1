// Archive settings held by main (the watched inbox folder and its tags). The folder is chosen with
// the desktop app's folder dialog (pages never send paths); a refusal is kept in `error` for the page.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Settings } from '@common/api/contract'
import { call } from '@/api/client'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings | null>(null)
  const loading = ref(false)
  const saving = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      settings.value = await call('settings.get', {})
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  /** Sends the patch; true when main accepted it (then `settings` holds what it stored). */
  async function save(patch: Partial<Settings>): Promise<boolean> {
    saving.value = true
    error.value = null
    try {
      settings.value = await call('settings.update', { patch })
      return true
    } catch (e) {
      error.value = (e as Error).message
      return false
    } finally {
      saving.value = false
    }
  }

  /** Desktop: the system folder dialog picks the inbox (a page never sends a path). False when cancelled or refused. */
  async function chooseInbox(): Promise<boolean> {
    saving.value = true
    error.value = null
    try {
      const next = await call('settings.chooseInbox', {})
      if (next) settings.value = next
      return next !== null
    } catch (e) {
      error.value = (e as Error).message
      return false
    } finally {
      saving.value = false
    }
  }

  return { settings, loading, saving, error, load, save, chooseInbox }
})
