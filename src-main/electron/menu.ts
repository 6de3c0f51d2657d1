// Application menu. Labels follow the system locale (Chinese first); actions go to the renderer as routes.
import { app, Menu, type BrowserWindow } from 'electron'
import { menuTemplate, type MenuActions } from './pure/menu-template'

export function buildMenu(win: BrowserWindow, actions: Omit<MenuActions, 'navigate'>): void {
  const navigate = (route: string): void => win.webContents.send('event:app.navigate', { route })
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.getLocale(), app.isPackaged, { ...actions, navigate })))
}
