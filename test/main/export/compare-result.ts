// A CompareResult built by hand from the fixture's records: writer tests need a matrix without
// depending on the compare engine's rules (which its own tests cover).
import type { CompareCell, CompareResult } from '../../../src-main/common/compare'
import type { MeasureCategory } from '../../../src-main/common/taxonomy'
import { getRecord } from '../../../src-main/node/archive/documents-read'
import type { Fixture } from './fixture'

export function handMadeResult(f: Fixture, asOf = '2022-11-20'): CompareResult {
  const cells: CompareCell[] = []
  const regions = f.ids.map((id) => {
    const rec = getRecord(f.archive, id)!
    const r = rec.regions[0]
    const seen = new Set<string>()
    for (const m of rec.measures) {
      if (seen.has(m.category)) continue
      seen.add(m.category)
      cells.push({
        region: r.code, regionKey: r.code, category: m.category as MeasureCategory, level: m.level, params: m.params, target: m.target, lifted: m.lifted,
        text: m.text, start: m.start, end: m.end, measureId: m.id!, documentId: id, title: rec.title, docNumber: rec.docNumber, issuer: rec.issuer,
        date: rec.date, documents: 1, documentIds: [id], inherited: null
      })
    }
    return { key: r.code, code: r.code, name: r.name, level: r.level, province: r.province, index: 40 + cells.length, indexCategories: [] }
  })
  const categories = [...new Set(cells.map((c) => c.category))]
  const rows = categories.map((category) => {
    const cs = cells.filter((c) => c.category === category)
    const max = Math.max(...cs.map((c) => c.level))
    const min = Math.min(...cs.map((c) => c.level))
    const differs = cs.length > 1 && max !== min
    return {
      category,
      strictest: differs ? cs.filter((c) => c.level === max).map((c) => c.regionKey) : [],
      loosest: differs ? cs.filter((c) => c.level === min).map((c) => c.regionKey) : [],
      differs,
      difference: differs ? `${regions[0].name}与${regions[1].name}要求不同` : null
    }
  })
  return { asOf, regions, categories, cells, rows, undated: [] }
}
