#!/usr/bin/env node
// `policy-archive` where the package is installed: runs the built command line (out/main/cli.js).
'use strict'
const path = require('node:path')
const fs = require('node:fs')

const built = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (!fs.existsSync(built)) {
  process.stderr.write('policy-archive: the command line is not built; run `npm run build` (or use `npm run cli -- …` in a checkout)\n')
  process.exit(1)
}
require(built)
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code
  })
