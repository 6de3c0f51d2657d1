// E2E harness: a real `serve` process on a temp archive, driven by Debian Chromium through playwright-core.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

export const ROOT = path.resolve(__dirname, '../..')
const ENTRY = path.join(ROOT, 'src-main/node/cli/main.ts')
export const SHOTS = path.join(ROOT, 'test-results')

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export interface Served {
  url: string
  origin: string
  archive: string
  stop(): Promise<void>
}

/** Imports `seedDir` (if given) into a fresh archive and serves it. */
export async function serveArchive(seedDir?: string): Promise<Served> {
  if (!fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) throw new Error('run `npm run build` before the e2e tests')
  const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-e2e-'))
  if (seedDir) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, '--archive', archive, 'import', seedDir], { cwd: ROOT, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`seed import failed: ${r.stderr}`)
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY, '--archive', archive, 'serve'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d) => {
      out += d
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out)
      if (m) resolve(m[0])
    })
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  return {
    url,
    origin: new URL(url).origin,
    archive,
    stop: async () => {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      fs.rmSync(archive, { recursive: true, force: true })
    }
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true })
}

/** A page that fails the test on console errors and CSP violations. */
export async function newPage(browser: Browser, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  return page
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true })
  const file = path.join(SHOTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: false })
  return file
}

/**
 * A served archive and a browser for the tests of one file: started before them, stopped after.
 * Returns an accessor, since both exist only once beforeAll has run.
 */
export function useSession(seedDir?: string): () => { served: Served; browser: Browser } {
  let served: Served | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    served = await serveArchive(seedDir)
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })
  return () => {
    if (!served || !browser) throw new Error('the e2e session has not started')
    return { served, browser }
  }
}
