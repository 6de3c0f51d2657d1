// Errors meant for the user cross the API as a key with parameters, worded by the renderer's i18n
// (the command line keeps the English message). `key` is a message path, e.g. 'errors.compare.unknownRegion'.
export type ErrorParams = Record<string, string | number>

/** How a transport reports the failure (ApiErrorBody.code). */
export type AppErrorKind = 'failed' | 'not-found' | 'invalid-arguments' | 'forbidden'

export class AppError extends Error {
  /** Subclasses name their kind; a plain AppError is a failure of the operation. */
  readonly kind: AppErrorKind = 'failed'

  constructor(
    readonly key: string,
    readonly params: ErrorParams = {},
    /** English wording, for the command line and logs. */
    message: string = key
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** The thing the call names does not exist (a document, a measure). */
export class NotFoundError extends AppError {
  override readonly kind: AppErrorKind = 'not-found'
}

/** The request is well-formed but cannot be carried out as asked (an empty title, a split outside the text). */
export class InvalidRequestError extends AppError {
  override readonly kind: AppErrorKind = 'invalid-arguments'
}

/** A document id nobody has: the same key everywhere. */
export function noDocument(id: string): NotFoundError {
  return new NotFoundError('errors.core.noDocument', { id }, `no document with id ${id}`)
}

export function noMeasure(id: string): NotFoundError {
  return new NotFoundError('errors.core.noMeasure', { id }, `no measure with id ${id}`)
}
