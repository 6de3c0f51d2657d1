// `npx tsx test/bench/real-corpus.ts --devset ../shared/devset --out DIR [--docs N] [--seeds seeds]`: a corpus
// for `npm run bench -- --corpus DIR` made of real paragraphs (the development set's and the seeds', read in
// place, never copied into the project), recombined into N documents of real lengths and written in mixed
// encodings (UTF-8, GB18030, Big5 in traditional script, UTF-16, saved web pages). Deterministic.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import iconv from 'iconv-lite'
import * as OpenCC from 'opencc-js'
import { decodeBytes } from '../../src-main/node/pipeline/decode-text'

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

function readTexts(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(txt|md|html?)$/i.test(f))
    .map((f) => decodeBytes(new Uint8Array(fs.readFileSync(path.join(dir, f)))).text)
}

function main(): void {
  const { values } = parseArgs({ options: { devset: { type: 'string' }, seeds: { type: 'string' }, out: { type: 'string' }, docs: { type: 'string' } } })
  if (!values.devset || !values.out) throw new Error('usage: real-corpus.ts --devset DIR --out DIR [--docs N] [--seeds DIR]')
  const sources = [...readTexts(path.join(values.devset, 'docs')), ...readTexts(values.seeds ?? path.resolve(__dirname, '../../seeds'))]
  const paragraphs = sources.flatMap((t) => t.split(/\n+/).map((l) => l.trim()).filter((l) => l.length >= 8))
  const lengths = sources.map((t) => t.length)
  if (!paragraphs.length) throw new Error(`no paragraphs found under ${values.devset}`)
  const count = Number(values.docs ?? 10_000)
  const out = path.resolve(values.out)
  fs.mkdirSync(out, { recursive: true })
  const r = rng(20221207)
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]
  let bytes = 0
  let chars = 0
  for (let i = 0; i < count; i++) {
    const target = pick(lengths)
    const lines: string[] = []
    let n = 0
    while (n < target) {
      const p = pick(paragraphs)
      lines.push(p)
      n += p.length + 1
    }
    const text = lines.join('\n')
    chars += text.length
    const kind = i % 10
    let file: string
    let data: Buffer
    if (kind <= 3) [file, data] = [`r${i}.txt`, Buffer.from(text, 'utf8')]
    else if (kind <= 5) [file, data] = [`r${i}.txt`, iconv.encode(text, 'gb18030')]
    else if (kind === 6) [file, data] = [`r${i}.txt`, iconv.encode(toTraditional(text), 'big5')]
    else if (kind === 7) [file, data] = [`r${i}.txt`, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])]
    else {
      const [title, ...rest] = lines
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav>首页 &gt; 通知公告</nav><h1>${title}</h1>${rest.map((l) => `<p>${l}</p>`).join('')}<footer>版权所有 分享到：微信 微博</footer></body></html>`
      ;[file, data] = [`r${i}.html`, Buffer.from(html, 'utf8')]
    }
    fs.writeFileSync(path.join(out, file), data)
    bytes += data.length
  }
  process.stdout.write(`${JSON.stringify({ docs: count, paragraphs: paragraphs.length, bytes, chars })}\n`)
}

main()
