// The desktop side of exports: the save dialog (opening in the folder used last time) and PDF
// printing of the export's HTML layout in a hidden, script-less window.
import { app, BrowserWindow, dialog } from 'electron'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ExportFormat } from '../common/export'

const FILTERS: Record<ExportFormat, Electron.FileFilter> = {
  docx: { name: 'Word', extensions: ['docx'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  md: { name: 'Markdown', extensions: ['md'] },
  json: { name: 'JSON', extensions: ['json'] },
  pdf: { name: 'PDF', extensions: ['pdf'] }
}

function memoFile(): string {
  return path.join(app.getPath('userData'), 'last-export-folder.json')
}

function lastFolder(): string {
  try {
    const { folder } = JSON.parse(fs.readFileSync(memoFile(), 'utf8')) as { folder?: string }
    if (folder && fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return folder
  } catch {
    // First export, or an unreadable note: start in Documents.
  }
  return app.getPath('documents')
}

export async function chooseSavePath(win: BrowserWindow | null, suggestedName: string, format: ExportFormat): Promise<string | null> {
  const options: Electron.SaveDialogOptions = { defaultPath: path.join(lastFolder(), suggestedName), filters: [FILTERS[format]], properties: ['showOverwriteConfirmation', 'createDirectory'] }
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  if (r.canceled || !r.filePath) return null
  try {
    fs.writeFileSync(memoFile(), JSON.stringify({ folder: path.dirname(r.filePath) }))
  } catch {
    // Not remembering the folder is no reason to fail the export.
  }
  return r.filePath
}

/** Electron's printToPDF of a self-contained page; @page rules in its CSS give size and margins. */
export async function printPdf(html: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-print-'))
  const file = path.join(dir, 'export.html')
  const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } })
  try {
    fs.writeFileSync(file, html)
    await win.loadFile(file)
    return await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true })
  } finally {
    win.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
