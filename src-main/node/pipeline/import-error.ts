// The one error type the import stages throw. It names a reason from the catalogue (reasons.ts):
// `reason` is the English sentence printed in the CLI's `{"event":"error","reason":…}` line; the
// interface words `key` with `params` in the user's language (it is an AppError).
import { AppError, type ErrorParams } from '../../common/errors'
import { REASONS, reasonKey, type ReasonCode } from './reasons'

export class ImportError extends AppError {
  readonly reason: string

  constructor(
    readonly reasonCode: ReasonCode,
    params: ErrorParams = {},
    options?: { cause?: unknown }
  ) {
    super(reasonKey(reasonCode), params, REASONS[reasonCode](params))
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause
    this.name = 'ImportError'
    this.reason = this.message
  }
}

/** Wrap anything thrown by a third-party parser into an ImportError with a readable reason. */
export function asImportError(err: unknown, code: ReasonCode, params: ErrorParams = {}): ImportError {
  if (err instanceof ImportError) return err
  return new ImportError(code, params, { cause: err })
}

/** The library's message of something thrown, for a reason's `detail`. */
export function detailOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
