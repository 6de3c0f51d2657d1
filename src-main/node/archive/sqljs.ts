// Loads sql.js once per process. The wasm file is located next to the sql.js package, which
// electron-builder ships inside app.asar (asar reads work through Node's fs in Electron).
import initSqlJs from 'sql.js'
import type { SqlJsStatic } from 'sql.js'
import path from 'node:path'
import fs from 'node:fs'

let loading: Promise<SqlJsStatic> | null = null

function wasmPath(): string {
  const main = require.resolve('sql.js')
  return path.join(path.dirname(main), 'sql-wasm.wasm')
}

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const wasmBinary = fs.readFileSync(wasmPath())
    loading = initSqlJs({ wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer })
  }
  return loading
}
