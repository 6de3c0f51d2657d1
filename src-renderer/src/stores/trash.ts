// The trash: trashed documents (trash.list), restore (documents.restore, undoable) and empty (permanent).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { call } from '@/api/client'
import type { TrashRow } from '@common/api/contract-tags'

export const TRASH_PAGE = 200

export const useTrashStore = defineStore('trash', () => {
  const rows = ref<TrashRow[]>([])
  const total = ref(0)
  const page = ref(0)
  const loaded = ref(false)
  const error = ref<string | null>(null)

  async function load(p = page.value): Promise<void> {
    try {
      const res = await call('trash.list', { offset: p * TRASH_PAGE, limit: TRASH_PAGE })
      // The last page emptied (restored or deleted): step back.
      if (!res.rows.length && p > 0 && res.total > 0) return load(Math.floor((res.total - 1) / TRASH_PAGE))
      rows.value = res.rows
      total.value = res.total
      page.value = p
      loaded.value = true
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  async function restore(ids: string[]): Promise<number> {
    const { count } = await call('documents.restore', { ids })
    await load()
    return count
  }

  /** Delete for good: the given documents, or everything in the trash. */
  async function empty(ids?: string[]): Promise<number> {
    const { count } = await call('trash.empty', ids ? { ids } : {})
    await load()
    return count
  }

  async function undo(): Promise<string | null> {
    const res = await call('history.undo', {})
    await load()
    return res.action
  }

  return { rows, total, page, loaded, error, load, restore, empty, undo }
})
