// Small archives for the compare tests: documents written through the real store path with the
// regions, date, issuer and measures a test names; each measure's evidence is a sentence of the text.
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { Archive } from '../../../src-main/node/archive/archive'
import { storeSource } from '../../../src-main/node/archive/documents-write'
import { regionByCode, allPlaces, toRef } from '../../../src-main/node/extract/regions/gazetteer'
import type { Measure, MeasureParams, RegionRef } from '../../../src-main/common/record'
import type { PipelineDocument } from '../../../src-main/node/pipeline/types'
import { tmpDir } from '../helpers/tmp'

export interface MeasureSpec {
  category: string
  level: number
  params?: MeasureParams
  target?: string | null
  lifted?: boolean
  /** The evidence sentence; made up from the category and level when absent. */
  text?: string
}

export interface DocSpec {
  /** Region codes, or "code:name" for a zone sharing its parent's code. */
  regions: string[]
  date: string | null
  issuer?: string | null
  title?: string
  measures: MeasureSpec[]
}

export async function openArchive(): Promise<Archive> {
  return Archive.open(path.join(tmpDir('pa-compare-'), 'archive'))
}

function region(key: string): RegionRef {
  const [code, name] = key.split(':')
  const place = name ? allPlaces().find((p) => p.code === code && p.name === name) : null
  const ref = place ? toRef(place) : regionByCode(code)
  if (!ref) throw new Error(`test region ${key} is not in the gazetteer`)
  return ref
}

export function addDoc(archive: Archive, spec: DocSpec): string {
  const title = spec.title ?? `${spec.regions.map((k) => region(k).name).join('、')}通告 ${randomUUID().slice(0, 8)}`
  let text = `${title}\n`
  const measures: Measure[] = spec.measures.map((m, i) => {
    const sentence = m.text ?? `第${i + 1}条：${m.category}措施，等级${m.level}${m.lifted ? '，现予解除' : ''}。`
    const start = text.length
    text += `${sentence}\n`
    return { category: m.category, level: m.level, params: m.params ?? {}, target: m.target ?? null, lifted: m.lifted ?? false, text: sentence, start, end: start + sentence.length }
  })
  const doc: PipelineDocument = {
    source: { path: `${title}.txt`, sha256: randomUUID().replace(/-/g, ''), format: 'txt', encoding: 'utf-8', part: 1, parts: 1 },
    rawText: text,
    text,
    simplified: text,
    script: 'simplified',
    removed: [],
    warnings: [],
    extractorVersion: 1,
    contentHash: randomUUID(),
    minhash: [],
    title,
    docType: 'notice',
    docTypeDetail: '通告',
    issuer: spec.issuer ?? null,
    docNumber: null,
    date: spec.date,
    regions: spec.regions.map(region),
    measures
  }
  const [o] = storeSource(archive, { path: doc.source.path, bytes: Buffer.from(text), format: 'txt', encoding: 'utf-8' }, [doc])
  return o.id
}
