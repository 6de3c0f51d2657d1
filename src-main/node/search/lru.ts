// The caches of search (decoded lists, matched sets, result rows): a Map that keeps its most recently
// used entries within a budget (bytes, or entries when each costs 1).
export class Lru<K, V> {
  private readonly map = new Map<K, { value: V; cost: number }>()
  private used = 0

  constructor(private readonly budget: number) {}

  get(key: K): V | undefined {
    const e = this.map.get(key)
    if (!e) return undefined
    // Most recently used last: the oldest go first.
    this.map.delete(key)
    this.map.set(key, e)
    return e.value
  }

  set(key: K, value: V, cost = 1): void {
    this.delete(key)
    this.map.set(key, { value, cost })
    this.used += cost
    for (const [k, e] of this.map) {
      if (this.used <= this.budget) break
      this.map.delete(k)
      this.used -= e.cost
    }
  }

  delete(key: K): void {
    const e = this.map.get(key)
    if (!e) return
    this.map.delete(key)
    this.used -= e.cost
  }

  clear(): void {
    this.map.clear()
    this.used = 0
  }

  get size(): number {
    return this.map.size
  }
}
