#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security linter) over the built app in out/. Every finding
// must be justified in build/electronegativity-justified.json (check + built file + why); anything
// else fails. Run after `npm run build`.
'use strict'
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFileSync } = require('node:child_process')

const root = path.resolve(__dirname, '..')
const out = path.join(root, 'out')
if (!fs.existsSync(path.join(out, 'main/index.js'))) {
  console.error('check-electronegativity: build first (npm run build)')
  process.exit(1)
}
const electron = require(path.join(root, 'node_modules/electron/package.json')).version
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-'))
const csv = path.join(dir, 'findings.csv')
function runTool() {
  try {
    execFileSync(process.execPath, [require.resolve('@doyensec/electronegativity/dist/index.js'), '-i', out, '-o', csv, '-r', '-v', 'false', '-e', electron], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe']
    })
  } catch (e) {
    process.stderr.write(String(e.stdout ?? '') + String(e.stderr ?? ''))
    console.error('check-electronegativity: electronegativity did not run')
    process.exit(1)
  }
}
runTool()

/** One CSV line: quoted fields may hold commas. */
function readReport() {
  return fs.readFileSync(csv, 'utf8').split(/\r?\n/).filter(Boolean).slice(1)
}

function fields(line) {
  const cells = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"'
      i++
    } else if (c === '"') quoted = !quoted
    else if (c === ',' && !quoted) {
      cells.push(cur.trim())
      cur = ''
    } else cur += c
  }
  cells.push(cur.trim())
  return cells
}

// The tool sometimes exits before its report is fully written (a line cut short): run it again then,
// rather than judging a partial list.
let lines = readReport()
for (let attempt = 1; attempt < 4 && !lines.every((l) => fields(l).length >= 5); attempt++) {
  runTool()
  lines = readReport()
}
fs.rmSync(dir, { recursive: true, force: true })
if (!lines.every((l) => fields(l).length >= 5)) {
  console.error('check-electronegativity: electronegativity wrote an incomplete report four times')
  process.exit(1)
}
const findings = lines.map(fields).map(([check, severity, confidence, file, location]) => ({ check, severity, confidence, file: file.replace(/\\/g, '/'), location }))
const { justified } = JSON.parse(fs.readFileSync(path.join(root, 'build/electronegativity-justified.json'), 'utf8'))
const unjustified = findings.filter((f) => !justified.some((j) => j.check === f.check && j.file === f.file && j.why && j.why.length > 20))
for (const f of findings) {
  const ok = !unjustified.includes(f)
  console.log(`${ok ? 'justified  ' : 'UNJUSTIFIED'} ${f.check} (${f.severity}, ${f.confidence}) ${f.file}:${f.location}`)
}
if (unjustified.length) {
  console.error(`check-electronegativity: ${unjustified.length} finding(s) not justified in build/electronegativity-justified.json`)
  process.exit(1)
}
console.log(`check-electronegativity: ${findings.length} finding(s), all justified (Electron ${electron})`)
