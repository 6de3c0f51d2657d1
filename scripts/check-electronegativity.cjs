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
// SARIF, not CSV: the tool writes its CSV header and body with two concurrent writes (flags w and a), so
// under load the header could truncate the body; SARIF is one write of one JSON document.
const report = path.join(dir, 'findings.sarif')
function runTool() {
  try {
    execFileSync(process.execPath, [require.resolve('@doyensec/electronegativity/dist/index.js'), '-i', out, '-o', report, '-r', '-v', 'false', '-e', electron], {
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

/** The findings, or null when the report is missing or not whole JSON. */
function readReport() {
  try {
    const sarif = JSON.parse(fs.readFileSync(report, 'utf8'))
    return sarif.runs[0].results.map((r) => {
      const loc = r.locations?.[0]?.physicalLocation ?? {}
      const region = loc.region ?? {}
      return { check: r.ruleId, severity: r.level, file: String(loc.artifactLocation?.uri ?? '').replace(/\\/g, '/'), location: `${region.startLine}:${region.startColumn}` }
    })
  } catch {
    return null
  }
}

let findings = readReport()
for (let attempt = 1; attempt < 4 && findings === null; attempt++) {
  runTool()
  findings = readReport()
}
fs.rmSync(dir, { recursive: true, force: true })
if (findings === null) {
  console.error('check-electronegativity: electronegativity wrote no readable report four times')
  process.exit(1)
}
const { justified } = JSON.parse(fs.readFileSync(path.join(root, 'build/electronegativity-justified.json'), 'utf8'))
const unjustified = findings.filter((f) => !justified.some((j) => j.check === f.check && j.file === f.file && j.why && j.why.length > 20))
for (const f of findings) {
  const ok = !unjustified.includes(f)
  console.log(`${ok ? 'justified  ' : 'UNJUSTIFIED'} ${f.check} (${f.severity}) ${f.file}:${f.location}`)
}
if (unjustified.length) {
  console.error(`check-electronegativity: ${unjustified.length} finding(s) not justified in build/electronegativity-justified.json`)
  process.exit(1)
}
console.log(`check-electronegativity: ${findings.length} finding(s), all justified (Electron ${electron})`)
