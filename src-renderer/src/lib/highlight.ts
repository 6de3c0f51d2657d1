// Splits a document text into plain and highlighted segments from measure offsets. Measures may
// overlap, so the text is cut at every boundary and each segment lists all measures covering it;
// concatenating the segments of one measure gives back exactly text.slice(start, end).
import type { Measure } from '@common/record'

export interface Segment {
  text: string
  start: number
  /** Indexes into the measures array; empty for plain text. */
  measures: number[]
}

export function segmentText(text: string, measures: readonly Pick<Measure, 'start' | 'end'>[]): Segment[] {
  const spans = measures
    .map((m, i) => ({ i, start: Math.max(0, Math.min(m.start, text.length)), end: Math.max(0, Math.min(m.end, text.length)) }))
    .filter((s) => s.end > s.start)
  const cuts = new Set<number>([0, text.length])
  for (const s of spans) {
    cuts.add(s.start)
    cuts.add(s.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: Segment[] = []
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]
    const b = points[k + 1]
    const covering = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.i)
    const prev = out[out.length - 1]
    // Merge neighbouring plain pieces so the DOM stays small.
    if (prev && covering.length === 0 && prev.measures.length === 0) prev.text += text.slice(a, b)
    else out.push({ text: text.slice(a, b), start: a, measures: covering })
  }
  return out
}
