// Saved views: named queries with filters, shown in the library's sidebar. Applying one sets the
// library's query and filters; the list and facets follow from the library store.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SavedView } from '@common/search'
import { call } from '@/api/client'
import { searchFilterOf, useLibraryStore } from './library'

export const useSearchStore = defineStore('search', () => {
  const views = ref<SavedView[]>([])
  const loaded = ref(false)
  /** The view last applied, while the library still shows exactly its query and filters. */
  const activeId = ref<string | null>(null)

  async function load(): Promise<void> {
    views.value = await call('search.views.list', {})
    loaded.value = true
  }

  /** Saves the library's current query and filters under a name. */
  async function saveCurrent(name: string): Promise<SavedView> {
    const library = useLibraryStore()
    const view = await call('search.views.save', { name, query: library.filter.text.trim(), filter: searchFilterOf(library.filter) })
    await load()
    activeId.value = view.id
    return view
  }

  async function rename(view: SavedView, name: string): Promise<void> {
    await call('search.views.save', { id: view.id, name, query: view.query, filter: view.filter })
    await load()
  }

  /** Moves a view up (-1) or down (+1). */
  async function move(view: SavedView, by: -1 | 1): Promise<void> {
    const ids = views.value.map((v) => v.id)
    const i = ids.indexOf(view.id)
    const j = i + by
    if (i < 0 || j < 0 || j >= ids.length) return
    ;[ids[i], ids[j]] = [ids[j], ids[i]]
    views.value = await call('search.views.reorder', { ids })
  }

  async function remove(view: SavedView): Promise<void> {
    await call('search.views.delete', { id: view.id })
    if (activeId.value === view.id) activeId.value = null
    await load()
  }

  async function apply(view: SavedView): Promise<void> {
    activeId.value = view.id
    await useLibraryStore().applyView(view.query, view.filter)
  }

  return { views, loaded, activeId, load, saveCurrent, rename, move, remove, apply }
})
