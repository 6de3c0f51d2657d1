import { describe, expect, it } from 'vitest'
import { accessOf, exposedTo, mayCall } from '../../../src-main/common/api/access'
import { OPERATIONS } from '../../../src-main/common/api/operations'

describe('operation access by transport', () => {
  it('never lets a page send file-system paths', () => {
    expect(mayCall('ipc', 'import.paths', { paths: ['/etc/passwd'] })).toBe(false)
    expect(mayCall('http', 'import.paths', { paths: ['/etc/passwd'] })).toBe(false)
    expect(mayCall('ipc', 'settings.update', { patch: { inboxFolder: '/home/u/.ssh' } })).toBe(false)
    expect(mayCall('http', 'settings.update', { patch: { inboxFolder: '/home/u/.ssh' } })).toBe(false)
  })

  it('lets pages turn the inbox off and change its tags', () => {
    expect(mayCall('http', 'settings.update', { patch: { inboxFolder: null } })).toBe(true)
    expect(mayCall('ipc', 'settings.update', { patch: { inboxTags: ['收件箱'] } })).toBe(true)
  })

  it('offers system dialogs only in the desktop window', () => {
    expect(mayCall('ipc', 'import.choose', {})).toBe(true)
    expect(mayCall('http', 'import.choose', {})).toBe(false)
    expect(mayCall('http', 'settings.chooseInbox', {})).toBe(false)
  })

  it('lets main itself and the command line do everything', () => {
    for (const op of OPERATIONS) expect(mayCall('local', op, { paths: ['/x'] })).toBe(true)
  })

  it('exposes to each transport exactly the operations it may call', () => {
    const ipc = exposedTo('ipc', OPERATIONS)
    const http = exposedTo('http', OPERATIONS)
    expect(ipc).not.toContain('import.paths')
    expect(ipc).toContain('import.choose')
    expect(http).not.toContain('import.choose')
    expect(http).toContain('import.files')
    // Every other operation is open to both: the default is 'any'.
    const restricted = OPERATIONS.filter((op) => accessOf(op) !== 'any')
    expect(restricted.sort()).toEqual(['import.choose', 'import.paths', 'settings.chooseInbox'])
    expect(ipc.length + restricted.filter((op) => accessOf(op) === 'local').length).toBe(OPERATIONS.length)
  })
})
