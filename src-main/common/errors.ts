// Errors meant for the user cross the API as a key with parameters, worded by the renderer's i18n
// (the command line keeps the English message). `key` is a message path, e.g. 'errors.compare.unknownRegion'.
export type ErrorParams = Record<string, string | number>

export class AppError extends Error {
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
