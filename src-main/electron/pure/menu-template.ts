// The application menu as data, so what a packaged app offers can be tested without Electron:
// developer tools and reload exist only in development builds.
import type { MenuItemConstructorOptions } from 'electron'

export const MENU_LABELS = {
  zh: { file: '文件', importFiles: '导入文件…', importFolder: '导入文件夹…', reprocess: '重新处理文档', quit: '退出', edit: '编辑', view: '视图', library: '文档库', compare: '对比', tags: '标签', export: '导出', help: '帮助', about: '关于' },
  en: { file: 'File', importFiles: 'Import Files…', importFolder: 'Import Folder…', reprocess: 'Re-process Documents', quit: 'Quit', edit: 'Edit', view: 'View', library: 'Library', compare: 'Compare', tags: 'Tags', export: 'Export', help: 'Help', about: 'About' }
}

export interface MenuActions {
  importPaths: (folders: boolean) => void
  /** Re-run extraction on stored originals (after an upgrade); progress shows on the import page. */
  reprocess: () => void
  /** Ask the interface to show a route. */
  navigate: (route: string) => void
}

export function menuTemplate(locale: string, packaged: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const l = locale.startsWith('zh') ? MENU_LABELS.zh : MENU_LABELS.en
  const go = (route: string) => () => actions.navigate(route)
  const developer: MenuItemConstructorOptions[] = packaged ? [] : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }]
  return [
    {
      label: l.file,
      submenu: [
        { label: l.importFiles, accelerator: 'CmdOrCtrl+O', click: () => actions.importPaths(false) },
        { label: l.importFolder, accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importPaths(true) },
        { type: 'separator' },
        {
          label: l.reprocess,
          click: () => {
            go('/import')()
            actions.reprocess()
          }
        },
        { type: 'separator' },
        { label: l.quit, role: 'quit' }
      ]
    },
    { label: l.edit, role: 'editMenu' },
    {
      label: l.view,
      submenu: [
        { label: l.library, accelerator: 'CmdOrCtrl+1', click: go('/library') },
        { label: l.compare, accelerator: 'CmdOrCtrl+2', click: go('/compare') },
        { label: l.tags, accelerator: 'CmdOrCtrl+3', click: go('/tags') },
        { label: l.export, accelerator: 'CmdOrCtrl+4', click: go('/export') },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developer
      ]
    },
    { label: l.help, submenu: [{ label: l.about, role: 'about' }] }
  ]
}
