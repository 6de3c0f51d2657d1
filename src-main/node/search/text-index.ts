// The full-text index: positional posting lists of the tokens of tokenize.ts (title first, then a
// gap, then the body), plus per-character lists (document and count only) for one-character queries.
// Documents get slots in the order they are added; a changed document is tombstoned and added again
// at a new slot, so every list stays sorted by slot. Matching is exact: a phrase matches where all
// its elements stand at their relative positions, so counts need no second pass over the text.
import { PostingPool, readAll } from './postings'
import { Lru } from './lru'
import { Hits, matchPhrase, matchPhraseRaw, type Decoded, type RawList } from './phrase'

export { Hits }
import { CharKind, charKind, normalize, spans, type PhraseElement, type SpanSink, type TermTokens } from './tokenize'

/** Memory for posting lists kept read between queries (as read for phrases; decoded for edge elements). */
const READ_CACHE_BYTES = 40 * 1024 * 1024
const DECODED_CACHE_BYTES = 16 * 1024 * 1024

/** Positions between the title and the body: no phrase spans them. */
const FIELD_GAP = 16

/** Hits of one term in one document. */
export interface TermHit {
  title: number
  body: number
}

export class TextIndex {
  readonly pool: PostingPool
  /** Token → list number; char lists are keyed "\u0001" + character. */
  readonly dict: Map<string, number>
  /** Per list: slot of its last document (delta base) and its number of documents. */
  lastSlot: Int32Array
  df: Int32Array
  /** Bigram lists by their first and by their last character (for lone characters at a phrase edge). */
  private byFirst: Map<string, number[]> | null = null
  private byLast: Map<string, number[]> | null = null
  ids: string[]
  alive: Uint8Array
  bodyStart: Int32Array
  bodyLength: Int32Array
  liveCount = 0
  totalBodyLength = 0
  /** Two-character tokens by their char codes, and character lists by code: lookups without making strings. */
  private pairs = new Map<number, number>()
  private charLists = new Map<number, number>()
  private codeMapsReady: boolean
  private scratch = new Float64Array(4096)
  private charCounts = new Uint32Array(65536)
  private rawBuf: Int32Array = new Int32Array(4096)
  /** Decoded lists by list number, least recently used first; emptied whenever a document is added. */
  private decoded = new Lru<number, Decoded>(DECODED_CACHE_BYTES)
  /** Lists read for words and phrases, by list number: the lists of common words are the costly ones, and the same words come back query after query. */
  private read = new Lru<number, RawList>(READ_CACHE_BYTES)

  constructor(state?: { pool: PostingPool; dict: Map<string, number>; lastSlot: Int32Array; df: Int32Array; ids: string[]; alive: Uint8Array; bodyStart: Int32Array; bodyLength: Int32Array }) {
    this.pool = state?.pool ?? new PostingPool()
    this.dict = state?.dict ?? new Map()
    this.lastSlot = state?.lastSlot ?? new Int32Array(1024)
    this.df = state?.df ?? new Int32Array(1024)
    this.ids = state?.ids ?? []
    const n = this.ids.length
    this.alive = state?.alive ?? new Uint8Array(1024)
    this.bodyStart = state?.bodyStart ?? new Int32Array(1024)
    this.bodyLength = state?.bodyLength ?? new Int32Array(1024)
    // A loaded index fills these on its first add (searching alone never needs them).
    this.codeMapsReady = !state
    for (let s = 0; s < n; s++) {
      if (!this.alive[s]) continue
      this.liveCount++
      this.totalBodyLength += this.bodyLength[s]
    }
  }

  get slots(): number {
    return this.ids.length
  }

  get deadCount(): number {
    return this.ids.length - this.liveCount
  }

  private pairList(code: number, key: string): number {
    const id = this.list(key)
    this.pairs.set(code, id)
    return id
  }

  private charList(code: number): number {
    const id = this.list('\u0001' + String.fromCharCode(code))
    this.charLists.set(code, id)
    return id
  }

  private list(key: string): number {
    let id = this.dict.get(key)
    if (id === undefined) {
      id = this.pool.newList()
      this.dict.set(key, id)
      if (id >= this.lastSlot.length) {
        this.lastSlot = grow(this.lastSlot, id)
        this.df = grow(this.df, id)
      }
      this.lastSlot[id] = -1
      if (key.length === 2 && key[0] !== '\u0001' && this.byFirst) {
        push(this.byFirst, key[0], id)
        push(this.byLast!, key[1], id)
      }
    }
    return id
  }

  /** Adds a document; returns its slot. `title` and `body` are in any script. */
  add(id: string, title: string, body: string): number {
    const slot = this.ids.length
    if (!this.codeMapsReady) {
      for (const [key, l] of this.dict) {
        if (key[0] === '\u0001') this.charLists.set(key.charCodeAt(1), l)
        else if (key.length === 2) this.pairs.set((key.charCodeAt(0) << 16) | key.charCodeAt(1), l)
      }
      this.codeMapsReady = true
    }
    this.dropCaches()
    this.ids.push(id)
    if (slot >= this.alive.length) {
      const a = new Uint8Array(Math.max(1024, this.alive.length * 2))
      a.set(this.alive)
      this.alive = a
      this.bodyStart = grow(this.bodyStart, slot)
      this.bodyLength = grow(this.bodyLength, slot)
    }
    // One key per occurrence, list × 2^31 + stored position (position × 2, + 1 after a separator);
    // sorted, they group by list with positions ascending, with no array or string per token.
    let keys = this.scratch
    let n = 0
    const sink = (norm: string): SpanSink => (at, len, pos, afterSep) => {
      let l: number
      if (len === 2) {
        const code = (norm.charCodeAt(at) << 16) | norm.charCodeAt(at + 1)
        l = this.pairs.get(code) ?? this.pairList(code, norm.slice(at, at + 2))
      } else l = this.list(len === 1 ? norm[at] : norm.slice(at, at + len))
      if (n === keys.length) {
        const k = new Float64Array(keys.length * 2)
        k.set(keys)
        keys = this.scratch = k
      }
      keys[n++] = l * 2147483648 + pos * 2 + (afterSep ? 1 : 0)
    }
    const tNorm = normalize(title)
    const titleEnd = spans(tNorm, sink(tNorm))
    const start = titleEnd + FIELD_GAP
    const bNorm = normalize(body)
    const end = spans(bNorm, sink(bNorm), start)
    const sorted = keys.subarray(0, n).sort()
    for (let i = 0; i < n; ) {
      const l = Math.floor(sorted[i] / 2147483648)
      let j = i
      while (j < n && Math.floor(sorted[j] / 2147483648) === l) j++
      this.pool.write(l, slot - this.lastSlot[l])
      this.pool.write(l, j - i)
      let prev = 0
      for (let k = i; k < j; k++) {
        const v = sorted[k] - l * 2147483648
        this.pool.write(l, v - prev)
        prev = v
      }
      this.lastSlot[l] = slot
      this.df[l]++
      i = j
    }
    // Character lists: count per document, low bit = the character is in the title.
    const touched: number[] = []
    countChars(tNorm, this.charCounts, touched, 1)
    countChars(bNorm, this.charCounts, touched, 0)
    for (const code of touched) {
      const v = this.charCounts[code]
      this.charCounts[code] = 0
      const l = this.charLists.get(code) ?? this.charList(code)
      this.pool.write(l, slot - this.lastSlot[l])
      this.pool.write(l, v)
      this.lastSlot[l] = slot
      this.df[l]++
    }
    this.alive[slot] = 1
    this.bodyStart[slot] = start
    this.bodyLength[slot] = end - start
    this.liveCount++
    this.totalBodyLength += end - start
    return slot
  }

  /** Empties the caches of read and decoded lists (a document was added, or a warm-up is over). */
  dropCaches(): void {
    this.decoded.clear()
    this.read.clear()
  }

  remove(slot: number): void {
    if (!this.alive[slot]) return
    this.alive[slot] = 0
    this.liveCount--
    this.totalBodyLength -= this.bodyLength[slot]
  }

  /** Every value of list `l` in a scratch buffer (valid until the next call). */
  private raw(l: number): { values: Int32Array; n: number } {
    const r = readAll(this.pool, l, this.rawBuf)
    this.rawBuf = r.values
    return r
  }

  /** Hits of a term in live slots, in slot order (into `out` when given: a query reuses one, emptied first). */
  match(term: TermTokens, out = new Hits()): Hits {
    out.n = 0
    const alive = this.alive
    if (term.single !== null) {
      const l = this.dict.get('\u0001' + term.single)
      if (l === undefined) return out
      out.reserve(this.df[l])
      const { values, n } = this.raw(l)
      let slot = -1
      for (let k = 0; k < n; k += 2) {
        slot += values[k]
        const v = values[k + 1]
        // The count covers title and body together; a title hit counts once towards the title.
        if (alive[slot]) out.push(slot, v & 1, (v >>> 1) - (v & 1))
      }
      return out
    }
    if (!term.elements.length) return out
    const e0 = term.elements[0]
    if (term.elements.length === 1 && !e0.edge) {
      // One token: its list is the answer; positions only tell title from body.
      const l = this.dict.get(e0.token)
      if (l === undefined) return out
      out.reserve(this.df[l])
      // Through the cache: a word asked alone comes back inside the next phrases (核酸, then 核酸检测).
      const { values, n } = this.readList(l)
      let slot = -1
      for (let k = 0; k < n; ) {
        slot += values[k++]
        const tf = values[k++]
        const end = k + tf
        const bodyStart = this.bodyStart[slot] * 2
        // Stored positions are position × 2 (+1 after a separator), ascending: title ones come first.
        let p = 0
        let title = 0
        for (; k < end; k++) {
          p += values[k]
          if (p >= bodyStart) break
          title++
        }
        k = end
        if (alive[slot]) out.push(slot, title, tf - title)
      }
      return out
    }
    if (term.elements.some((e) => e.edge)) return this.matchDecoded(term, out)
    const ids: number[] = []
    for (const e of term.elements) {
      const l = this.dict.get(e.token)
      if (l === undefined) return out
      ids.push(l)
    }
    matchPhraseRaw(term.elements, ids.map((l) => this.readList(l)), this.alive, this.bodyStart, out)
    return out
  }

  /**
   * A phrase matched over decoded (and cached) lists: needed where an edge element stands for several
   * lists merged; for any phrase it gives what the faster path gives (the tests hold them to each other).
   */
  matchDecoded(term: TermTokens, out = new Hits()): Hits {
    const lists = term.elements.map((e) => this.decode(this.listsFor(e)))
    if (lists.some((l) => l.n === 0)) return out
    matchPhrase(term.elements, lists, this.alive, this.bodyStart, out)
    return out
  }

  private listsFor(e: PhraseElement): number[] {
    const exact = this.dict.get(e.token)
    const out = exact === undefined ? [] : [exact]
    if (e.edge) {
      this.ensureCharMaps()
      out.push(...((e.edge === 'start' ? this.byFirst : this.byLast)!.get(e.token) ?? []))
    }
    return out
  }

  private ensureCharMaps(): void {
    if (this.byFirst) return
    this.byFirst = new Map()
    this.byLast = new Map()
    for (const [key, id] of this.dict) {
      if (key.length !== 2 || key[0] === '\u0001') continue
      push(this.byFirst, key[0], id)
      push(this.byLast, key[1], id)
    }
  }

  /** Several lists merged into one (slots ascending, positions ascending within a slot). */
  private decode(listIds: number[]): Decoded {
    const parts = listIds.map((l) => this.decodeOne(l))
    if (parts.length === 1) return parts[0]
    if (!parts.length) return { n: 0, slots: new Int32Array(0), offs: new Int32Array(1), pos: new Int32Array(0) }
    const bySlot = new Map<number, number[]>()
    for (const d of parts) {
      for (let i = 0; i < d.n; i++) {
        const arr = bySlot.get(d.slots[i]) ?? []
        for (let a = d.offs[i]; a < d.offs[i + 1]; a++) arr.push(d.pos[a])
        bySlot.set(d.slots[i], arr)
      }
    }
    const slots = [...bySlot.keys()].sort((a, b) => a - b)
    const offs = new Int32Array(slots.length + 1)
    const pos: number[] = []
    slots.forEach((s, i) => {
      pos.push(...bySlot.get(s)!.sort((a, b) => a - b))
      offs[i + 1] = pos.length
    })
    return { n: slots.length, slots: Int32Array.from(slots), offs, pos: Int32Array.from(pos) }
  }

  /** A decoded list, from the cache first. */
  private decodeOne(l: number): Decoded {
    const hit = this.decoded.get(l)
    if (hit) return hit
    const d = this.decodeList(l)
    this.decoded.set(l, d, d.pos.byteLength + d.slots.byteLength * 2)
    return d
  }

  /** A list as read from the pool (a copy sized to it, kept in the cache). */
  private readList(l: number): RawList {
    const hit = this.read.get(l)
    if (hit) return hit
    const r = this.raw(l)
    const values = r.values.slice(0, r.n)
    this.read.set(l, { values, n: r.n }, values.byteLength)
    return { values, n: r.n }
  }

  private decodeList(l: number): Decoded {
    const n = this.df[l]
    const { values, n: count } = this.raw(l)
    const slots = new Int32Array(n)
    const offs = new Int32Array(n + 1)
    // Two values per document (slot delta, count), the rest are positions.
    const pos = new Int32Array(count - 2 * n)
    let slot = -1
    let at = 0
    let k = 0
    for (let i = 0; i < n; i++) {
      slot += values[k++]
      slots[i] = slot
      const tf = values[k++]
      let p = 0
      for (let j = 0; j < tf; j++) {
        p += values[k++]
        pos[at++] = p
      }
      offs[i + 1] = at
    }
    return { n, slots, offs, pos }
  }

  /** Number of live documents a term's first list reaches (for choosing the cheapest term first). */
  listSize(token: string): number {
    const l = this.dict.get(token)
    return l === undefined ? 0 : this.df[l]
  }
}

function countChars(norm: string, counts: Uint32Array, touched: number[], inTitle: 0 | 1): void {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i)
    if (charKind(c) !== CharKind.Cjk) continue
    // (count << 1) | inTitle, so the title flag survives the body's counting.
    if (counts[c] === 0) {
      counts[c] = 2 | inTitle
      touched.push(c)
    } else counts[c] += 2
  }
}

function grow(a: Int32Array, need: number): Int32Array {
  let n = Math.max(1024, a.length * 2)
  while (n <= need) n *= 2
  const b = new Int32Array(n)
  b.set(a)
  return b
}

function push(m: Map<string, number[]>, k: string, v: number): void {
  const a = m.get(k)
  if (a) a.push(v)
  else m.set(k, [v])
}
