#!/usr/bin/env node
// Offline packaging check: electron-builder cannot download Electron here, so it packs against a stub
// Electron folder (electronDist), then we assert what app.asar holds.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const os = require('node:os')
const { execFileSync } = require('node:child_process')

const root = path.resolve(__dirname, '..')
const stub = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-stub-'))
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-dist-'))
// A stub Electron distribution: the binary name electron-builder renames, and the files it copies.
fs.writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\necho stub\n', { mode: 0o755 })
fs.writeFileSync(path.join(stub, 'LICENSE'), 'stub')
fs.writeFileSync(path.join(stub, 'version'), require(path.join(root, 'node_modules/electron/package.json')).version)

if (!fs.existsSync(path.join(root, 'out/main/index.js'))) {
  console.error('check-package: build first (npm run build)')
  process.exit(1)
}
// electron-builder is verbose; its output is shown only when it fails.
try {
  execFileSync(
    process.execPath,
    [require.resolve('electron-builder/cli.js'), '--linux', 'dir', '--config', 'build/electron-builder.yml',
      `-c.electronDist=${stub}`, `-c.directories.output=${out}`, '--publish', 'never'],
    { cwd: root, stdio: 'pipe', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } }
  )
} catch (e) {
  process.stderr.write(String(e.stdout ?? '') + String(e.stderr ?? ''))
  console.error('check-package: electron-builder failed')
  process.exit(1)
}
const asarFile = path.join(out, 'linux-unpacked', 'resources', 'app.asar')
const asar = require('@electron/asar')
const files = asar.listPackage(asarFile).map((f) => f.replace(/\\/g, '/'))
const failures = []
const must = ['/out/main/index.js', '/out/main/cli.js', '/out/main/pipeline-worker.js', '/out/main/snapshot-worker.js', '/out/preload/index.js', '/out/renderer/index.html', '/node_modules/sql.js/dist/sql-wasm.wasm', '/package.json']
for (const m of must) if (!files.includes(m)) failures.push(`app.asar lacks ${m}`)
for (const f of files) if (f.startsWith('/test/') || f.startsWith('/src-main/') || f.startsWith('/src-renderer/')) failures.push(`app.asar must not hold ${f}`)
if (!files.some((f) => f.startsWith('/out/renderer/assets/'))) failures.push('app.asar holds no renderer assets')
const seeds = path.join(out, 'linux-unpacked', 'resources', 'seeds')
if (!fs.existsSync(seeds) || fs.readdirSync(seeds).length < 5) failures.push('the sample documents (resources/seeds) are missing')
const size = fs.statSync(asarFile).size
fs.rmSync(out, { recursive: true, force: true })
fs.rmSync(stub, { recursive: true, force: true })
if (failures.length) {
  for (const f of failures) console.error(`check-package: ${f}`)
  console.log('package: 0 passed, 1 failed')
  process.exit(1)
}
console.log(`check-package: app.asar holds ${files.length} entries (${(size / 1048576).toFixed(1)} MB), including ${must.join(', ')}; nothing from test/ or sources`)
