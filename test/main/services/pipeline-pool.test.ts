import { describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { PipelinePool } from '../../../src-main/node/services/pipeline-pool'
import { processInput, ImportError } from '../../../src-main/node/pipeline/pipeline'
import type { RawInput } from '../../../src-main/node/pipeline/types'
import { shadowText, unpackText } from '../../../src-main/node/archive/text-pack'

const SEEDS = path.resolve(__dirname, '../../../seeds')

describe('pipeline worker pool', () => {
  it('gives exactly the records the in-process pipeline gives, in a worker thread', async () => {
    const pool = new PipelinePool(1)
    try {
      for (const f of fs.readdirSync(SEEDS)) {
        const input: RawInput = { path: f, bytes: new Uint8Array(fs.readFileSync(path.join(SEEDS, f))), format: 'txt' }
        const { docs } = await pool.process(input)
        const local = await processInput(input)
        // The texts come back also in stored form, which unpacks to the same texts; the raw text stays behind.
        expect(docs.map(({ packed: _packed, rawText: _raw, ...rest }) => rest)).toEqual(local.map(({ rawText: _raw, ...rest }) => rest))
        docs.forEach((d, i) => {
          expect(d.rawText).toBe('')
          expect(unpackText(d.packed!.text)).toBe(local[i].text)
          expect(shadowText(d.packed!.simplified, local[i].text) ?? local[i].text).toBe(local[i].simplified)
        })
      }
    } finally {
      await pool.close()
    }
  })

  it('passes a readable import error back from the worker', async () => {
    const pool = new PipelinePool(1)
    try {
      const bad: RawInput = { path: 'broken.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), format: 'docx' }
      const err = await pool.process(bad).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ImportError)
      expect((err as Error).message.length).toBeGreaterThan(15)
    } finally {
      await pool.close()
    }
  })
})
