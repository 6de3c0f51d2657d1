// Runs the app's own import pipeline on a devset-style folder and scores it against the gold.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ExtractedFields } from '../pipeline/types'
import {
  addPRF, locateGold, nullableContains, paramsEqual, prf, scoreMeasures, scoreRegions, type PRF, type SpanItem
} from './metrics'

export interface Gold {
  id: string
  doc_type: string
  issuer: string | null
  doc_number: string | null
  date: string | null
  regions: { name: string }[]
  measures: { category: string; text: string; params?: Record<string, unknown> }[]
}

/** What the scorer needs of one processed file: part 1's metadata, the union of the rest. */
export interface Processed extends ExtractedFields {
  text: string
}

type Processor = (path: string, bytes: Uint8Array) => Promise<Processed>

function merge(parts: (ExtractedFields & { text: string })[]): Processed {
  const first = parts[0]
  let text = ''
  const measures: Processed['measures'] = []
  const regions: Processed['regions'] = []
  for (const p of parts) {
    const shift = text.length
    for (const m of p.measures) measures.push({ ...m, start: m.start + shift, end: m.end + shift })
    for (const r of p.regions) if (!regions.some((x) => x.name === r.name && x.code === r.code)) regions.push(r)
    text += p.text + '\n'
  }
  return { ...first, regions, measures, text }
}

/** The real pipeline when it loads; otherwise extractFields on the raw text with an OpenCC shadow. */
export async function makeProcessor(raw = false): Promise<{ run: Processor; mode: string }> {
  try {
    // `raw` skips the pipeline on purpose, to score extraction on uncleaned text.
    if (raw) throw new Error('raw mode requested')
    const pipeline = await import('../pipeline/pipeline')
    return {
      mode: 'pipeline',
      run: async (path, bytes) => merge(await pipeline.processInput({ path, bytes, format: 'txt' }))
    }
  } catch (err) {
    const { extractFields } = await import('../extract/extract')
    const OpenCC = (await import('opencc-js')) as unknown as {
      Converter: (o: { from: string; to: string }) => (s: string) => string
    }
    const conv = OpenCC.Converter({ from: 'tw', to: 'cn' })
    // Convert character by character so the shadow keeps the text's length exactly.
    const shadow = (t: string): string => [...t].map((c) => { const s = conv(c); return s.length === c.length ? s : c }).join('')
    return {
      mode: `fallback (${(err as Error).message.slice(0, 80)})`,
      run: async (path, bytes) => {
        const text = new TextDecoder().decode(bytes)
        const f = extractFields({ text, simplified: shadow(text), fileName: path })
        return { ...f, text }
      }
    }
  }
}

export interface DocScore {
  id: string
  regions: PRF
  measures: PRF
  paramsOk: number
  paramsTotal: number
  date: boolean
  docType: boolean
  issuer: boolean
  docNumber: boolean
  perCategory: Record<string, PRF>
  pred: Processed
  gold: Gold
  /** Indices (into pred.measures) of the predicted measures that matched, for error listings. */
  matchedPred: number[]
  missedGold: SpanItem[]
  paramErrors: string[]
}

export function scoreDoc(id: string, pred: Processed, gold: Gold): DocScore {
  const predSpans: SpanItem[] = pred.measures.map((m) => ({
    category: m.category, text: m.text, start: m.start, end: m.end, params: m.params as Record<string, unknown>
  }))
  const goldSpans: SpanItem[] = locateGold(pred.text, gold.measures.map((m) => ({ ...m })), predSpans)
  const { counts, pairs } = scoreMeasures(
    predSpans,
    goldSpans
  )
  const perCategory: Record<string, PRF> = {}
  const bump = (cat: string, k: keyof PRF): void => {
    perCategory[cat] = perCategory[cat] ?? { tp: 0, fp: 0, fn: 0 }
    perCategory[cat][k]++
  }
  for (const p of predSpans) bump(p.category, pairs.some(([x]) => x === p) ? 'tp' : 'fp')
  for (const g of goldSpans) if (!pairs.some(([, y]) => y === g)) bump(g.category, 'fn')
  const paramsOk = pairs.filter(([p, g]) => paramsEqual(p.params, g.params)).length
  return {
    id,
    regions: scoreRegions(pred.regions.map((r) => r.name), gold.regions.map((r) => r.name)),
    measures: counts,
    paramsOk,
    paramsTotal: pairs.length,
    date: pred.date === gold.date,
    docType: pred.docType === gold.doc_type,
    issuer: nullableContains(pred.issuer, gold.issuer),
    docNumber: nullableContains(pred.docNumber, gold.doc_number),
    perCategory,
    pred,
    gold,
    matchedPred: predSpans.flatMap((p, i) => (pairs.some(([x]) => x === p) ? [i] : [])),
    missedGold: goldSpans.filter((g) => !pairs.some(([, y]) => y === g)),
    paramErrors: pairs
      .filter(([p, g]) => !paramsEqual(p.params, g.params))
      .map(([p, g]) => `${g.category} ${g.text.replace(/\n/g, ' ')}: ${JSON.stringify(p.params)} ≠ ${JSON.stringify(g.params ?? {})}`)
  }
}

export interface Summary {
  docs: number
  mode: string
  regions: ReturnType<typeof prf>
  date: number
  docType: number
  issuer: number
  docNumber: number
  measures: ReturnType<typeof prf>
  params: number
  perCategory: Record<string, ReturnType<typeof prf> & PRF>
  docsPerSecond: number
}

export function summarise(scores: DocScore[], mode: string, ms: number): Summary {
  const zero: PRF = { tp: 0, fp: 0, fn: 0 }
  const n = scores.length || 1
  const cats: Record<string, PRF> = {}
  for (const s of scores) for (const [c, v] of Object.entries(s.perCategory)) cats[c] = addPRF(cats[c] ?? zero, v)
  const pt = scores.reduce((a, s) => a + s.paramsTotal, 0)
  return {
    docs: scores.length,
    mode,
    regions: prf(scores.reduce((a, s) => addPRF(a, s.regions), zero)),
    date: scores.filter((s) => s.date).length / n,
    docType: scores.filter((s) => s.docType).length / n,
    issuer: scores.filter((s) => s.issuer).length / n,
    docNumber: scores.filter((s) => s.docNumber).length / n,
    measures: prf(scores.reduce((a, s) => addPRF(a, s.measures), zero)),
    params: pt === 0 ? 1 : scores.reduce((a, s) => a + s.paramsOk, 0) / pt,
    perCategory: Object.fromEntries(Object.entries(cats).sort().map(([c, v]) => [c, { ...v, ...prf(v) }])),
    docsPerSecond: ms > 0 ? (scores.length * 1000) / ms : 0
  }
}

export async function evaluateDir(dir: string, raw = false): Promise<{ summary: Summary; scores: DocScore[] }> {
  const docsDir = join(dir, 'docs')
  const goldDir = join(dir, 'gold')
  const { run, mode } = await makeProcessor(raw)
  const scores: DocScore[] = []
  const files = readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort()
  const t0 = performance.now()
  for (const f of files) {
    const id = f.replace(/\.txt$/, '')
    const goldPath = join(goldDir, id + '.json')
    if (!existsSync(goldPath)) continue
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold
    const pred = await run(join(docsDir, f), new Uint8Array(readFileSync(join(docsDir, f))))
    scores.push(scoreDoc(id, pred, gold))
  }
  return { summary: summarise(scores, mode, performance.now() - t0), scores }
}
