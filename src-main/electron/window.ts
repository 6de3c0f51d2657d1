// The main window: isolated, sandboxed, no Node in the page, navigation and new windows refused.
import { BrowserWindow, shell, session } from 'electron'
import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../common/csp'

export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? `file://${path.join(__dirname, '../renderer/index.html')}`
}

/** True for frames that load the app itself (the only senders whose messages main accepts). */
export function isAppFrame(url: string | undefined): boolean {
  if (!url) return false
  const dev = process.env.ELECTRON_RENDERER_URL
  if (dev) return url.startsWith(dev)
  return url.startsWith(`file://${path.join(__dirname, '../renderer')}`)
}

export function createMainWindow(): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
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
      webSecurity: true,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppFrame(url)) e.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the system browser, never inside the app.
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void win.loadURL(rendererUrl())
  return win
}
