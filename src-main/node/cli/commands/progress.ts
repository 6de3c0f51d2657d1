// Progress on stderr: a rewritten line on a terminal, an occasional plain line otherwise.
import type { ImportProgressEvent } from '../../../common/api/contract'

let shown = false

function eta(ms: number | null): string {
  if (ms === null) return '…'
  const s = Math.round(ms / 1000)
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`
}

export function progressLine(e: ImportProgressEvent | null): void {
  const tty = process.stderr.isTTY
  if (!e) {
    if (shown && tty) process.stderr.write('\n')
    shown = false
    return
  }
  const line = `${e.done}/${e.total} files · ${e.imported} imported · ${e.duplicates} duplicates · ${e.errors} errors · ${e.perSecond}/s · ${eta(e.etaMs)} left`
  if (tty) process.stderr.write(`\r\x1b[2K${line}`)
  else process.stderr.write(`${line}\n`)
  shown = true
}
