// Stage types of the import pipeline: read → decode → clean → script → split → extract → index.
// Each stage is a small pure function over these shapes; only `read` touches the file system.
import type { DocType, Measure, RegionRef, Removed, Script, SourceFormat } from '../../common/record'

/** One logical input: a file on disk, a zip member, or pasted text. */
export interface RawInput {
  /** As given by the user (for zip members: "archive.zip!/inner/path.txt"). */
  path: string
  bytes: Uint8Array
  /** Format guessed from name and content by the reader (for zip members: the member's own format). */
  format: SourceFormat
  /** Set for zip members: the archive path on disk (the record's source.format is then 'zip-member'). */
  zipPath?: string
}

/** Limits the reader enforces against hostile or accidental inputs. */
export interface ReadLimits {
  /** Largest single file (or zip member) accepted, in bytes. */
  maxFileBytes: number
  /** Most members expanded from one zip (counting nested zips' members). */
  maxZipMembers: number
  /** Most bytes expanded from one zip in total (counting nested zips). */
  maxZipTotalBytes: number
  /** Deepest zip-in-zip nesting expanded. */
  maxZipDepth: number
  /** Largest uncompressed/compressed ratio accepted for a zip member (zip-bomb guard). */
  maxCompressionRatio: number
}

export interface DecodedText {
  text: string
  /** utf-8, gb18030, big5, utf-16le, utf-16be, … or the container format's own (docx, pdf). */
  encoding: string
  /** 0..1; below ~0.8 the document is imported with a warning the user can see. */
  confidence: number
  warnings: string[]
  /** Page furniture a container reader left out (e.g. HTML navigation around the article). */
  removed?: Removed[]
}

export interface CleanedText {
  text: string
  removed: Removed[]
  /**
   * For each entry of `removed`: about where in `text` it was (offset), so a split can give each
   * part its own removals; -1 for character-level repairs spread over the whole text.
   */
  removedAt?: number[]
}

export interface ScriptInfo {
  script: Script
  /** Simplified-script shadow of `text`, the SAME LENGTH as `text`, so offsets carry over. */
  simplified: string
}

export interface TextPart {
  text: string
  /** Offset of this part in the cleaned text of the whole file. */
  offset: number
  /** Junk removed from this part by the splitter (e.g. a link list after the last notice). */
  removed?: Removed[]
}

export interface ExtractedFields {
  title: string
  /** The title was built by the extractor (a split part without a heading), not found in the text. */
  titleDerived?: boolean
  docType: DocType
  docTypeDetail: string | null
  issuer: string | null
  docNumber: string | null
  date: string | null
  regions: RegionRef[]
  measures: Measure[]
}

/** A document as the pipeline produces it, before it is stored. */
export interface PipelineDocument extends ExtractedFields {
  source: {
    path: string
    sha256: string
    format: string
    encoding: string
    part: number
    parts: number
    /** For zip members: the member's own format (txt, docx, …). */
    memberFormat?: string
  }
  rawText: string
  text: string
  simplified: string
  /** text and simplified in the archive's stored form (text-pack.ts), when a pipeline worker prepared them. */
  packed?: { text: Uint8Array; simplified: Uint8Array | null }
  script: Script
  removed: Removed[]
  warnings: string[]
  extractorVersion: number
  /** sha256 of the normalised text: equal for exact duplicates. */
  contentHash: string
  /** MinHash signature of the normalised text, for near-duplicate detection. */
  minhash: number[]
}
