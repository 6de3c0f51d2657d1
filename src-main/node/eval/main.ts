// `npx tsx src-main/node/eval/main.ts DIR [--json] [--verbose] [--measures] [--raw]`: scores the
// import pipeline against a devset-style folder (DIR/docs/*.txt, DIR/gold/*.json). --verbose lists
// metadata and region errors, --measures also measure errors, --raw skips the pipeline's cleaning.
import { evaluateDir, type DocScore, type Summary } from './run'

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5) + '%'

function printHuman(s: Summary): void {
  const out: string[] = []
  out.push(`docs ${s.docs}  (${s.mode}, ${s.docsPerSecond.toFixed(0)} docs/s)`)
  out.push(`regions   P ${pct(s.regions.precision)}  R ${pct(s.regions.recall)}  F1 ${pct(s.regions.f1)}`)
  out.push(`date      ${pct(s.date)}`)
  out.push(`doc type  ${pct(s.docType)}`)
  out.push(`issuer    ${pct(s.issuer)}`)
  out.push(`doc no.   ${pct(s.docNumber)}`)
  out.push(`measures  P ${pct(s.measures.precision)}  R ${pct(s.measures.recall)}  F1 ${pct(s.measures.f1)}`)
  out.push(`params    ${pct(s.params)}`)
  out.push('per category:')
  for (const [c, v] of Object.entries(s.perCategory)) {
    out.push(`  ${c.padEnd(18)} P ${pct(v.precision)}  R ${pct(v.recall)}  F1 ${pct(v.f1)}  (tp ${v.tp} fp ${v.fp} fn ${v.fn})`)
  }
  process.stdout.write(out.join('\n') + '\n')
}

function printErrors(scores: DocScore[], measures: boolean): void {
  for (const s of scores) {
    const lines: string[] = []
    if (measures) {
      for (const m of s.pred.measures) if (!s.matchedPred.includes(m.start)) lines.push(`  FP ${m.category} ${m.level} ${m.text.replace(/\n/g, ' ')}`)
      for (const g of s.missedGold) lines.push(`  FN ${g.category} ${g.text.replace(/\n/g, ' ')}`)
      for (const w of s.paramErrors) lines.push(`  PARAM ${w}`)
    }
    if (!s.date) lines.push(`  date ${s.pred.date} ≠ ${s.gold.date}`)
    if (!s.docType) lines.push(`  type ${s.pred.docType} ≠ ${s.gold.doc_type}`)
    if (!s.issuer) lines.push(`  issuer ${s.pred.issuer} ≠ ${s.gold.issuer}`)
    if (!s.docNumber) lines.push(`  docno ${s.pred.docNumber} ≠ ${s.gold.doc_number}`)
    if (s.regions.fp || s.regions.fn)
      lines.push(`  regions ${s.pred.regions.map((r) => r.name).join(' ')} | gold ${s.gold.regions.map((r) => r.name).join(' ')}`)
    if (lines.length) process.stdout.write(`${s.id}\n${lines.join('\n')}\n`)
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const dir = args.find((a) => !a.startsWith('--'))
  if (!dir) {
    process.stderr.write('usage: eval DIR [--json] [--verbose] [--measures] [--raw]\n')
    process.exit(1)
  }
  const { summary, scores } = await evaluateDir(dir, args.includes('--raw'))
  if (args.includes('--json')) process.stdout.write(JSON.stringify(summary, null, 2) + '\n')
  else printHuman(summary)
  if (args.includes('--verbose') || args.includes('--measures')) printErrors(scores, args.includes('--measures'))
}

main().catch((err: unknown) => {
  process.stderr.write(`eval failed: ${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
