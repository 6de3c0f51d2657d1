import { describe, expect, it } from 'vitest'
import { menuTemplate } from '../../../src-main/electron/pure/menu-template'

type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number]

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [String(i.role)] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])])
}

const actions = { importPaths: () => {}, reprocess: () => {}, navigate: () => {} }

describe('application menu', () => {
  it('offers no developer tools or reload in a packaged app', () => {
    const r = roles(menuTemplate('zh-CN', true, actions))
    expect(r).not.toContain('toggleDevTools')
    expect(r).not.toContain('reload')
    expect(r).toContain('quit')
  })

  it('offers them in development', () => {
    expect(roles(menuTemplate('en-US', false, actions))).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']))
  })

  it('labels follow the system locale, Chinese first', () => {
    expect(menuTemplate('zh-TW', true, actions)[0].label).toBe('文件')
    expect(menuTemplate('de', true, actions)[0].label).toBe('File')
  })

  it('menu items navigate through the given action', () => {
    const routes: string[] = []
    const view = menuTemplate('zh-CN', true, { ...actions, navigate: (r) => routes.push(r) })[2]
    for (const item of view.submenu as MenuItemConstructorOptions[]) item.click?.({} as never, undefined, {} as never)
    expect(routes).toEqual(['/library', '/compare', '/tags', '/export'])
  })
})
