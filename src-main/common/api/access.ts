// Which transport may call which operation. Operations that take file-system paths let whoever calls
// them read any file the user can, so no page may send a path: in the desktop app paths come only from
// a dialog or a drop the user made (main and the preload hand them over), and serve refuses them.
// Every operation not listed here is 'any'.
import type { Operation } from './operations'

/**
 * 'any': every transport. 'desktop': the Electron window only (it opens a system dialog).
 * 'local': never from a page; main itself (dialogs, drops, the inbox) and the command line.
 */
export type Access = 'any' | 'desktop' | 'local'

/** Who is calling: the Electron window over IPC, a browser over serve's HTTP, or main / the CLI itself. */
export type Caller = 'ipc' | 'http' | 'local'

export const OPERATION_ACCESS: Partial<Record<Operation, Access>> = {
  'import.paths': 'local',
  'import.choose': 'desktop',
  'settings.chooseInbox': 'desktop'
}

export function accessOf(op: Operation): Access {
  return OPERATION_ACCESS[op] ?? 'any'
}

/** Arguments that carry a path even though the operation as a whole is open (turning the inbox off is fine). */
function argumentsCarryPaths(op: Operation, args: unknown): boolean {
  if (op !== 'settings.update') return false
  const patch = (args as { patch?: { inboxFolder?: unknown } } | null)?.patch
  return typeof patch?.inboxFolder === 'string'
}

/** May this caller run this operation with these arguments? */
export function mayCall(caller: Caller, op: Operation, args: unknown): boolean {
  if (caller === 'local') return true
  if (argumentsCarryPaths(op, args)) return false
  const access = accessOf(op)
  return access === 'any' || (access === 'desktop' && caller === 'ipc')
}

/** The operations a transport exposes at all (the preload builds window.api from this). */
export function exposedTo(caller: Exclude<Caller, 'local'>, ops: readonly Operation[]): Operation[] {
  return ops.filter((op) => {
    const access = accessOf(op)
    return access === 'any' || (access === 'desktop' && caller === 'ipc')
  })
}
