// The one error type the import stages throw. `reason` is shown to the user and printed in the
// CLI's `{"event":"error","reason":…}` line, so it must be a plain English sentence a person
// understands without knowing the internals (no stack traces, no library jargon).
export class ImportError extends Error {
  readonly reason: string

  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options)
    this.name = 'ImportError'
    this.reason = reason
  }
}

/** Wrap anything thrown by a third-party parser into an ImportError with a readable reason. */
export function asImportError(err: unknown, reason: string): ImportError {
  if (err instanceof ImportError) return err
  return new ImportError(reason, { cause: err })
}
