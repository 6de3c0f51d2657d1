// Tags, their "/" hierarchy and tag rules: shapes shared by main, the command line and the interface.
import { AppError } from './errors'
import type { DocType } from './record'
import type { MeasureCategory } from './taxonomy'

/** One tag as the Tags view lists it (the hierarchy is in the name: 防控/隔离). */
export interface TagInfo {
  name: string
  color: string | null
  /** Documents (not in the trash) carrying exactly this tag. */
  count: number
  /** Rules that apply this tag. */
  rules: number
}

/** A tag on one document and how it got there. */
export interface DocumentTag {
  name: string
  color: string | null
  /** 'manual', 'import' (given to an import job), 'merge', or 'rule'. */
  origin: string
  /** The rule that applied it (null for other origins; name null when the rule was deleted since). */
  rule: { id: string; name: string | null } | null
}

export type RuleMatch =
  /** Substring semantics in either script: 疫情 fires inside 新冠疫情防控, 隔離 matches 隔离. */
  | { kind: 'words'; mode: 'any' | 'all'; words: string[] }
  | { kind: 'regex'; pattern: string; ignoreCase: boolean }
  /** A region with its sub-regions: key "code" or "code:name" as regions.search gives it. */
  | { kind: 'region'; region: string; label: string }
  | { kind: 'measure'; category: MeasureCategory; minLevel: number }
  | { kind: 'docType'; docType: DocType }
  /** Words in the issuer (either script). */
  | { kind: 'issuer'; contains: string }

export type RuleKind = RuleMatch['kind']

export interface TagRule {
  id: string
  name: string
  tag: string
  match: RuleMatch
  enabled: boolean
  /** Documents currently carrying the tag because of this rule. */
  applied: number
}

export interface RuleRunProgress {
  jobId: string
  done: number
  total: number
  added: number
  removed: number
  finished: boolean
  error?: string
}

export const TAG_COLORS = ['#409eff', '#67c23a', '#e6a23c', '#f56c6c', '#909399', '#8e5bd6', '#13a8a8', '#d4682b'] as const

/**
 * The stored form of a tag name: segments trimmed, runs of spaces folded, "／" read as "/".
 * An empty segment ("防控//隔离", "/隔离") is refused with a message naming the tag.
 */
export function normalizeTagName(raw: string): string {
  const segments = raw.replace(/／/g, '/').split('/').map((s) => s.trim().replace(/\s+/g, ' '))
  if (segments.some((s) => !s)) throw new AppError('errors.tags.badName', { name: raw }, `"${raw}" is not a tag name: a part between "/" is empty`)
  const name = segments.join('/')
  if (name.length > 64) throw new AppError('errors.tags.tooLong', { name: raw }, `the tag name "${raw}" is longer than 64 characters`)
  return name
}

/** The parent's name of "a/b/c" is "a/b"; a top-level tag has none. */
export function parentTag(name: string): string | null {
  const at = name.lastIndexOf('/')
  return at < 0 ? null : name.slice(0, at)
}

export function isSameOrDescendant(name: string, of: string): boolean {
  return name === of || name.startsWith(`${of}/`)
}

export interface TagNode {
  /** Full name (the key); `label` is the last segment. */
  name: string
  label: string
  color: string | null
  count: number
  /** Documents with this tag or any tag below it (a document counted once per tag). */
  total: number
  rules: number
  /** False for a parent that exists only because of its children's names. */
  exists: boolean
  children: TagNode[]
}

/** The "/" hierarchy as a tree; parents that are not tags themselves appear as placeholders. */
export function buildTagTree(tags: TagInfo[]): TagNode[] {
  const nodes = new Map<string, TagNode>()
  const roots: TagNode[] = []
  const nodeFor = (name: string): TagNode => {
    let n = nodes.get(name)
    if (n) return n
    n = { name, label: name.slice(name.lastIndexOf('/') + 1), color: null, count: 0, total: 0, rules: 0, exists: false, children: [] }
    nodes.set(name, n)
    const parent = parentTag(name)
    if (parent === null) roots.push(n)
    else nodeFor(parent).children.push(n)
    return n
  }
  for (const t of tags) Object.assign(nodeFor(t.name), { color: t.color, count: t.count, rules: t.rules, exists: true })
  const sum = (n: TagNode): number => (n.total = n.count + n.children.reduce((s, c) => s + sum(c), 0))
  const sort = (list: TagNode[]): void => {
    list.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
    list.forEach((n) => sort(n.children))
  }
  roots.forEach(sum)
  sort(roots)
  return roots
}
