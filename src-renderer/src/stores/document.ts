// The open document record, plus the titles of the documents it links to (similar, duplicateOf).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DocumentRecord } from '@common/record'
import { ApiError, call } from '@/api/client'

const MAX_LINKED_TITLES = 10

export const useDocumentStore = defineStore('document', () => {
  const id = ref<string | null>(null)
  const record = ref<DocumentRecord | null>(null)
  const loading = ref(false)
  const error = ref<{ code: string; message: string } | null>(null)
  const linkedTitles = ref<Record<string, string>>({})

  async function open(docId: string): Promise<void> {
    id.value = docId
    loading.value = true
    error.value = null
    record.value = null
    linkedTitles.value = {}
    try {
      const rec = await call('documents.get', { id: docId })
      if (id.value !== docId) return // the user already opened another one
      record.value = rec
      void loadLinkedTitles(docId, rec)
    } catch (e) {
      if (id.value !== docId) return
      error.value = e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'failed', message: String(e) }
    } finally {
      if (id.value === docId) loading.value = false
    }
  }

  // There is no batch "titles of these ids" operation, so fetch a few linked records one by one;
  // a failure only means the link shows the id instead of a title.
  async function loadLinkedTitles(docId: string, rec: DocumentRecord): Promise<void> {
    const ids = [...new Set([...(rec.duplicateOf ? [rec.duplicateOf] : []), ...rec.similar.map((s) => s.id)])].slice(0, MAX_LINKED_TITLES)
    const results = await Promise.allSettled(ids.map((x) => call('documents.get', { id: x })))
    if (id.value !== docId) return
    const titles: Record<string, string> = {}
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') titles[ids[i]] = r.value.title
    })
    linkedTitles.value = titles
  }

  function close(): void {
    id.value = null
    record.value = null
    error.value = null
  }

  return { id, record, loading, error, linkedTitles, open, close }
})
