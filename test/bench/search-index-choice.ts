// `npx tsx test/bench/search-index-choice.ts [N]`: the measurement behind the search index's design.
// The same N generated notices indexed two ways: (a) our positional index kept beside the database
// (src-main/node/search), (b) an FTS4 table of pre-tokenised character pairs inside the sql.js
// database. Prints build time, size, open time, query time and memory of each as JSON.
import { loadSqlJs } from '../../src-main/node/archive/sqljs'
import { TextIndex } from '../../src-main/node/search/text-index'
import { encodeImage, decodeImage } from '../../src-main/node/search/persist'
import { parseQuery } from '../../src-main/node/search/query'
import { normalize, tokenize } from '../../src-main/node/search/tokenize'
import { noticeFor } from './generate-corpus'
import { BENCH_QUERIES } from './search-queries'

const mb = (n: number): number => Math.round((n / 1048576) * 10) / 10
const pct = (xs: number[], p: number): number => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] * 100) / 100

/** FTS4's simple tokenizer splits on ASCII punctuation and spaces: tokens joined by spaces, "x0" where a separator stood. */
function ftsText(text: string): string {
  const out: string[] = []
  let last = -1
  tokenize(normalize(text), (tok, pos) => {
    if (last >= 0 && pos > last + 1) out.push('x0')
    out.push(tok)
    last = pos
  })
  return out.join(' ')
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 5000)
  const texts = Array.from({ length: n }, (_, i) => noticeFor(i))
  const queries = BENCH_QUERIES.filter((q) => !q.filter && q.query && !/ OR | -/.test(q.query)).map((q) => q.query)
  global.gc?.()

  // (a) our index
  const h0 = process.memoryUsage().heapUsed
  let t = performance.now()
  const index = new TextIndex()
  texts.forEach((x, i) => index.add(`d${i}`, x.slice(0, x.indexOf('\n')), x))
  const ourBuild = performance.now() - t
  const img = encodeImage({ index, meta: texts.map(() => null), changeSeq: 0 })
  t = performance.now()
  decodeImage(img)
  const ourOpen = performance.now() - t
  let ourMatches = 0
  const ourTimes = queries.map((q) => {
    const s = performance.now()
    for (const g of parseQuery(q).groups) for (const term of g) ourMatches += index.match(term.tokens).n
    return performance.now() - s
  })
  const ourHeap = process.memoryUsage().heapUsed - h0

  // (b) FTS4 in sql.js
  const SQL = await loadSqlJs()
  const base = new SQL.Database()
  base.run('CREATE TABLE d (id INTEGER PRIMARY KEY, title TEXT, body TEXT)')
  const ins0 = base.prepare('INSERT INTO d VALUES (?, ?, ?)')
  texts.forEach((x, i) => ins0.run([i, x.slice(0, x.indexOf('\n')), x]))
  ins0.free()
  const baseImage = base.export()
  const baseBytes = baseImage.byteLength
  const t0 = performance.now()
  const baseOpened = new SQL.Database(baseImage)
  baseOpened.exec('PRAGMA quick_check')
  const baseOpen = performance.now() - t0
  baseOpened.close()
  t = performance.now()
  base.run('BEGIN')
  base.run('CREATE VIRTUAL TABLE f USING fts4(title, body)')
  const ins = base.prepare('INSERT INTO f (docid, title, body) VALUES (?, ?, ?)')
  texts.forEach((x, i) => ins.run([i, ftsText(x.slice(0, x.indexOf('\n'))), ftsText(x)]))
  ins.free()
  base.run('COMMIT')
  const ftsBuild = performance.now() - t
  const bytes = base.export()
  base.close()
  t = performance.now()
  const reopened = new SQL.Database(bytes)
  reopened.exec('PRAGMA quick_check')
  const ftsOpen = performance.now() - t
  let ftsMatches = 0
  const ftsTimes = queries.map((q) => {
    const phrase = ftsText(q.replace(/"/g, ''))
    const s = performance.now()
    // Exact counts and ranking need every matching row with its match info (BM25 is computed in JS).
    const st = reopened.prepare("SELECT docid, matchinfo(f, 'pcnalx') FROM f WHERE f MATCH ?")
    st.bind([`"${phrase}"`])
    let rows = 0
    while (st.step()) {
      st.get()
      rows++
    }
    st.free()
    ftsMatches += rows
    return performance.now() - s
  })
  reopened.close()
  process.stdout.write(
    `${JSON.stringify({
      docs: n,
      queries: queries.length,
      matches_side_index_and_fts4: [ourMatches, ftsMatches],
      side_index: { build_ms: Math.round(ourBuild), bytes: img.byteLength, mb: mb(img.byteLength), open_ms: Math.round(ourOpen), query_p50_ms: pct(ourTimes, 50), query_p95_ms: pct(ourTimes, 95), heap_mb: mb(ourHeap) },
      fts4: {
        build_ms: Math.round(ftsBuild),
        database_growth_bytes: bytes.byteLength - baseBytes,
        mb: mb(bytes.byteLength - baseBytes),
        database_mb_without_and_with: [mb(baseBytes), mb(bytes.byteLength)],
        open_with_quick_check_ms: Math.round(ftsOpen),
        open_without_fts_ms: Math.round(baseOpen),
        query_p50_ms: pct(ftsTimes, 50),
        query_p95_ms: pct(ftsTimes, 95)
      }
    })}\n`
  )
}

void main()
