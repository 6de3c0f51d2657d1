// The regions of the archive for the picker (province → city → county/district, with document counts)
// and name resolution for the command line: full names, short names (聊城), pinyin initials (lc), codes.
import type { Archive } from '../archive/archive'
import type { RegionNode } from '../../common/compare'
import { resolveRegion } from '../extract/regions/gazetteer'
import { ancestryOf, canonicalKey, initialsOf, regionOfKey, shortNameOf, type RegionId, type RegionRow } from './regions'

function node(r: RegionId): RegionNode {
  const shortName = shortNameOf(r.name)
  return { key: r.key, code: r.code, name: r.name, shortName, initials: initialsOf(shortName), level: r.level, province: r.province, documents: 0, children: [] }
}

/** Documents not in the trash and not duplicates count; a document counts once for each place above its own. */
export function regionTree(archive: Archive): RegionNode[] {
  const stored = new Map<string, RegionRow>()
  for (const r of archive.all<RegionRow>('SELECT code, name, level, province FROM regions')) stored.set(`${r.code}:${r.name}`, r)
  const lookup = (code: string, name: string | null): RegionRow | undefined => (name === null ? undefined : stored.get(`${code}:${name}`))
  const nodes = new Map<string, RegionNode>()
  const docs = new Map<string, Set<string>>()
  const chains = new Map<string, RegionId[]>()
  const rows = archive.all<{ document_id: string; region_code: string; region_name: string }>(
    `SELECT dr.document_id, dr.region_code, dr.region_name FROM document_regions dr
     JOIN documents d INDEXED BY documents_compare ON d.id = dr.document_id
     WHERE d.trashed_at IS NULL AND d.duplicate_of IS NULL`
  )
  for (const row of rows) {
    const id = `${row.region_code}:${row.region_name}`
    let chain = chains.get(id)
    if (!chain) {
      const self = regionOfKey(id, lookup)
      chain = self ? [self, ...ancestryOf(self)] : []
      chains.set(id, chain)
      for (let i = 0; i < chain.length; i++) {
        let n = nodes.get(chain[i].key)
        if (!n) nodes.set(chain[i].key, (n = node(chain[i])))
        const parent = chain[i + 1] && (nodes.get(chain[i + 1].key) ?? nodes.set(chain[i + 1].key, node(chain[i + 1])).get(chain[i + 1].key)!)
        if (parent && !parent.children.includes(n)) parent.children.push(n)
      }
    }
    for (const r of chain) {
      let set = docs.get(r.key)
      if (!set) docs.set(r.key, (set = new Set()))
      set.add(row.document_id)
    }
  }
  for (const [key, set] of docs) nodes.get(key)!.documents = set.size
  const children = new Set<RegionNode>()
  for (const n of nodes.values()) for (const c of n.children) children.add(c)
  const sort = (list: RegionNode[]): RegionNode[] => {
    list.sort((a, b) => b.documents - a.documents || a.code.localeCompare(b.code) || a.name.localeCompare(b.name))
    for (const n of list) sort(n.children)
    return list
  }
  return sort([...nodes.values()].filter((n) => !children.has(n)))
}

export function flattenTree(tree: RegionNode[]): RegionNode[] {
  const out: RegionNode[] = []
  const walk = (list: RegionNode[]): void => {
    for (const n of list) {
      out.push(n)
      walk(n.children)
    }
  }
  walk(tree)
  return out
}

/**
 * Regions a typed name may mean, best matches only: an exact name, code or key; else a short name;
 * else pinyin initials; else a prefix of a name or of initials. Regions of the archive first; a place
 * the archive does not name is looked up in the gazetteer (it may still inherit its parent's measures).
 * Several results mean the name is ambiguous.
 */
export function resolveRegionName(archive: Archive, query: string, tree: RegionNode[] = regionTree(archive)): { key: string; name: string }[] {
  const q = query.trim()
  if (!q) return []
  const lower = q.toLowerCase()
  const all = flattenTree(tree)
  const tiers: ((n: RegionNode) => boolean)[] = [
    (n) => n.name === q || n.code === q || n.key === q,
    (n) => n.shortName === q,
    (n) => /^[a-z]+$/.test(lower) && n.initials === lower,
    (n) => n.name.startsWith(q) || (/^[a-z]+$/.test(lower) && n.initials.startsWith(lower))
  ]
  for (const match of tiers) {
    const hits = all.filter(match)
    if (hits.length) return hits.map((n) => ({ key: n.key, name: n.name }))
  }
  const seen = new Set<string>()
  const out: { key: string; name: string }[] = []
  for (const r of resolveRegion(q)) {
    const key = canonicalKey(r.code, r.name)
    if (!seen.has(key)) {
      seen.add(key)
      out.push({ key, name: r.name })
    }
  }
  return out
}
