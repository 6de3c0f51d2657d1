// The compare operations of the fake API: a tiny in-memory engine over a handful of dated
// measures, enough for the store and components to be driven through real contract calls.
import type { CompareCell, CompareResult, CompareRow, CompareSet, RegionNode, TimelineSeries, UndatedMeasure } from '@common/compare'
import type { MeasureParams } from '@common/record'
import type { MeasureCategory } from '@common/taxonomy'

function node(key: string, name: string, shortName: string, initials: string, level: RegionNode['level'], province: string, documents: number, children: RegionNode[] = []): RegionNode {
  return { key, code: key.slice(0, 6), name, shortName, initials, level, province, documents, children }
}

export const TREE: RegionNode[] = [
  node('370000', '山东省', '山东', 'sd', 'province', '山东省', 3, [node('371500', '聊城市', '聊城', 'lc', 'city', '山东省', 2), node('370100', '济南市', '济南', 'jn', 'city', '山东省', 1)]),
  node('140000', '山西省', '山西', 'sx', 'province', '山西省', 1, [node('140100', '太原市', '太原', 'ty', 'city', '山西省', 1)]),
  node('220000', '吉林省', '吉林', 'jl', 'province', '吉林省', 2, [node('220100', '长春市', '长春', 'cc', 'city', '吉林省', 1)])
]

interface FakeMeasure {
  region: string
  category: MeasureCategory
  level: number
  params: MeasureParams
  target: string | null
  date: string | null
  doc: string
  title: string
  text: string
}

// Each document's text is its evidence sentence, so start is 0 and end its length.
export const MEASURES: FakeMeasure[] = [
  { region: '371500', category: 'testing', level: 3, params: { hours: 48 }, target: '返聊人员', date: '2022-03-01', doc: 'doclc0001', title: '聊城市关于返聊人员的通告', text: '返聊人员须持48小时核酸阴性证明。' },
  { region: '371500', category: 'quarantine', level: 4, params: { days: 14 }, target: '入境人员', date: '2022-03-01', doc: 'doclc0001', title: '聊城市关于返聊人员的通告', text: '入境人员实行14天集中隔离。' },
  { region: '371500', category: 'testing', level: 2, params: { hours: 72 }, target: null, date: '2022-06-01', doc: 'doclc0002', title: '聊城市调整防控措施的通告', text: '查验72小时核酸阴性证明。' },
  { region: '140100', category: 'testing', level: 2, params: { hours: 72 }, target: null, date: '2022-02-10', doc: 'docty0001', title: '太原市疫情防控通告', text: '持72小时核酸阴性证明。' },
  { region: '140100', category: 'quarantine', level: 4, params: { days: 14 }, target: '入境人员', date: '2022-02-10', doc: 'docty0001', title: '太原市疫情防控通告', text: '入境人员14天集中隔离。' },
  { region: '220000', category: 'gatherings', level: 3, params: { people: 50 }, target: null, date: '2022-03-05', doc: 'docjl0001', title: '吉林省疫情防控指挥部通告', text: '暂停50人以上聚集性活动。' },
  { region: '220000', category: 'testing', level: 1, params: {}, target: null, date: null, doc: 'docjl0002', title: '吉林省防控工作汇报', text: '有序开展核酸检测。' }
]

const PARENT: Record<string, string> = { '371500': '370000', '370100': '370000', '140100': '140000', '220100': '220000' }

export class FakeCompare {
  sets: CompareSet[] = []
  private seq = 0

  private find(key: string): RegionNode {
    const walk = (nodes: RegionNode[]): RegionNode | undefined => nodes.map((n) => (n.key === key ? n : walk(n.children))).find(Boolean)
    const n = walk(TREE)
    if (!n) throw new Error(`unknown region ${key}`)
    return n
  }

  private cell(key: string, category: MeasureCategory, asOf: string): CompareCell | null {
    for (const [region, inherited] of [[key, null], [PARENT[key], PARENT[key]]] as const) {
      if (!region) continue
      const m = MEASURES.filter((x) => x.region === region && x.category === category && x.date !== null && x.date <= asOf).sort((a, b) => b.date!.localeCompare(a.date!))[0]
      if (!m) continue
      const parent = inherited ? this.find(inherited) : null
      return {
        region: key.slice(0, 6), regionKey: key, category, level: m.level, params: m.params, target: m.target, lifted: false, text: m.text, start: 0, end: m.text.length,
        measureId: `${m.doc}-${category}`, documentId: m.doc, title: m.title, docNumber: '〔2022〕1号', issuer: null, date: m.date, documents: 1, documentIds: [m.doc],
        inherited: parent ? { code: parent.code, name: parent.name } : null,
        scope: 'own'
      }
    }
    return null
  }

  run(regions: string[], asOf: string | null): CompareResult {
    const date = asOf ?? '2099-12-31'
    const nodes = regions.map((k) => this.find(k))
    const categories = [...new Set(MEASURES.map((m) => m.category))]
    const cells = regions.flatMap((k) => categories.map((c) => this.cell(k, c, date)).filter((c): c is CompareCell => c !== null))
    const rows: CompareRow[] = categories.map((category) => {
      const levels = regions.map((k) => cells.find((c) => c.regionKey === k && c.category === category)?.level ?? 0)
      const max = Math.max(...levels)
      const min = Math.min(...levels)
      const differs = max !== min
      const name = (i: number): string => nodes[i].name
      return {
        category,
        differs,
        strictest: differs ? regions.filter((_, i) => levels[i] === max) : [],
        loosest: differs ? regions.filter((_, i) => levels[i] === min) : [],
        difference: differs ? `${name(levels.indexOf(max))}要求更严，${name(levels.indexOf(min))}较宽松` : null
      }
    })
    const undated: UndatedMeasure[] = MEASURES.filter((m) => m.date === null && regions.includes(m.region)).map((m) => ({
      regionKey: m.region, category: m.category, level: m.level, params: m.params, target: m.target, lifted: false, text: m.text, start: 0, end: m.text.length, measureId: `${m.doc}-u`, documentId: m.doc, title: m.title
    }))
    return {
      asOf,
      effectiveAsOf: date,
      regions: nodes.map((n) => {
        const mine = cells.filter((c) => c.regionKey === n.key && c.category !== 'testing')
        return { key: n.key, code: n.code, name: n.name, level: n.level, province: n.province, index: mine.length ? Math.round((mine.reduce((s, c) => s + c.level, 0) / mine.length) * 25) : null, indexCategories: mine.map((c) => c.category) }
      }),
      categories,
      cells,
      rows,
      undated
    }
  }

  timeline(regions: string[]): TimelineSeries[] {
    return regions.flatMap((key) =>
      [...new Set(MEASURES.map((m) => m.category))].map((category) => ({
        regionKey: key,
        category,
        steps: MEASURES.filter((m) => m.region === key && m.category === category && m.date)
          .sort((a, b) => a.date!.localeCompare(b.date!))
          .map((m) => ({ date: m.date!, level: m.level, lifted: false, measureId: `${m.doc}-${category}`, documentId: m.doc, title: m.title }))
      }))
    )
  }

  handle(op: string, args: Record<string, unknown>): unknown {
    switch (op) {
      case 'compare.regions':
        return TREE
      case 'compare.run':
        return this.run(args.regions as string[], args.asOf as string | null)
      case 'compare.timeline':
        return this.timeline(args.regions as string[])
      case 'compare.map':
        return TREE.map((p) => ({ code: p.code, name: p.name, value: p.key === '370000' ? 3 : null }))
      case 'compare.sets.list':
        return this.sets.map((s) => ({ ...s }))
      case 'compare.sets.save': {
        const a = args as unknown as Omit<CompareSet, 'id' | 'updatedAt'> & { id?: string }
        if (a.current) this.sets.forEach((s) => (s.current = false))
        const existing = a.id ? this.sets.find((s) => s.id === a.id) : undefined
        if (a.id && !existing) throw Object.assign(new Error(`no comparison set with id ${a.id}`), { code: 'not-found' })
        const set: CompareSet = { id: a.id ?? `set${++this.seq}`, name: a.name, regions: a.regions, asOf: a.asOf, current: a.current, updatedAt: '2026-01-01T00:00:00Z' }
        this.sets = existing ? this.sets.map((s) => (s.id === set.id ? set : s)) : [...this.sets, set]
        return set
      }
      case 'compare.sets.delete': {
        const before = this.sets.length
        this.sets = this.sets.filter((s) => s.id !== args.id)
        return { count: before - this.sets.length }
      }
      default:
        throw new Error(`unknown compare operation ${op}`)
    }
  }
}
