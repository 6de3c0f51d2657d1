// .pdf: the HTML layout printed by Chromium. The desktop app passes Electron's printToPDF; serve
// mode and the command line look for a local Chromium or Chrome, and say what to install if none.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { AppError } from '../../common/errors'

/** Prints a self-contained HTML page to PDF bytes (Electron's webContents.printToPDF in the app). */
export type PdfPrinter = (html: string) => Promise<Buffer>

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'chrome']
const FIXED = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
]
const TIMEOUT_MS = 120_000

function executable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK)
    return fs.statSync(p).isFile()
  } catch {
    return false
  }
}

/** A Chromium-family browser on this machine: $CHROMIUM_PATH, then PATH, then the usual places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH && executable(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const n of NAMES) {
      const p = path.join(dir, process.platform === 'win32' ? `${n}.exe` : n)
      if (executable(p)) return p
    }
  }
  return FIXED.find(executable) ?? null
}

/** Print with a headless Chromium found on the system. */
export function chromiumPrinter(browser: string | null = findChromium(), signal?: AbortSignal): PdfPrinter {
  return async (html) => {
    if (!browser) {
      throw new AppError(
        'errors.export.noPdfPrinter',
        {},
        'PDF export needs Chromium or Google Chrome on this machine (e.g. `apt install chromium`), or the desktop app; no browser was found (set CHROMIUM_PATH to point at one)'
      )
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-pdf-'))
    try {
      const page = path.join(dir, 'export.html')
      const out = path.join(dir, 'export.pdf')
      fs.writeFileSync(page, html)
      const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-pdf-header-footer', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${out}`, `file://${page}`]
      await new Promise<void>((resolve, reject) => {
        const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'], signal })
        let stderr = ''
        child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)))
        const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
        child.on('error', (e) => {
          clearTimeout(timer)
          reject(e)
        })
        child.on('exit', (code) => {
          clearTimeout(timer)
          if (code === 0 && fs.existsSync(out)) resolve()
          else reject(new AppError('errors.export.pdfFailed', { reason: stderr.trim().split('\n').pop() ?? `exit ${code}` }, `Chromium could not print the PDF (${stderr.trim().split('\n').pop() ?? `exit ${code}`})`))
        })
      })
      return fs.readFileSync(out)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
