// Starting a worker thread by entry name: the built script next to the bundle (the caller's code may sit
// in out/main/chunks), else the source through tsx's require hook (a checkout running from source, the tests).
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

export function startWorker(name: 'pipeline-worker' | 'snapshot-worker'): Worker | null {
  for (const built of [path.join(__dirname, `${name}.js`), path.join(__dirname, '..', `${name}.js`)]) {
    if (fs.existsSync(built)) return new Worker(built)
  }
  for (const source of [path.join(__dirname, `${name}.ts`), path.join(__dirname, '../workers', `${name}.ts`)]) {
    if (fs.existsSync(source)) return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)})`, { eval: true })
  }
  return null
}
