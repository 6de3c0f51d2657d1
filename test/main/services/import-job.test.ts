import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { runImport, type ImportHooks } from '../../../src-main/node/services/import-job'
import { processInput } from '../../../src-main/node/pipeline/pipeline'
import type { PoolResult } from '../../../src-main/node/services/pipeline-pool'
import type { RawInput } from '../../../src-main/node/pipeline/types'
import type { ImportItemEvent } from '../../../src-main/common/api/contract'
import { tmpDir } from '../helpers/tmp'

/**
 * A pool that holds every input until the test releases it, so the test sees how many inputs the
 * import hands over before it waits. Released inputs run through the real pipeline.
 */
class HoldingPool {
  readonly capacity = 2
  private held: { input: RawInput; resolve: (r: PoolResult) => void }[] = []
  get holding(): number {
    return this.held.length
  }
  process(input: RawInput): Promise<PoolResult> {
    return new Promise((resolve) => this.held.push({ input, resolve }))
  }
  async releaseAll(): Promise<void> {
    for (const h of this.held.splice(0)) h.resolve({ docs: await processInput(h.input) })
  }
}

// Inputs of one byte length each (the number is zero-padded), so a byte budget counts them exactly.
const inputs = (n: number): RawInput[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `n${String(i).padStart(3, '0')}.txt`,
    bytes: new Uint8Array(Buffer.from(`甲县疫情防控通告第${String(i).padStart(3, '0')}号\n全县暂停堂食，公共场所须佩戴口罩。`)),
    format: 'txt' as const
  }))

async function importHolding(list: RawInput[], hooks: ImportHooks): Promise<{ handedOver: number; items: ImportItemEvent[] }> {
  const archive = await Archive.open(path.join(tmpDir(), 'a'))
  const pool = new HoldingPool()
  const items: ImportItemEvent[] = []
  let finished = false
  const run = runImport(archive, 'job', { kind: 'inputs', inputs: list }, [], { ...hooks, pool, item: (e) => items.push(e) }).then(() => (finished = true))
  await new Promise((r) => setTimeout(r, 100))
  const handedOver = pool.holding
  while (!finished) {
    await pool.releaseAll()
    await new Promise((r) => setTimeout(r, 5))
  }
  await run
  await archive.close()
  return { handedOver, items }
}

describe('import window with a worker pool', () => {
  it('hands a whole batch to the workers before waiting, and reports in input order', async () => {
    const list = inputs(100)
    const { handedOver, items } = await importHolding(list, {})
    // Far more than the pool's own capacity: the workers keep busy while a batch is committed.
    expect(handedOver).toBe(64)
    expect(items.map((e) => e.file)).toEqual(list.map((i) => i.path))
    expect(items.every((e) => e.outcome === 'imported')).toBe(true)
  })

  it('holds back once the inputs in flight exceed the byte budget', async () => {
    const list = inputs(40)
    const size = list[0].bytes.byteLength
    const { handedOver, items } = await importHolding(list, { windowBytes: size * 5 })
    // Over the budget after the sixth input: six are in flight, the seventh waits.
    expect(handedOver).toBe(6)
    expect(items).toHaveLength(40)
  })
})
