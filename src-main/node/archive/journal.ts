// Write-ahead journal for the in-memory sql.js database.
//
// Each acknowledged write is one record: [u32 length][u32 crc32][payload]. The payload is
// [u32 json length][JSON {seq, stmts, files}][file bytes…]: the exact statements the write ran, replayed
// verbatim on open, and the original files the write stored (so one fsync makes both durable; the
// originals/ copies are fsynced later, at the snapshot that lets this record go).
// Records live in segment files named by the first sequence number they may hold; a snapshot
// starts a new segment, and old segments are pruned once every retained snapshot covers them,
// so a damaged newest snapshot can still be rebuilt from an older one plus the journal.
import fs from 'node:fs'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import { ensureDir, fsyncDir, isDiskFull, writeFileAtomicSync } from './fs-durable'
import { AppError } from '../../common/errors'

export type SqlParam = string | number | null | Uint8Array
export type Statement = [sql: string, params: SqlParam[]]

export interface JournalFile {
  sha256: string
  bytes: Uint8Array
}

export interface JournalRecord {
  seq: number
  stmts: Statement[]
  files?: JournalFile[]
}

export interface JournalReadResult {
  records: JournalRecord[]
  /** Set when the last record of the last segment was cut short (a crash during a write). */
  tornTail: { segment: string; offset: number } | null
  /** Damage that is not a torn tail: a bad record in the middle of the journal. */
  problems: string[]
}

/**
 * The disk (or the user's quota) is full: the record was not kept and the segment is back at its last
 * complete record, so the change was simply not made and later writes may succeed once there is space.
 */
export class DiskFullError extends AppError {
  /** Tells Archive.write() that nothing is torn: roll back this change and keep accepting writes. */
  readonly rolledBack = true
  constructor(file: string) {
    super('errors.import.diskFull', { file }, `the disk is full (${file}); the archive is unchanged and the work can continue once space is freed`)
  }
}

const HEADER = 8
const SEGMENT_RE = /^(\d{12})\.log$/

function segmentName(firstSeq: number): string {
  return `${String(firstSeq).padStart(12, '0')}.log`
}

function encodeParam(p: SqlParam): unknown {
  return p instanceof Uint8Array ? { $b64: Buffer.from(p).toString('base64') } : p
}

function decodeParam(p: unknown): SqlParam {
  if (p && typeof p === 'object' && '$b64' in p) return new Uint8Array(Buffer.from(String((p as { $b64: string }).$b64), 'base64'))
  return p as SqlParam
}

export function encodeRecord(rec: JournalRecord): Buffer {
  const files = rec.files ?? []
  const json = Buffer.from(
    JSON.stringify({
      seq: rec.seq,
      stmts: rec.stmts.map(([sql, params]) => [sql, params.map(encodeParam)]),
      files: files.map((f) => ({ sha256: f.sha256, length: f.bytes.byteLength }))
    }),
    'utf8'
  )
  const jsonLen = Buffer.alloc(4)
  jsonLen.writeUInt32LE(json.length, 0)
  const payload = Buffer.concat([jsonLen, json, ...files.map((f) => f.bytes)])
  const head = Buffer.alloc(HEADER)
  head.writeUInt32LE(payload.length, 0)
  head.writeUInt32LE(crc32(payload), 4)
  return Buffer.concat([head, payload])
}

/** Bytes read ahead of a record's payload: enough for its JSON to begin with {"seq":N. */
const PEEK = 40

/** The sequence number at the start of a payload (JSON.stringify keeps `seq` first), or null. */
function peekSeq(start: Buffer): number | null {
  const m = /^\{"seq":(\d+)[,}]/.exec(start.toString('latin1', 4))
  return m ? Number(m[1]) : null
}

function decodePayload(payload: Buffer): JournalRecord {
  const jsonLen = payload.readUInt32LE(0)
  const raw = JSON.parse(payload.subarray(4, 4 + jsonLen).toString('utf8')) as {
    seq: number
    stmts: [string, unknown[]][]
    files?: { sha256: string; length: number }[]
  }
  let off = 4 + jsonLen
  const files = (raw.files ?? []).map((f) => {
    const bytes = new Uint8Array(payload.subarray(off, off + f.length))
    off += f.length
    return { sha256: f.sha256, bytes }
  })
  return { seq: raw.seq, stmts: raw.stmts.map(([sql, ps]) => [sql, ps.map(decodeParam)]), files }
}

export class Journal {
  private fd: number | null = null
  private current: string | null = null
  /** Bytes of complete records in the current segment: where a failed append is cut back to. */
  private size = 0
  /** Segments readAll() found damaged, with the offset of the first bad record. */
  private readonly damaged = new Map<string, number>()

  constructor(readonly dir: string) {}

  listSegments(): { file: string; firstSeq: number }[] {
    if (!fs.existsSync(this.dir)) return []
    return fs
      .readdirSync(this.dir)
      .map((f) => ({ f, m: SEGMENT_RE.exec(f) }))
      .filter((x) => x.m)
      .map((x) => ({ file: path.join(this.dir, x.f), firstSeq: Number(x.m![1]) }))
      .sort((a, b) => a.firstSeq - b.firstSeq)
  }

  /**
   * Read every record of every segment, in order. Never throws on damaged content. Records at or below
   * `skipThrough` (already in the snapshot being opened) are stepped over by their length without being
   * read, checked or decoded: opening then costs what the journal holds beyond the snapshot, not its size.
   * Reading stops after record `upTo` (a snapshot worker reads while the archive appends further on).
   */
  readAll(skipThrough = 0, upTo = Infinity): JournalReadResult {
    const segments = this.listSegments()
    const records: JournalRecord[] = []
    const problems: string[] = []
    let tornTail: JournalReadResult['tornTail'] = null
    const head = Buffer.alloc(HEADER + PEEK)
    let done = false
    this.damaged.clear()
    segments.forEach((seg, i) => {
      if (done || seg.firstSeq > upTo) return
      const fd = fs.openSync(seg.file, 'r')
      try {
        const size = fs.fstatSync(fd).size
        let off = 0
        while (off < size) {
          // A crash tears only the end of the newest segment: a record cut short, or one whose length
          // reached the disk before all of its bytes did. A bad record with more after it is damage.
          const bad = (why: string, end: number): void => {
            if (i === segments.length - 1 && end >= size) tornTail = { segment: seg.file, offset: off }
            else {
              problems.push(`journal segment ${path.basename(seg.file)} is damaged at byte ${off} (${why}); the changes recorded after that point in this segment could not be replayed`)
              this.damaged.set(seg.file, off)
            }
          }
          if (off + HEADER > size) {
            bad('incomplete record header', size)
            break
          }
          const got = fs.readSync(fd, head, 0, HEADER + PEEK, off)
          const len = head.readUInt32LE(0)
          const sum = head.readUInt32LE(4)
          if (off + HEADER + len > size) {
            bad('incomplete record', size)
            break
          }
          const seq = peekSeq(head.subarray(HEADER, Math.min(got, HEADER + len)))
          if (seq !== null && seq <= skipThrough) {
            off += HEADER + len
            continue
          }
          if (seq !== null && seq > upTo) {
            done = true
            break
          }
          const payload = Buffer.alloc(len)
          fs.readSync(fd, payload, 0, len, off + HEADER)
          if (crc32(payload) !== sum) {
            bad('checksum mismatch', off + HEADER + len)
            break
          }
          try {
            const rec = decodePayload(payload)
            if (rec.seq > upTo) {
              done = true
              break
            }
            records.push(rec)
          } catch {
            bad('unreadable record', off + HEADER + len)
            break
          }
          off += HEADER + len
        }
      } finally {
        fs.closeSync(fd)
      }
    })
    return { records, tornTail, problems }
  }

  /** Cut a torn tail off so new records follow the last good one. */
  truncateTornTail(t: { segment: string; offset: number }): void {
    fs.truncateSync(t.segment, t.offset)
  }

  /** Start writing into a segment whose records begin at `firstSeq`. */
  openSegment(firstSeq: number): void {
    ensureDir(this.dir)
    this.closeFd()
    const file = path.join(this.dir, segmentName(firstSeq))
    if (this.damaged.has(file)) this.setDamagedAside(file, this.damaged.get(file)!)
    const existed = fs.existsSync(file)
    this.fd = fs.openSync(file, 'a')
    this.size = fs.fstatSync(this.fd).size
    this.current = file
    if (!existed) fsyncDir(this.dir)
  }

  /**
   * New records must not follow a damaged one (reading stops there, so they would be lost): the
   * damaged file is kept beside as <name>.damaged-<time> and a fresh segment starts with its good part.
   */
  private setDamagedAside(file: string, goodBytes: number): void {
    const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
    // Copy, then replace atomically: if either step fails (a full disk) the segment is as it was.
    try {
      fs.copyFileSync(file, aside)
    } catch (e) {
      fs.rmSync(aside, { force: true })
      throw e
    }
    writeFileAtomicSync(file, fs.readFileSync(file).subarray(0, goodBytes))
    this.damaged.delete(file)
  }

  /**
   * Append and fsync: when this returns the record survives a crash. On a full disk the part written
   * is cut off again and DiskFullError thrown; any other failure leaves the journal in doubt (rethrown).
   */
  append(rec: JournalRecord): void {
    if (this.fd === null) {
      try {
        this.openSegment(rec.seq)
      } catch (e) {
        // Nothing was written to any record: a new segment that could not be started is simply not there.
        if (isDiskFull(e)) throw new DiskFullError(segmentName(rec.seq))
        throw e
      }
    }
    const fd = this.fd!
    const buf = encodeRecord(rec)
    try {
      let written = 0
      while (written < buf.length) written += fs.writeSync(fd, buf, written, buf.length - written)
      fs.fsyncSync(fd)
    } catch (e) {
      if (!isDiskFull(e)) throw e
      // Only a journal that ends at a complete record may take more: if cutting back fails too, the
      // original error goes up and the archive stops accepting changes until it is opened again.
      try {
        fs.ftruncateSync(fd, this.size)
        fs.fsyncSync(fd)
      } catch {
        throw e
      }
      throw new DiskFullError(path.basename(this.current ?? this.dir))
    }
    this.size += buf.length
  }

  /** Bytes in the segment being written (drives snapshot scheduling). */
  currentSize(): number {
    return this.current && fs.existsSync(this.current) ? fs.statSync(this.current).size : 0
  }

  /** Delete segments whose records are all at or below `coveredSeq`. */
  prune(coveredSeq: number): void {
    const segs = this.listSegments()
    for (let i = 0; i < segs.length - 1; i++) {
      const lastSeqInSeg = segs[i + 1].firstSeq - 1
      if (lastSeqInSeg <= coveredSeq && segs[i].file !== this.current) fs.rmSync(segs[i].file, { force: true })
    }
  }

  close(): void {
    this.closeFd()
  }

  private closeFd(): void {
    if (this.fd !== null) fs.closeSync(this.fd)
    this.fd = null
    this.current = null
  }
}
