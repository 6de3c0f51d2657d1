// Ctrl/Cmd+Z for a view's undo (tags, bulk tagging, trash), unless the user is typing in a field or
// `blocked()` says a dialog is open. The document view has its own (it undoes that document's changes).
import { onBeforeUnmount, onMounted } from 'vue'
import { isTyping } from './useShortcuts'

export function isUndoKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z'
}

/** A dialog or message box is showing (Element Plus keeps closed ones in the page, hidden). */
export function modalOpen(): boolean {
  return [...document.querySelectorAll<HTMLElement>('.el-overlay')].some((el) => el.style.display !== 'none')
}

export function useUndoKey(undo: () => void, blocked: () => boolean = () => false): void {
  const onKey = (e: KeyboardEvent): void => {
    if (!isUndoKey(e) || isTyping(e.target) || blocked() || modalOpen()) return
    e.preventDefault()
    undo()
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
