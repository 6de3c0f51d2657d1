// The main window: isolated, sandboxed, no Node in the page, navigation and new windows refused.
import { app, BrowserWindow, shell, session } from 'electron'
import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../common/csp'
import { isAppUrl, rendererIndexUrl, type AppLocation } from './pure/app-frame'

/** Where the app's own page lives (the built renderer, or the dev server in development). */
export function appLocation(): AppLocation {
  return { rendererDir: path.join(__dirname, '../renderer'), devUrl: process.env.ELECTRON_RENDERER_URL }
}

export function createMainWindow(): BrowserWindow {
  const loc = appLocation()
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: '防疫政策档案',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: !app.isPackaged,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url, loc)) e.preventDefault()
  })
  win.webContents.on('will-redirect', (e, url) => {
    if (!isAppUrl(url, loc)) e.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the system browser, never inside the app.
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void win.loadURL(rendererIndexUrl(loc))
  return win
}
