// Finds the built renderer: next to the built main code (out/main → out/renderer), or in a checkout's
// out/ when running from source. In a checkout without a build, builds it first (CONTRACT.md: the CLI
// "builds what it needs").
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'

export function locateRenderer(): string {
  // Built code may sit in out/main or out/main/chunks; source code in src-main/node/serve.
  const candidates = [
    path.resolve(__dirname, '../renderer'),
    path.resolve(__dirname, '../../renderer'),
    path.resolve(__dirname, '../../../out/renderer')
  ]
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'index.html')))
  if (found) return found
  const checkout = path.resolve(__dirname, '../../..')
  if (fs.existsSync(path.join(checkout, 'electron.vite.config.ts'))) {
    process.stderr.write('The interface is not built yet; building it (npm run build)…\n')
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: checkout, stdio: ['ignore', process.stderr, process.stderr] })
    const built = path.join(checkout, 'out/renderer')
    if (fs.existsSync(path.join(built, 'index.html'))) return built
  }
  throw new Error('the interface is not built (no out/renderer/index.html); run `npm run build` first')
}
