// The archive is a folder. Everything the app keeps lives here, so it can be backed up or moved whole.
import path from 'node:path'

export function archiveLayout(dir: string) {
  return {
    dir,
    /** The newest snapshot of the database. */
    database: path.join(dir, 'archive.sqlite'),
    /** "sha256 seq" of archive.sqlite: detects any damage, and tells which journal records it holds. */
    databaseSum: path.join(dir, 'archive.sqlite.sum'),
    /** Older snapshots, newest first by sequence number: archive-<seq>.sqlite (+ .sum). */
    backups: path.join(dir, 'backups'),
    journal: path.join(dir, 'journal'),
    /** Original files, content-addressed by sha256, so documents can be re-extracted later. */
    originals: path.join(dir, 'originals'),
    lock: path.join(dir, 'archive.lock')
  }
}

export type ArchiveLayout = ReturnType<typeof archiveLayout>

/** Snapshots kept: the current one plus this many minus one backups. */
export const SNAPSHOTS_KEPT = 5
