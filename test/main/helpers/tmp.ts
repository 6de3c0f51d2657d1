import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []

/** A fresh temp folder, removed when the test file finishes. */
export function tmpDir(prefix = 'pa-test-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  made.push(d)
  return d
}

afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})
