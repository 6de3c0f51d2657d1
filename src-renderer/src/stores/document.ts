// The open document record, the titles of the documents it links to (similar, duplicateOf), and
// the corrections a person makes to it. Every correction answers with the updated record, which
// replaces the open one, so the view never shows a state the archive does not hold.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ArgsOf } from '@common/api/contract'
import type { DocumentRecord, Measure } from '@common/record'
import { ApiError, call } from '@/api/client'

const MAX_LINKED_TITLES = 100

export type MeasureInput = ArgsOf<'measures.add'>['measure']
export type MeasurePatch = ArgsOf<'measures.update'>['patch']
export type FieldsPatch = ArgsOf<'documents.update'>['patch']
export type Encoding = ArgsOf<'documents.redecode'>['encoding']
/** What the measure form is for: a new measure over a text span, or correcting an existing one. */
export type MeasureTarget = { kind: 'add'; start: number; end: number } | { kind: 'edit'; measure: Measure }

export const useDocumentStore = defineStore('document', () => {
  const id = ref<string | null>(null)
  const record = ref<DocumentRecord | null>(null)
  const loading = ref(false)
  const error = ref<{ code: string; message: string } | null>(null)
  const linkedTitles = ref<Record<string, string>>({})
  /** A correction is being sent; the view disables the buttons that would send another. */
  const busy = ref(false)

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

  // Bumped by every correction: a reload that started before one must not overwrite its result.
  let edits = 0

  /** Fetches the record again without blanking the view (after undo, or when it changed elsewhere). */
  async function reload(): Promise<void> {
    const docId = id.value
    if (!docId) return
    const seen = edits
    const rec = await call('documents.get', { id: docId })
    if (id.value === docId && seen === edits) accept(docId, rec)
  }

  /** The archive changed (re-processing, an inbox import …): show the open record as it is now. */
  async function refreshIfOpen(): Promise<void> {
    if (!record.value || busy.value) return
    try {
      await reload()
    } catch {
      // Trashed or gone meanwhile: keep showing what was loaded; opening it again tells the user.
    }
  }

  // One summaries call for all linked titles; a failure only means the links show ids, not titles.
  async function loadLinkedTitles(docId: string, rec: DocumentRecord): Promise<void> {
    const ids = [...new Set([...(rec.duplicateOf ? [rec.duplicateOf] : []), ...rec.similar.map((s) => s.id)])].slice(0, MAX_LINKED_TITLES)
    if (!ids.length) return
    try {
      const rows = await call('documents.summaries', { ids })
      if (id.value !== docId) return
      linkedTitles.value = Object.fromEntries(rows.map((r) => [r.id, r.title]))
    } catch {
      // Titles are a nicety; the links still work with ids.
    }
  }

  function accept(docId: string, rec: DocumentRecord): void {
    const linksChanged =
      !record.value || record.value.duplicateOf !== rec.duplicateOf || record.value.similar.map((s) => s.id).join() !== rec.similar.map((s) => s.id).join()
    record.value = rec
    if (linksChanged) void loadLinkedTitles(docId, rec)
  }

  // Runs one correction of the open document; errors are thrown on to the caller, which shows them.
  async function edit(send: (docId: string) => Promise<DocumentRecord>): Promise<DocumentRecord> {
    const docId = id.value
    if (!docId) throw new ApiError('failed', 'no document is open')
    busy.value = true
    edits++
    try {
      const rec = await send(docId)
      if (id.value === docId) accept(docId, rec)
      return rec
    } finally {
      busy.value = false
    }
  }

  const updateFields = (patch: FieldsPatch) => edit((docId) => call('documents.update', { id: docId, patch }))
  const setRegions = (codes: string[]) => edit((docId) => call('documents.setRegions', { id: docId, codes }))
  const addMeasure = (measure: MeasureInput) => edit((documentId) => call('measures.add', { documentId, measure }))
  const updateMeasure = (measureId: string, patch: MeasurePatch) => edit(() => call('measures.update', { id: measureId, patch }))
  const deleteMeasure = (measureId: string) => edit(() => call('measures.delete', { id: measureId }))
  const redecode = (encoding: Encoding) => edit((docId) => call('documents.redecode', { id: docId, encoding }))
  const restoreRemoved = (index: number) => edit((docId) => call('documents.restoreRemoved', { id: docId, index }))
  const resolveSimilar = (other: string, action: 'merge' | 'keep') => edit((docId) => call('documents.resolveSimilar', { id: docId, other, action }))

  /** Splits the open document at these text offsets; returns the ids of all pieces (first = this one). */
  async function split(offsets: number[]): Promise<string[]> {
    const docId = id.value
    if (!docId) return []
    busy.value = true
    try {
      const { ids } = await call('documents.split', { id: docId, offsets })
      if (id.value === docId) await reload()
      return ids
    } finally {
      busy.value = false
    }
  }

  /** Undoes the latest change of the open document; null action: there was nothing to undo. */
  async function undo(): Promise<string | null> {
    const docId = id.value
    if (!docId) return null
    busy.value = true
    try {
      const res = await call('history.undo', { documentId: docId })
      if (res.action) await reload()
      return res.action
    } finally {
      busy.value = false
    }
  }

  function close(): void {
    id.value = null
    record.value = null
    error.value = null
  }

  return {
    id,
    record,
    loading,
    error,
    linkedTitles,
    busy,
    open,
    reload,
    refreshIfOpen,
    close,
    updateFields,
    setRegions,
    addMeasure,
    updateMeasure,
    deleteMeasure,
    redecode,
    restoreRemoved,
    resolveSimilar,
    split,
    undo
  }
})
