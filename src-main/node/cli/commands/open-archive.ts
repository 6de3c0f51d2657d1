// Opening the archive for a command: recovery notices go to stderr; a read-only command still works
// while the desktop app holds the archive (it then reads the files as they are).
import { Archive } from '../../archive/archive'
import { ArchiveLockedError } from '../../archive/lock'
import { resolveArchiveDir } from '../../app-paths'

export async function withArchive<T>(flag: string | undefined, mode: 'read' | 'write', fn: (a: Archive) => Promise<T>): Promise<T> {
  const dir = resolveArchiveDir(flag)
  let archive: Archive
  try {
    archive = await Archive.open(dir)
  } catch (e) {
    if (mode === 'read' && e instanceof ArchiveLockedError) archive = await Archive.open(dir, { readOnly: true })
    else throw e
  }
  for (const n of archive.notices) process.stderr.write(`policy-archive: ${dir}: ${n}\n`)
  try {
    return await fn(archive)
  } finally {
    await archive.close()
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
