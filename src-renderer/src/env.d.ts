/// <reference types="vite/client" />

// The preload's bridge (desktop only): one async function per operation, plus event subscription.
interface DesktopApi {
  [op: string]: unknown
  on(event: string, listener: (payload: unknown) => void): () => void
}

interface Window {
  api?: DesktopApi
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
