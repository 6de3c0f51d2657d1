// Field extraction entry point. The import pipeline calls extractFields() on every document part.
// Matching runs on the simplified shadow (same length as the original), evidence is sliced
// from the original text so offsets stay valid for both scripts.
import type { ExtractedFields } from '../pipeline/types'
import type { RegionRef } from '../../common/record'
import { extractTitles } from './meta/title'
import { deriveTitle } from './meta/derived-title'
import { classifyDocType } from './meta/doctype'
import { extractIssuer } from './meta/issuer'
import { extractDocNumber } from './meta/docnumber'
import { extractDate } from './meta/date'
import { detectRegions } from './regions/detect'
import { extractMeasures } from './measures/extract-measures'
import { maskMarkup } from './text'

// Region helpers for filters and comparisons (a district implies its city and province).
export { ancestorCodes, ancestorsOf, regionByCode, resolveRegion } from './regions/gazetteer'

/** Bump when extraction output changes so `reprocess` knows stored records are stale. */
export const EXTRACTOR_VERSION = 23

export interface ExtractInput {
  text: string
  simplified: string
  fileName: string
  /** One of several documents split from one file: a part without a heading gets a derived title. */
  splitPart?: boolean
}

export function extractFields(input: ExtractInput): ExtractedFields {
  const { text, fileName } = input
  // A shadow of the wrong length would misplace every evidence span: fall back to the text.
  // Markup left by the cleaner is masked (same length) so it never lands inside a span or name.
  const simplified = maskMarkup(input.simplified.length === text.length ? input.simplified : text)
  // The title is cut from the original text with the same masking, so its lines align.
  const { title, simplified: titleSimplified, heading } = extractTitles(maskMarkup(text), simplified, fileName)
  const { docType, docTypeDetail } = classifyDocType(titleSimplified, simplified)
  const docNumber = extractDocNumber(text, simplified)
  // Template and report sites stamp posting dates that are not document dates: for reports only a
  // signature date counts.
  // and explainers carry posting stamps only.
  const template = docType === 'report' && /汇报|总结|范文/.test(titleSimplified)
  const date = extractDate(simplified, { minScore: template ? 10 : docType === 'guide' ? 8 : 5, notice: docType === 'notice' })
  const regions = detectRegions(simplified, docNumber)
  const issuer = extractIssuer(simplified, titleSimplified, regions)
  // A split part without its own heading: a short derived title instead of a cut-off first sentence.
  const derived = input.splitPart && !heading ? deriveTitle({ text: maskMarkup(text), simplified, docType, docTypeDetail, issuer, place: openingPlace(simplified, regions) }) : null
  return {
    title: derived ?? title,
    ...(derived ? { titleDerived: true } : {}),
    docType,
    docTypeDetail,
    issuer,
    docNumber,
    date,
    regions,
    measures: extractMeasures(text, simplified, titleSimplified)
  }
}

/** A detected region the part names in its first lines (岳塘区始终把…), to stand in for an unnamed issuer. */
function openingPlace(simplified: string, regions: RegionRef[]): string | null {
  const head = simplified.slice(0, 120)
  const r = regions.find((x) => head.includes(x.name))
  return r ? r.name : null
}
