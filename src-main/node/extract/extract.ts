// Field extraction entry point. The import pipeline calls extractFields() on every document part.
// Matching runs on the simplified shadow (same length as the original), evidence is sliced
// from the original text so offsets stay valid for both scripts.
import type { ExtractedFields } from '../pipeline/types'
import { extractTitles } from './meta/title'
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
export const EXTRACTOR_VERSION = 19

export interface ExtractInput {
  text: string
  simplified: string
  fileName: string
}

export function extractFields(input: ExtractInput): ExtractedFields {
  const { text, fileName } = input
  // A shadow of the wrong length would misplace every evidence span: fall back to the text.
  // Markup left by the cleaner is masked (same length) so it never lands inside a span or name.
  const simplified = maskMarkup(input.simplified.length === text.length ? input.simplified : text)
  // The title is cut from the original text with the same masking, so its lines align.
  const { title, simplified: titleSimplified } = extractTitles(maskMarkup(text), simplified, fileName)
  const { docType, docTypeDetail } = classifyDocType(titleSimplified, simplified)
  const docNumber = extractDocNumber(text, simplified)
  // Template and report sites stamp posting dates that are not document dates: for reports only a
  // signature date counts.
  // and explainers carry posting stamps only.
  const template = docType === 'report' && /汇报|总结|范文/.test(titleSimplified)
  const date = extractDate(simplified, { minScore: template ? 10 : docType === 'guide' ? 8 : 5 })
  return {
    title,
    docType,
    docTypeDetail,
    issuer: extractIssuer(simplified, titleSimplified),
    docNumber,
    date,
    regions: detectRegions(simplified, docNumber),
    measures: extractMeasures(text, simplified, titleSimplified)
  }
}
