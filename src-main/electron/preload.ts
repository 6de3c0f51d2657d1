// The preload exposes exactly the contract's operations and events as window.api, nothing more.
// It runs sandboxed: it may only use contextBridge and ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron'
import { OPERATIONS, EVENTS } from '../common/api/operations'

const api: Record<string, unknown> = {}
for (const op of OPERATIONS) api[op] = (args: unknown) => ipcRenderer.invoke('api', op, args)

api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
  if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`unknown event "${event}"`)
  const wrapped = (_e: unknown, payload: unknown): void => listener(payload)
  ipcRenderer.on(`event:${event}`, wrapped)
  return () => ipcRenderer.removeListener(`event:${event}`, wrapped)
}

contextBridge.exposeInMainWorld('api', api)
