// Original files, content-addressed by sha256, so documents can be re-extracted later by a newer
// extractor. New copies go into pack files (original-packs.ts); archives written before packs keep
// theirs as originals/<sha256>, which stay readable. A copy is written after the journal record that
// carries the same bytes, and synced before that record may be pruned (flush()).
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { PackWriter, readEntry, readEntrySync, scanPacks, type PackEntry } from './original-packs'

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export class Originals {
  private index: Map<string, PackEntry> | null = null
  private writer: PackWriter | null = null
  private unreadable: { pack: string; offset: number }[] = []
  private damagedHeaders: { pack: string; offset: number; resumedAt: number | null }[] = []
  /** sha256s stored one file each by versions before packs, listed once: no file system call per lookup. */
  private legacy = new Set<string>()

  constructor(
    readonly dir: string,
    private readonly readOnly = false
  ) {}

  /** Where an archive from before pack files kept the original. */
  private legacyPath(sha256: string): string {
    return path.join(this.dir, sha256)
  }

  private packs(): Map<string, PackEntry> {
    if (!this.index) {
      const scan = scanPacks(this.dir)
      this.index = scan.entries
      this.unreadable = scan.unreadable
      this.damagedHeaders = scan.damaged
      this.legacy = scan.legacy
      if (!this.readOnly) {
        // Nothing after a pack's first unreadable byte can be reached, and later sessions write new packs.
        for (const d of this.unreadable) fs.truncateSync(d.pack, d.offset)
        this.writer = new PackWriter(this.dir, scan.lastNumber)
      }
    }
    return this.index
  }

  /** Packs whose end could not be read (a copy cut short when a process was killed); cut off when writable. */
  get damagedPacks(): readonly { pack: string; offset: number }[] {
    this.packs()
    return this.unreadable
  }

  has(sha256: string): boolean {
    return this.packs().has(sha256) || this.legacy.has(sha256)
  }

  /**
   * Copy bytes that are already durable in a journal record, without fsync: flush() runs before that
   * record may be pruned, and opening the archive restores a missing or torn copy from it.
   */
  copyLater(sha256: string, bytes: Uint8Array, onError: (e: Error) => void): void {
    if (this.has(sha256)) return
    try {
      this.append(sha256, bytes)
    } catch (e) {
      onError(e as Error)
    }
  }

  private append(sha256: string, bytes: Uint8Array): void {
    const index = this.packs()
    if (!this.writer) throw new Error('the archive is open read-only')
    index.set(sha256, this.writer.append(sha256, bytes))
  }

  /** Files a killed process left half-written by the per-file layout of earlier versions. */
  sweepTemporaries(): number {
    if (!fs.existsSync(this.dir)) return 0
    const stale = fs.readdirSync(this.dir).filter((f) => f.includes('.tmp-'))
    for (const f of stale) fs.rmSync(path.join(this.dir, f), { force: true })
    return stale.length
  }

  /** The stored bytes, or null when there are none. */
  private bytesSync(sha256: string): Uint8Array | null {
    const entry = this.packs().get(sha256)
    if (entry) return readEntrySync(entry)
    const legacy = this.legacyPath(sha256)
    return this.legacy.has(sha256) && fs.existsSync(legacy) ? new Uint8Array(fs.readFileSync(legacy)) : null
  }

  /** True when the stored copy is present and intact. */
  intact(sha256: string): boolean {
    const bytes = this.bytesSync(sha256)
    return bytes !== null && sha256Of(bytes) === sha256
  }

  /** Replace a missing or damaged copy with the journal's bytes (a newer pack entry wins). */
  restore(sha256: string, bytes: Uint8Array): boolean {
    if (this.intact(sha256)) return false
    this.append(sha256, bytes)
    return true
  }

  /** fsync everything copied since the last flush; the copies' journal records may go after this. */
  async flush(): Promise<void> {
    await this.writer?.sync()
  }

  close(): void {
    this.writer?.close()
  }

  async read(sha256: string): Promise<Uint8Array> {
    const entry = this.packs().get(sha256)
    if (entry) return readEntry(entry)
    return new Uint8Array(await fs.promises.readFile(this.legacyPath(sha256)))
  }

  /** Null when sound, else why not (naming the pack file, so a person knows which file is damaged). */
  verify(sha256: string): string | null {
    const entry = this.packs().get(sha256)
    const bytes = this.bytesSync(sha256)
    const where = entry ? ` in originals/${path.basename(entry.pack)}` : ''
    if (!bytes) {
      const damage = this.damagedHeaders.map((d) => `originals/${path.basename(d.pack)} is damaged at byte ${d.offset}`)
      return `original file ${sha256.slice(0, 12)}…${where} is missing${damage.length ? ` (${damage.join('; ')})` : ''}`
    }
    return sha256Of(bytes) === sha256 ? null : `original file ${sha256.slice(0, 12)}…${where} is damaged (its content no longer matches its hash)`
  }
}
