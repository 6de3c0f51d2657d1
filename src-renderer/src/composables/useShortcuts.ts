// Global keys: Ctrl/Cmd+1..4 switch views (the desktop menu has the same accelerators), and `/`
// jumps to the library search box unless the user is typing somewhere.
import { nextTick, onBeforeUnmount, onMounted } from 'vue'
import type { Router } from 'vue-router'
import { NUMBERED_VIEWS } from '@/router'
import { useAppStore } from '@/stores/app'

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}

export function useShortcuts(router: Router): void {
  const app = useAppStore()
  const onKey = (e: KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && /^[1-4]$/.test(e.key)) {
      e.preventDefault()
      void router.push(NUMBERED_VIEWS[Number(e.key) - 1])
      return
    }
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
      e.preventDefault()
      // From another view, ask only once the library (and its search box) is mounted.
      if (router.currentRoute.value.name === 'library') app.requestSearchFocus()
      else void router.push('/library').then(() => nextTick(() => app.requestSearchFocus()))
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
