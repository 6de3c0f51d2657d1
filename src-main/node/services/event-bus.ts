// Typed events from main-side services to whichever transport is attached (IPC or serve's SSE).
import type { EventName } from '../../common/api/operations'
import type { EventPayloads } from '../../common/api/contract'

export type BusListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void

export class EventBus {
  private listeners = new Set<BusListener>()

  on(fn: BusListener): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const fn of this.listeners) {
      try {
        fn(event, payload)
      } catch {
        // A broken listener (a closed window, a dropped connection) must not stop the import.
      }
    }
  }
}
