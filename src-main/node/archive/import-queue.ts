// The import queue's records: which jobs are unfinished and which of their files are done. Written in
// the same durable write as the documents, so after a crash a job resumes exactly where it stopped.
import path from 'node:path'
import type { Archive, Tx } from './archive'

export interface QueuedJob {
  id: string
  paths: string[]
  tags: string[]
  display: Record<string, string>
}

export function createJob(archive: Archive, job: QueuedJob): void {
  archive.write((tx) =>
    tx.run('INSERT INTO import_jobs (id, created_at, paths_json, tags_json, display_json) VALUES (?, ?, ?, ?, ?)', [
      job.id, new Date().toISOString(), JSON.stringify(job.paths), JSON.stringify(job.tags), JSON.stringify(job.display)
    ])
  )
}

export function recordFiles(tx: Tx, jobId: string, files: { path: string; outcome: string; reason?: string }[]): void {
  for (const f of files) {
    tx.run('INSERT OR REPLACE INTO import_job_files (job_id, path, outcome, reason) VALUES (?, ?, ?, ?)', [jobId, f.path, f.outcome, f.reason ?? null])
  }
}

export function finishJob(archive: Archive, jobId: string, status: 'done' | 'cancelled'): void {
  archive.write((tx) => {
    tx.run('UPDATE import_jobs SET status = ?, finished_at = ? WHERE id = ?', [status, new Date().toISOString(), jobId])
    // The per-file list only serves resuming; a finished job needs only its summary row.
    tx.run('DELETE FROM import_job_files WHERE job_id = ?', [jobId])
  })
}

export function unfinishedJobs(archive: Archive): QueuedJob[] {
  return archive
    .all<{ id: string; paths_json: string; tags_json: string; display_json: string }>("SELECT * FROM import_jobs WHERE status = 'running' ORDER BY created_at")
    .map((r) => ({ id: r.id, paths: JSON.parse(r.paths_json), tags: JSON.parse(r.tags_json), display: JSON.parse(r.display_json) }))
}

/** An unfinished job for the same paths (resolved against `cwd`) and tags: the command line resumes it. */
export function findUnfinished(archive: Archive, paths: string[], tags: string[], cwd = process.cwd()): QueuedJob | undefined {
  const key = (ps: string[]): string => JSON.stringify(ps.map((p) => path.resolve(cwd, p)))
  return unfinishedJobs(archive).find((j) => key(j.paths) === key(paths) && JSON.stringify(j.tags) === JSON.stringify(tags))
}

export function doneFiles(archive: Archive, jobId: string): Set<string> {
  return new Set(archive.all<{ path: string }>('SELECT path FROM import_job_files WHERE job_id = ?', [jobId]).map((r) => r.path))
}
