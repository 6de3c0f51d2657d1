// The one typed door to main. Desktop: the preload's window.api (IPC). Browser (serve mode):
// POST /api/<op> and Server-Sent Events. Stores call this; components never do.
import type { ApiErrorBody, ApiResponse, ArgsOf, EventPayloads, JobStarted, ResultOf } from '@common/api/contract'
import type { EventName, Operation } from '@common/api/operations'
import { wordError } from '@/lib/error-words'

/** A failed call; `message` is already worded in the user's language when main sent a key. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorBody['code'] | 'network',
    message: string,
    readonly key?: string,
    readonly params?: Record<string, string | number>,
    /** Main's English wording (for logs and tooltips). */
    readonly english: string = message
  ) {
    super(message)
    this.name = 'ApiError'
  }

  static from(error: ApiErrorBody): ApiError {
    // serve answers a refused request (no token, another origin) in plain text without a key.
    const key = error.key ?? (error.code === 'forbidden' ? 'errors.api.forbidden' : undefined)
    return new ApiError(error.code, wordError(key, error.params, error.message), key, error.params, error.message)
  }
}

type Invoke = (op: string, args: unknown) => Promise<ApiResponse<unknown>>

function desktopApi(): Window['api'] | undefined {
  return typeof window !== 'undefined' ? window.api : undefined
}

/** True inside the Electron window (the preload exposed window.api). */
export function isDesktop(): boolean {
  return desktopApi() !== undefined
}

const invokeDesktop: Invoke = (op, args) => {
  const fn = desktopApi()?.[op as Operation]
  if (typeof fn !== 'function') {
    return Promise.resolve({ ok: false, error: { code: 'unknown-operation', message: `operation "${op}" is not exposed`, key: 'errors.api.unknownOperation', params: { op } } })
  }
  return (fn as (a: unknown) => Promise<ApiResponse<unknown>>)(args)
}

const invokeHttp: Invoke = async (op, args) => {
  let res: Response
  try {
    res = await fetch(`/api/${encodeURIComponent(op)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(args ?? {})
    })
  } catch (e) {
    throw new ApiError('network', wordError('errors.api.network', {}, (e as Error).message), 'errors.api.network', {}, (e as Error).message)
  }
  const body = await res.text()
  try {
    return JSON.parse(body) as ApiResponse<unknown>
  } catch {
    // The server answers plain text for refused requests (wrong token, wrong origin).
    return { ok: false, error: { code: res.status === 403 ? 'forbidden' : 'failed', message: body || res.statusText } }
  }
}

export async function call<O extends Operation>(op: O, args: ArgsOf<O>): Promise<ResultOf<O>> {
  const response = await (isDesktop() ? invokeDesktop : invokeHttp)(op, args)
  if (!response.ok) throw ApiError.from(response.error)
  return response.result as ResultOf<O>
}

/**
 * Desktop: files the user dropped or picked are imported from where they lie (the preload gives main
 * their paths, which the page itself can never name). Null when that is not possible (the browser, or
 * files with no path); the caller then sends their bytes with import.files.
 */
export async function importDropped(files: File[]): Promise<JobStarted | null> {
  const fn = desktopApi()?.importDropped
  if (!fn || !files.length) return null
  const response = await fn(files)
  if (!response.ok) throw ApiError.from(response.error)
  return response.result
}

// Serve mode shares one EventSource among all listeners; it is opened on first subscription.
let source: EventSource | null = null

function eventSource(): EventSource {
  source ??= new EventSource('/api/events', { withCredentials: true })
  return source
}

export function onEvent<E extends EventName>(event: E, fn: (payload: EventPayloads[E]) => void): () => void {
  const api = desktopApi()
  if (api) return api.on(event, (p) => fn(p as EventPayloads[E]))
  if (typeof EventSource === 'undefined') return () => {}
  const es = eventSource()
  const listener = (e: MessageEvent<string>): void => {
    try {
      fn(JSON.parse(e.data) as EventPayloads[E])
    } catch {
      // A malformed event must not break the other listeners.
    }
  }
  es.addEventListener(event, listener as EventListener)
  return () => es.removeEventListener(event, listener as EventListener)
}

/** For tests: forget the shared EventSource. */
export function resetTransport(): void {
  source?.close()
  source = null
}
