// Failed calls are always shown to the user (never swallowed): the server's message, localised frame.
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/client'

type T = (key: string, values?: Record<string, unknown>) => string

/** Main's AppError is worded from its i18n key when the interface has it; else its English message. */
export function errorMessage(e: unknown, t?: T): string {
  if (t && e instanceof ApiError && e.key) {
    const worded = t(e.key, e.params)
    if (worded !== e.key) return worded
  }
  return e instanceof Error ? e.message : String(e)
}

export function showError(t: T, e: unknown): void {
  ElMessage({ type: 'error', message: t('common.error', { message: errorMessage(e, t) }), customClass: 'api-error', showClose: true, duration: 8000 })
}
