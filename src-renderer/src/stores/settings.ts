// Archive settings held by main (the watched inbox folder and its tags). The server checks the
// folder; its refusal is kept in `error` for the page to show next to the field.
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

  return { settings, loading, saving, error, load, save }
})
