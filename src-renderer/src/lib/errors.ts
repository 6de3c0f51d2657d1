// Failed calls are always shown to the user (never swallowed): the server's message, localised frame.
import { ElMessage } from 'element-plus'

type T = (key: string, values?: Record<string, unknown>) => string

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

export function showError(t: T, e: unknown): void {
  ElMessage({ type: 'error', message: t('common.error', { message: errorMessage(e) }), customClass: 'api-error', showClose: true, duration: 8000 })
}
