import { Archive } from '../../src-main/node/archive/archive'
async function main() {
  const t = performance.now()
  const a = await Archive.open('/tmp/a20k-v7')
  console.log('open+migrate', Math.round(performance.now() - t), a.openTimings, a.notices)
  const s = performance.now()
  await a.close()
  console.log('close', Math.round(performance.now() - s), a.lastSnapshot)
}
main()
