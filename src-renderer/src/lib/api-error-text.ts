// Words a failed call for the user: main's AppError key in the interface language when the
// messages know it, else main's English message.
import type { ApiError } from '@/api/client'

type T = (key: string, values?: Record<string, unknown>) => string

export function apiErrorText(t: T, te: (key: string) => boolean, e: ApiError | Error | null): string {
  if (!e) return ''
  const key = (e as ApiError).key
  return key && te(key) ? t(key, (e as ApiError).params ?? {}) : e.message
}
