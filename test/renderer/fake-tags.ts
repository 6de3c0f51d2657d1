// The Tags domain of the fake API (tags.*, trash.*): an in-memory model kept beside FakeApi, so
// fake-api.ts needs one hook line. Like the real service, names are the keys and a rename carries
// the subtree along.
import type { FakeApi } from './fake-api'
import type { Operation } from '@common/api/operations'
import type { TagInfo, TagRule } from '@common/tags'
import type { TrashRow } from '@common/api/contract-tags'
import { summary } from './fake-api'

export class FakeTags {
  tags: TagInfo[] = [
    { name: '防控', color: '#67c23a', count: 2, rules: 0 },
    { name: '防控/隔离', color: null, count: 3, rules: 1 },
    { name: '防控/口罩', color: null, count: 1, rules: 0 },
    { name: '出行/报备', color: null, count: 4, rules: 0 },
    { name: '重点', color: null, count: 3, rules: 0 }
  ]
  rules: TagRule[] = [{ id: 'rule01', name: '隔离词', tag: '防控/隔离', match: { kind: 'words', mode: 'any', words: ['隔离', '隔離'] }, enabled: true, applied: 3 }]
  trash: TrashRow[] = [1, 2, 3].map((i) => ({ ...summary(100 + i), trashedAt: `2026-01-0${i}T08:00:00Z` }))
  private seq = 0

  private find(name: string): TagInfo {
    const tag = this.tags.find((t) => t.name === name || t.name.startsWith(`${name}/`))
    if (!tag) throw new Error(`there is no tag "${name}"`)
    return tag
  }

  run(api: FakeApi, op: Operation, args: Record<string, unknown>): unknown {
    switch (op) {
      case 'tags.all':
        return this.tags.map((t) => ({ ...t })).sort((a, b) => (a.name < b.name ? -1 : 1))
      case 'tags.create':
        if (this.tags.some((t) => t.name === args.name)) throw Object.assign(new Error(`a tag "${String(args.name)}" already exists`), { key: 'errors.tags.exists', params: { name: args.name } })
        this.tags.push({ name: args.name as string, color: args.color as string | null, count: 0, rules: 0 })
        return this.tags.at(-1)
      case 'tags.rename': {
        const from = args.name as string
        this.find(from)
        for (const t of this.tags) if (t.name === from || t.name.startsWith(`${from}/`)) t.name = (args.to as string) + t.name.slice(from.length)
        return { count: 1 }
      }
      case 'tags.recolor':
        this.find(args.name as string).color = args.color as string | null
        return { count: 1 }
      case 'tags.merge':
      case 'tags.delete': {
        const names = (op === 'tags.merge' ? args.from : args.names) as string[]
        const before = this.tags.length
        this.tags = this.tags.filter((t) => !names.some((n) => t.name === n || t.name.startsWith(`${n}/`)))
        return { count: before - this.tags.length }
      }
      case 'tags.ofDocument':
        return (api.records.get(args.id as string)?.tags ?? []).map((name) => ({ name, color: null, origin: 'manual', rule: null }))
      case 'tags.rules.list':
        return this.rules.map((r) => ({ ...r }))
      case 'tags.rules.save': {
        const rule = { applied: 0, ...(args as Omit<TagRule, 'id' | 'applied'>), id: (args.id as string) ?? `rule${String(++this.seq).padStart(2, '0')}` }
        this.rules = [...this.rules.filter((r) => r.id !== rule.id), rule]
        return rule
      }
      case 'tags.rules.delete':
        this.rules = this.rules.filter((r) => r.id !== args.id)
        return { count: 1 }
      case 'tags.rules.run': {
        const jobId = `run-${++this.seq}`
        queueMicrotask(() => {
          api.emit('tags.progress', { jobId, done: 1, total: 2, added: 0, removed: 0, finished: false })
          api.emit('tags.progress', { jobId, done: 2, total: 2, added: 2, removed: 0, finished: true })
        })
        return { jobId }
      }
      case 'trash.list': {
        const offset = args.offset as number
        return { total: this.trash.length, rows: this.trash.slice(offset, offset + (args.limit as number)) }
      }
      case 'trash.empty': {
        const ids = args.ids as string[] | undefined
        const before = this.trash.length
        this.trash = ids ? this.trash.filter((r) => !ids.includes(r.id)) : []
        return { count: before - this.trash.length }
      }
      case 'documents.restore': {
        // The trash forgets them; FakeApi answers the call itself (undefined here).
        const ids = args.ids as string[]
        this.trash = this.trash.filter((r) => !ids.includes(r.id))
        return undefined
      }
      default:
        return undefined
    }
  }
}

const models = new WeakMap<FakeApi, FakeTags>()

/** The tags model of a fake API (made on first use). */
export function fakeTags(api: FakeApi): FakeTags {
  let m = models.get(api)
  if (!m) models.set(api, (m = new FakeTags()))
  return m
}

/** The hook FakeApi.run calls: the Tags domain's answer, or undefined for the operations it leaves to FakeApi. */
export function runTagsOp(api: FakeApi, op: Operation, args: Record<string, unknown>): unknown {
  if (!op.startsWith('tags.') && !op.startsWith('trash.') && op !== 'documents.restore') return undefined
  if (op === 'tags.list') return undefined
  return fakeTags(api).run(api, op, args)
}
