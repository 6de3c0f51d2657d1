// All tags with their document counts (tags.list).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { call } from '@/api/client'

export const useTagsStore = defineStore('tags', () => {
  const tags = ref<{ name: string; count: number }[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    try {
      tags.value = await call('tags.list', {})
      loaded.value = true
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  return { tags, loaded, loading, error, load }
})
