// The picker's region tree (compare.regions) flattened for search: a query matches a region's full
// name (聊城市), its short name (聊城) or the pinyin initials of the short name (lc).
import type { RegionNode } from '@common/compare'

export interface FlatRegion extends RegionNode {
  /** Names from the province down to this region, e.g. 山东省 / 聊城市. */
  path: string[]
}

export function flattenRegions(tree: readonly RegionNode[]): FlatRegion[] {
  const out: FlatRegion[] = []
  const walk = (nodes: readonly RegionNode[], path: string[]): void => {
    for (const n of nodes) {
      const here = [...path, n.name]
      out.push({ ...n, path: here })
      walk(n.children, here)
    }
  }
  walk(tree, [])
  return out
}

/** How well a region matches the query: lower is better, null means no match. */
export function rank(r: RegionNode, q: string): number | null {
  const initials = r.initials.toLowerCase()
  if (r.name === q || r.shortName === q || initials === q) return 0
  if (r.name.startsWith(q) || r.shortName.startsWith(q) || initials.startsWith(q)) return 1
  if (r.name.includes(q)) return 2
  return null
}

/** Regions matching the query, best first (exact, then prefix, then anywhere), then by document count. */
export function searchRegions(all: readonly FlatRegion[], query: string, limit = 30): FlatRegion[] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  return all
    .map((r) => ({ r, score: rank(r, q) }))
    .filter((x): x is { r: FlatRegion; score: number } => x.score !== null)
    .sort((a, b) => a.score - b.score || b.r.documents - a.r.documents || a.r.name.localeCompare(b.r.name, 'zh-CN'))
    .slice(0, limit)
    .map((x) => x.r)
}

/** Map features are named without suffix (山东, 内蒙古); the archive names regions in full. */
export function shortRegionName(name: string): string {
  return name.replace(/(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|自治州|地区|盟|省|市)$/, '') || name
}
