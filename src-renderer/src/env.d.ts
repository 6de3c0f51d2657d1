/// <reference types="vite/client" />
import type { ApiResponse, ArgsOf, JobStarted, ResultOf } from '@common/api/contract'
import type { Operation } from '@common/api/operations'

declare global {
  /**
   * The preload's bridge (desktop only): one async function per operation it exposes (access.ts
   * leaves out those that take paths), event subscription, and the import of dropped files.
   */
  type DesktopApi = { [O in Operation]?: (args: ArgsOf<O>) => Promise<ApiResponse<ResultOf<O>>> } & {
    on(event: string, listener: (payload: unknown) => void): () => void
    /** Files the user dropped: the preload turns them into paths and main imports them (null: some have no path). */
    importDropped?(files: File[], tags?: string[]): Promise<ApiResponse<JobStarted | null>>
  }

  interface Window {
    api?: DesktopApi
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
