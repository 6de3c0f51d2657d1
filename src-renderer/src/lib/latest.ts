// Two ways to call an async function that the user can trigger faster than it answers (dragging
// a date slider): `latest` keeps only the newest call's answer; `coalesced` runs one call at a time
// and, when asked again meanwhile, runs once more afterwards with the state of that moment.

/** Wraps fn so each answer says whether a newer call started meanwhile (fresh: false). */
export function latest<T>(fn: () => Promise<T>): () => Promise<{ fresh: boolean; value: T }> {
  let seq = 0
  return async () => {
    const mine = ++seq
    const value = await fn()
    return { fresh: mine === seq, value }
  }
}

/** Wraps fn so calls never overlap; calls made while one runs share a single follow-up run. */
export function coalesced<T>(fn: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null
  let queued: Promise<T> | null = null
  const start = (): Promise<T> => {
    const p = fn().finally(() => {
      if (running === p) running = null
    })
    running = p
    return p
  }
  return () => {
    if (!running) return start()
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null
        return start()
      })
    return queued
  }
}
