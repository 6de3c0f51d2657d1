// The import pipeline for one input: decode → clean → script → split → extract → fingerprint.
// Pure over its input bytes (no file system, no archive): the reader produces RawInput, the
// archive stores PipelineDocument. Every failure is an ImportError with a readable reason.
import { createHash } from 'node:crypto'
import { extractFields, EXTRACTOR_VERSION } from '../extract/extract'
import type { CleanedText, ExtractedFields, PipelineDocument, RawInput, TextPart } from './types'
import type { Measure, Removed, Script } from '../../common/record'
import { decodeInput } from './decode'
import { cleanText } from './clean'
import { classifyScript, countScriptChars, simplifiedShadow } from './script'
import { splitDocuments } from './split'
import { fingerprints } from './fingerprint'
import { ImportError, asImportError, detailOf } from './import-error'
import { readInputs } from './read'
import { readError, type ReadError } from './reasons'
import type { ReadLimits } from './types'

export { ImportError } from './import-error'
export { readInputs, rawInputFromText, DEFAULT_READ_LIMITS, isReadError } from './read'
export { decodeBytes } from './decode-text'

export interface ExtractorInput {
  text: string
  simplified: string
  fileName: string
}

export interface ProcessOptions {
  extract?: (t: ExtractorInput) => ExtractedFields
  /** Re-decode a text file with this encoding (the user's choice after a low-confidence guess). */
  encoding?: string
  /** Version recorded with the document; defaults to the built-in extractor's. */
  extractorVersion?: number
}

export function baseName(path: string): string {
  const inner = path.includes('!/') ? path.slice(path.lastIndexOf('!/') + 2) : path
  const parts = inner.split(/[\\/]/)
  return parts[parts.length - 1] || inner
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * CONTRACT.md: a measure's `text` equals `text.slice(start, end)`. Enforced here, whatever the
 * extractor did: a span that does not match is moved to where its text stands (nearest occurrence),
 * and a measure whose text is not in the document at all is dropped, with a warning.
 */
export function anchorEvidence(text: string, measures: Measure[]): { measures: Measure[]; warnings: string[] } {
  const out: Measure[] = []
  let dropped = 0
  for (const m of measures) {
    if (m.end > m.start && text.slice(m.start, m.end) === m.text) {
      out.push(m)
      continue
    }
    let best = -1
    for (let at = text.indexOf(m.text); at >= 0 && m.text; at = text.indexOf(m.text, at + 1)) {
      if (best < 0 || Math.abs(at - m.start) < Math.abs(best - m.start)) best = at
    }
    if (best >= 0) out.push({ ...m, start: best, end: best + m.text.length })
    else dropped++
  }
  return { measures: out, warnings: dropped ? [`${dropped} extracted measure(s) were dropped because their evidence could not be located in the text`] : [] }
}

/**
 * The removals that belong to part i: those located inside its span (junk after the last part
 * goes to the last part); character-level repairs spread over the file go to the first part.
 * Line-level removals keep `at`, their offset in the part's text, so a person can put them back.
 */
function removedForPart(cleaned: CleanedText, parts: TextPart[], i: number): Removed[] {
  const own = parts[i].removed ?? []
  const at = cleaned.removedAt
  const start = i === 0 || parts.length === 1 ? -Infinity : parts[i].offset
  const end = i === parts.length - 1 ? Infinity : parts[i + 1].offset
  const base = parts[i].offset
  const len = parts[i].text.length
  const mine: Removed[] = []
  cleaned.removed.forEach((r, k) => {
    const pos = at?.[k] ?? -1
    if (pos < 0) {
      if (i === 0) mine.push(r)
    } else if (pos >= start && pos < end) {
      mine.push({ ...r, at: Math.max(0, Math.min(len, pos - base)) })
    }
  })
  return [...mine, ...own]
}

/**
 * Script of a document as it was published: the junk removed from it counts too (a simplified
 * spam header on a traditional page makes the page mixed, as annotators judge it), but the
 * simplified shadow is of the cleaned text only.
 */
function scriptOf(text: string, removed: Removed[]): { script: Script; simplified: string } {
  const own = countScriptChars(text)
  const counts = { ...own }
  for (const r of removed) {
    if (r.reason === 'html') continue
    const c = countScriptChars(r.text)
    counts.traditional += c.traditional
    counts.simplified += c.simplified
  }
  return { script: classifyScript(counts), simplified: simplifiedShadow(text, own) }
}

/** What the stages after splitting make of one part: the document without its source. */
export type ProcessedPart = Omit<PipelineDocument, 'source' | 'rawText'>

/**
 * The stages after splitting, for one part: script, extraction, evidence anchoring, fingerprints.
 * Import runs them on every part; an edit (merge, split, a restored passage) runs them on the edited
 * text, so both produce documents the same way.
 */
export function processPart(part: { text: string; removed: Removed[]; fileName: string; splitPart?: boolean }, opts?: ProcessOptions): ProcessedPart {
  const extract = opts?.extract ?? extractFields
  const extractorVersion = opts?.extractorVersion ?? (opts?.extract ? 0 : EXTRACTOR_VERSION)
  const { simplified, script } = scriptOf(part.text, part.removed)
  let fields: ExtractedFields
  try {
    fields = extract({ text: part.text, simplified, fileName: part.fileName, splitPart: part.splitPart })
  } catch (err) {
    throw new ImportError('extractFailed', { detail: detailOf(err) }, { cause: err })
  }
  const evidence = anchorEvidence(part.text, fields.measures)
  return {
    ...fields,
    measures: evidence.measures,
    text: part.text,
    simplified,
    script,
    removed: part.removed,
    warnings: evidence.warnings,
    extractorVersion,
    ...fingerprints(part.text, simplified)
  }
}

export async function processInput(input: RawInput, opts?: ProcessOptions): Promise<PipelineDocument[]> {
  const sha256 = sha256Hex(input.bytes)
  let decoded
  try {
    decoded = await decodeInput(input, opts?.encoding)
  } catch (err) {
    throw asImportError(err, 'unreadable')
  }
  const cleaned = cleanText(decoded.text)
  if (decoded.removed?.length) {
    // What the container reader left out (HTML page furniture) counts as removed junk too.
    cleaned.removed.unshift(...decoded.removed)
    cleaned.removedAt?.unshift(...decoded.removed.map(() => -1))
  }
  const parts = splitDocuments(cleaned.text)
  const fileName = baseName(input.path)
  const docs: PipelineDocument[] = []
  for (let i = 0; i < parts.length; i++) {
    const removed = removedForPart(cleaned, parts, i)
    const processed = processPart({ text: parts[i].text, removed, fileName, splitPart: parts.length > 1 }, opts)
    docs.push({
      ...processed,
      source: {
        path: input.path,
        sha256,
        format: input.zipPath ? 'zip-member' : input.format,
        encoding: decoded.encoding,
        part: i + 1,
        parts: parts.length,
        ...(input.zipPath ? { memberFormat: input.format } : {})
      },
      rawText: decoded.text,
      warnings: [...decoded.warnings, ...processed.warnings]
    })
  }
  return docs
}

export type PathResult = { path: string; docs: PipelineDocument[] } | ReadError

/**
 * Read and process files and folders: one result per input file or zip member, either its
 * documents or one error with a readable reason. Never throws for a bad input.
 */
export async function* processPaths(
  paths: string[],
  opts?: ProcessOptions & { limits?: Partial<ReadLimits> }
): AsyncGenerator<PathResult> {
  for await (const item of readInputs(paths, opts?.limits)) {
    if ('error' in item) {
      yield item
      continue
    }
    try {
      yield { path: item.path, docs: await processInput(item, opts) }
    } catch (err) {
      const e = asImportError(err, 'unprocessable')
      yield readError(item.path, e.reasonCode, e.params)
    }
  }
}
