// The Electron shell: window, menu, dialogs and IPC wiring only. Everything else is the Electron-free
// code under src-main/node, booted here in dependency order and shut down explicitly on quit.
import { app, BrowserWindow, dialog, ipcMain } from 'electron'
import path from 'node:path'
import fs from 'node:fs'
import { Archive } from '../node/archive/archive'
import { EventBus } from '../node/services/event-bus'
import { ApiService } from '../node/services/api-service'
import { runImport } from '../node/services/import-job'
import { defaultArchiveDir } from '../node/app-paths'
import { APP_VERSION } from '../node/version'
import { EVENTS } from '../common/api/operations'
import { appLocation, createMainWindow } from './window'
import { mayCallApi } from './pure/app-frame'
import { buildMenu } from './menu'
import { chooseSavePath, printPdf } from './export'

let archive: Archive | null = null
let api: ApiService | null = null
let win: BrowserWindow | null = null
let quitting = false

function seedsDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'seeds') : path.join(app.getAppPath(), 'seeds')
}

async function choosePaths(folders: boolean): Promise<string[]> {
  const options: Electron.OpenDialogOptions = { properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'] }
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return r.canceled ? [] : r.filePaths
}

/** The archive and the services over it, in dependency order; on the first run, the sample documents. */
async function openServices(bus: EventBus): Promise<ApiService> {
  const dir = defaultArchiveDir(app.getPath('userData'))
  const firstRun = !fs.existsSync(dir)
  archive = await Archive.open(dir)
  api = new ApiService(archive, bus, {
    mode: 'desktop',
    version: APP_VERSION,
    choosePaths,
    chooseSavePath: (name, format) => chooseSavePath(win, name, format),
    printPdf
  })
  if (firstRun && fs.existsSync(seedsDir())) {
    // The app opens on a sample archive the first time.
    await runImport(archive, 'seeds', { kind: 'paths', paths: [seedsDir()] }, ['示例'])
  }
  return api
}

async function boot(): Promise<void> {
  const bus = new EventBus()
  // The window opens at once and its first calls wait for the archive, which takes a second or two to
  // open at tens of thousands of documents; derived indexes load later, on first use.
  const ready = openServices(bus)
  const loc = appLocation()
  const forbidden = { ok: false, error: { code: 'forbidden', key: 'errors.api.forbiddenFrame', params: {}, message: 'this frame may not call the archive' } }
  ipcMain.handle('api', async (event, op: unknown, args: unknown) => {
    // Only the app's own top frame may call; anything else (an injected frame, a navigated page) is refused.
    if (!mayCallApi(event.senderFrame, loc)) return forbidden
    // 'ipc': operations that take paths are refused here (access.ts); paths arrive only as below.
    return (await ready).dispatch(String(op), args, 'ipc')
  })
  ipcMain.handle('api:dropped', async (event, paths: unknown, tags: unknown) => {
    // The preload turned the user's dropped File objects into paths; the page cannot name a path itself.
    if (!mayCallApi(event.senderFrame, loc)) return forbidden
    return (await ready).dispatch('import.paths', { paths, tags }, 'local')
  })
  bus.on((name, payload) => {
    if ((EVENTS as readonly string[]).includes(name) && win && !win.isDestroyed()) win.webContents.send(`event:${name}`, payload)
  })

  win = createMainWindow()
  // Imports interrupted by a quit or a crash continue once the window can show their progress.
  win.webContents.once('did-finish-load', () => void ready.then((a) => a.startBackgroundWork()))
  buildMenu(win, {
    importPaths: (folders) => void ready.then((a) => a.dispatch('import.choose', { folders })),
    reprocess: () => void ready.then((a) => a.dispatch('archive.reprocess', { all: false }))
  })
  win.on('closed', () => {
    win = null
  })
  await ready
}

async function shutdown(): Promise<void> {
  await api?.shutdown()
  await archive?.close()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (ev) => ev.preventDefault())
  })
  app.whenReady().then(boot).catch((e: unknown) => {
    dialog.showErrorBox('Policy Archive', `The archive could not be opened: ${(e as Error).message}`)
    app.exit(1)
  })
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (e) => {
    // Flush the archive before the process ends: a final snapshot, the lock released.
    if (quitting) return
    e.preventDefault()
    quitting = true
    shutdown().finally(() => app.quit())
  })
}
