// The preload exposes the contract's operations this window may call (access.ts) and its events as
// window.api, nothing more. It runs sandboxed: it may only use contextBridge, ipcRenderer and webUtils.
// Paths never come from the page: dropped files (real File objects from the user's drop) are turned
// into paths here, and main accepts paths only on that channel or from its own dialogs.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { OPERATIONS, EVENTS } from '../common/api/operations'
import { exposedTo } from '../common/api/access'

const api: Record<string, unknown> = {}
for (const op of exposedTo('ipc', OPERATIONS)) api[op] = (args: unknown) => ipcRenderer.invoke('api', op, args)

api.importDropped = (files: File[], tags: string[] = []) => {
  const paths = Array.from(files, (f) => webUtils.getPathForFile(f)).filter((p) => p.length > 0)
  // Files with no path on disk (made by a script) are not imported this way; the page sends their bytes.
  if (paths.length !== files.length) return Promise.resolve({ ok: true, result: null })
  return ipcRenderer.invoke('api:dropped', paths, tags)
}

api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
  if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`unknown event "${event}"`)
  const wrapped = (_e: unknown, payload: unknown): void => listener(payload)
  ipcRenderer.on(`event:${event}`, wrapped)
  return () => ipcRenderer.removeListener(`event:${event}`, wrapped)
}

contextBridge.exposeInMainWorld('api', api)
