#!/usr/bin/env node
// `npm run demo`: the app on the sample archive, in the browser (serve mode). Builds if needed,
// imports seeds/ into .demo-archive/ on first run, then serves it and prints the URL to open.
'use strict'
const { spawnSync, spawn } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')
const archive = path.join(root, '.demo-archive')
const cli = (args, opts = {}) => [process.execPath, ['--import', 'tsx', path.join(root, 'src-main/node/cli/main.ts'), '--archive', archive, ...args], { cwd: root, ...opts }]

if (!fs.existsSync(path.join(root, 'out/renderer/index.html'))) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (b.status !== 0) process.exit(b.status ?? 1)
}
if (!fs.existsSync(archive)) {
  const [cmd, args, opts] = cli(['import', path.join(root, 'seeds'), '--tag', '示例'])
  const r = spawnSync(cmd, args, { ...opts, stdio: 'inherit' })
  if (r.status !== 0 && r.status !== 2) process.exit(r.status ?? 1)
}
const port = process.env.PORT ?? '5173'
const [cmd, args, opts] = cli(['serve', '--port', port])
const child = spawn(cmd, args, { ...opts, stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
