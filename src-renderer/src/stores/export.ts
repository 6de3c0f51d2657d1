// The export dialog's state: what to export (documents by selection or filter, a region summary,
// a comparison), the format, the preview, and the running export job (job.* events of kind
// 'export'). Events may arrive before export.start answers, so they are kept by job id until then.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DocumentFilter } from '@common/filters'
import type { ExportFormat, ExportKind, ExportPreview, ExportRequestInput } from '@common/export'
import type { JobDoneEvent, JobErrorEvent, JobProgressEvent } from '@common/api/jobs'
import { ApiError, call, isDesktop } from '@/api/client'

export type DocumentSource = 'selection' | 'filter'

export interface ExportJobState {
  jobId: string
  state: 'running' | 'done' | 'error' | 'cancelled'
  done: number
  total: number
  stage: string | null
  /** The saved or downloaded file's name, and (desktop) where it was saved. */
  name: string | null
  path: string | null
  error: ApiError | null
}

type JobEvent = { type: 'progress'; e: JobProgressEvent } | { type: 'done'; e: JobDoneEvent } | { type: 'error'; e: JobErrorEvent }

/** Hand the bytes to the browser as a download (serve mode). */
function download(name: string, mime: string, base64: string): void {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('failed', e instanceof Error ? e.message : String(e))
}

export const useExportStore = defineStore('export', () => {
  const kind = ref<ExportKind>('documents')
  const source = ref<DocumentSource>('filter')
  const ids = ref<string[]>([])
  const filter = ref<DocumentFilter>({})
  const includeText = ref(false)
  const regions = ref<string[]>([])
  const asOf = ref<string | null>(null)
  const format = ref<ExportFormat>('docx')
  const preview = ref<ExportPreview | null>(null)
  const previewError = ref<ApiError | null>(null)
  const previewing = ref(false)
  const starting = ref(false)
  const job = ref<ExportJobState | null>(null)
  const early = new Map<string, JobEvent[]>()
  let previewSeq = 0

  const ready = computed(() => (kind.value === 'documents' ? source.value === 'filter' || ids.value.length > 0 : regions.value.length > 0))
  const running = computed(() => job.value?.state === 'running')

  function request(): ExportRequestInput {
    if (kind.value === 'documents') {
      return source.value === 'selection' && ids.value.length
        ? { kind: 'documents', ids: ids.value, includeText: includeText.value }
        : { kind: 'documents', filter: filter.value, includeText: includeText.value }
    }
    return { kind: kind.value, regions: regions.value, asOf: asOf.value }
  }

  /** Set up from a route: /export?kind=compare&regions=a,b&asOf=… or kind=documents&source=selection. */
  function configure(q: { kind?: string; regions?: string; asOf?: string; source?: string }, library: { selected: ReadonlySet<string>; filter: DocumentFilter }): void {
    if (q.kind === 'documents' || q.kind === 'summary' || q.kind === 'compare') kind.value = q.kind
    if (q.regions !== undefined) regions.value = q.regions.split(',').map((r) => r.trim()).filter(Boolean)
    if (q.asOf !== undefined) asOf.value = /^\d{4}-\d{2}-\d{2}$/.test(q.asOf) ? q.asOf : null
    ids.value = [...library.selected]
    filter.value = library.filter
    source.value = q.source === 'selection' && ids.value.length ? 'selection' : 'filter'
  }

  async function loadPreview(): Promise<void> {
    const seq = ++previewSeq
    previewError.value = null
    if (!ready.value) {
      preview.value = null
      return
    }
    previewing.value = true
    try {
      const p = await call('export.preview', { request: request() })
      if (seq === previewSeq) preview.value = p
    } catch (e) {
      if (seq === previewSeq) {
        preview.value = null
        previewError.value = asApiError(e)
      }
    } finally {
      if (seq === previewSeq) previewing.value = false
    }
  }

  function apply(j: ExportJobState, ev: JobEvent): void {
    if (ev.type === 'progress') Object.assign(j, { done: ev.e.done, total: ev.e.total, stage: ev.e.stage })
    else if (ev.type === 'error') Object.assign(j, { state: 'error', error: new ApiError('failed', ev.e.message, ev.e.key, ev.e.params) })
    else if (ev.e.cancelled) j.state = 'cancelled'
    else {
      j.name = typeof ev.e.detail.name === 'string' ? ev.e.detail.name : null
      j.path = typeof ev.e.detail.path === 'string' ? ev.e.detail.path : null
      j.done = j.total
      if (ev.e.detail.download === true) void fetchFile(j)
      else j.state = 'done'
    }
  }

  async function fetchFile(j: ExportJobState): Promise<void> {
    try {
      const file = await call('export.download', { jobId: j.jobId })
      download(file.name, file.mime, file.base64)
      j.name = file.name
      j.state = 'done'
    } catch (e) {
      Object.assign(j, { state: 'error', error: asApiError(e) })
    }
  }

  function onEvent(ev: JobEvent): void {
    if (ev.e.kind !== 'export') return
    if (job.value?.jobId === ev.e.jobId) apply(job.value, ev)
    else {
      const list = early.get(ev.e.jobId) ?? []
      list.push(ev)
      early.set(ev.e.jobId, list.slice(-10))
    }
  }

  async function start(): Promise<void> {
    if (running.value || !ready.value) return
    starting.value = true
    try {
      const started = await call('export.start', { request: request(), format: format.value })
      if (!started) return // the user closed the save dialog
      job.value = { jobId: started.jobId, state: 'running', done: 0, total: 1, stage: null, name: null, path: null, error: null }
      for (const ev of early.get(started.jobId) ?? []) apply(job.value, ev)
      early.clear()
    } catch (e) {
      job.value = { jobId: '', state: 'error', done: 0, total: 1, stage: null, name: null, path: null, error: asApiError(e) }
    } finally {
      starting.value = false
    }
  }

  /** Places for the region picker: [key, name] pairs. */
  async function searchRegions(query: string): Promise<{ key: string; name: string; province: string }[]> {
    if (!query.trim()) return []
    return (await call('regions.search', { query: query.trim(), limit: 20 })).map((r) => ({ key: r.key, name: r.name, province: r.province }))
  }

  async function cancel(): Promise<void> {
    if (job.value?.state === 'running') await call('jobs.cancel', { jobId: job.value.jobId })
  }

  return {
    kind,
    source,
    ids,
    filter,
    includeText,
    regions,
    asOf,
    format,
    preview,
    previewError,
    previewing,
    starting,
    job,
    ready,
    running,
    desktop: isDesktop(),
    request,
    configure,
    loadPreview,
    start,
    cancel,
    searchRegions,
    onProgress: (e: JobProgressEvent) => onEvent({ type: 'progress', e }),
    onDone: (e: JobDoneEvent) => onEvent({ type: 'done', e }),
    onError: (e: JobErrorEvent) => onEvent({ type: 'error', e })
  }
})
