// `npm run eval -- DIR [--json] [--errors] [--part tune|check|all] [--raw]`: scores the import
// pipeline against a devset-style folder (DIR/docs/*.txt, DIR/gold/*.json), with figures for the
// tuning part, the check part (split.ts) and the whole set side by side. --errors lists each error
// (measure false positives and negatives with their spans, param, metadata and region errors) of
// the tuning part only unless --part says otherwise, so tuning never looks at the check part's
// errors by accident. --raw skips the pipeline's cleaning.
import { evaluateDir, summarise, type DocScore, type Summary } from './run'
import { partOf, PARTS, type Part } from './split'

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6)

type Table = [string, Summary][]

function printTables(t: Table): void {
  const out: string[] = []
  const row = (name: string, f: (s: Summary) => string): void => {
    out.push(name.padEnd(20) + t.map(([, s]) => f(s).padStart(20)).join(''))
  }
  row('', () => '')
  out[out.length - 1] = ''.padEnd(20) + t.map(([n, s]) => `${n} (${s.docs})`.padStart(20)).join('')
  row('regions F1', (s) => pct(s.regions.f1))
  row('  P / R', (s) => `${pct(s.regions.precision)} /${pct(s.regions.recall)}`)
  row('date', (s) => pct(s.date))
  row('doc type', (s) => pct(s.docType))
  row('issuer', (s) => pct(s.issuer))
  row('doc number', (s) => pct(s.docNumber))
  row('measures F1', (s) => pct(s.measures.f1))
  row('  P / R', (s) => `${pct(s.measures.precision)} /${pct(s.measures.recall)}`)
  row('params', (s) => pct(s.params))
  out.push('measures per category (P / R):')
  const cats = [...new Set(t.flatMap(([, s]) => Object.keys(s.perCategory)))].sort()
  for (const c of cats) {
    row('  ' + c, (s) => {
      const v = s.perCategory[c]
      return v ? `${pct(v.precision)} /${pct(v.recall)}` : '-'
    })
  }
  out.push(`(${t[t.length - 1][1].mode}, ${t[t.length - 1][1].docsPerSecond.toFixed(0)} docs/s)`)
  process.stdout.write(out.join('\n') + '\n')
}

const flat = (s: string): string => s.replace(/\n/g, '⏎')

function printErrors(scores: DocScore[]): void {
  for (const s of scores) {
    const lines: string[] = []
    for (const [i, m] of s.pred.measures.entries()) {
      if (!s.matchedPred.includes(i)) lines.push(`  FP ${m.category} L${m.level} [${m.start},${m.end}) ${flat(m.text)} ${JSON.stringify(m.params)}`)
    }
    for (const g of s.missedGold) lines.push(`  FN ${g.category} [${g.start ?? '?'},${g.end ?? '?'}) ${flat(g.text)}`)
    for (const w of s.paramErrors) lines.push(`  PARAM ${w}`)
    if (!s.date) lines.push(`  date ${s.pred.date} ≠ ${s.gold.date}`)
    if (!s.docType) lines.push(`  type ${s.pred.docType} ≠ ${s.gold.doc_type}`)
    if (!s.issuer) lines.push(`  issuer ${s.pred.issuer} ≠ ${s.gold.issuer}`)
    if (!s.docNumber) lines.push(`  docno ${s.pred.docNumber} ≠ ${s.gold.doc_number}`)
    if (s.regions.fp || s.regions.fn)
      lines.push(`  regions ${s.pred.regions.map((r) => r.name).join(' ')} | gold ${s.gold.regions.map((r) => r.name).join(' ')}`)
    if (lines.length) process.stdout.write(`${s.id}\n${lines.join('\n')}\n`)
  }
}

function usage(): never {
  process.stderr.write('usage: eval DIR [--json] [--errors] [--part tune|check|all] [--raw]\n')
  process.exit(1)
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const partArg = args.indexOf('--part')
  const part = partArg >= 0 ? args[partArg + 1] : 'tune'
  if (!['tune', 'check', 'all'].includes(part ?? '')) usage()
  const dir = args.find((a, i) => !a.startsWith('--') && !(partArg >= 0 && i === partArg + 1))
  if (!dir) usage()
  const { summary, scores } = await evaluateDir(dir, args.includes('--raw'))
  const ms = summary.docsPerSecond > 0 ? (summary.docs * 1000) / summary.docsPerSecond : 0
  const byPart = (p: Part): DocScore[] => scores.filter((s) => partOf(s.id) === p)
  const table: Table = [
    ...PARTS.map((p): [string, Summary] => {
      const sc = byPart(p)
      return [p, summarise(sc, summary.mode, (ms * sc.length) / (scores.length || 1))]
    }),
    ['all', summary]
  ]
  if (args.includes('--json')) process.stdout.write(JSON.stringify(Object.fromEntries(table), null, 2) + '\n')
  else printTables(table)
  if (args.includes('--errors')) {
    process.stdout.write(`errors of the ${part === 'all' ? 'whole set' : part + ' part'}:\n`)
    printErrors(part === 'all' ? scores : byPart(part as Part))
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`eval failed: ${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
