// Small archive moves shared by the store's tests: a one-statement write, reading it back, and a crash.
import fs from 'node:fs'
import type { Archive } from '../../../src-main/node/archive/archive'

export const addTag = (a: Archive, name: string): void => a.write((tx) => tx.run('INSERT INTO tags (name) VALUES (?)', [name]))
export const tagNames = (a: Archive): string[] => a.all<{ name: string }>('SELECT name FROM tags ORDER BY id').map((r) => r.name)

/** Simulates a crash: the process vanishes without close() (no final snapshot, lock left behind). */
export function crash(a: Archive): void {
  const inner = a as unknown as { journal: { close(): void }; release: () => void }
  inner.journal.close()
  a.originals.close()
  a.db.close()
  inner.release()
  // A killed process leaves its lock file behind, naming a pid that no longer runs.
  fs.writeFileSync(a.layout.lock, '999999999')
}
