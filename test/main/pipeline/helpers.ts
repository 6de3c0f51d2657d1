// Shared helpers for the pipeline tests: paths to the committed fixtures and the seeds, and a
// stub extractor (the real one is tested by its own suite; here we test the pipeline stages).
import { resolve } from 'node:path'
import type { ExtractedFields } from '../../../src-main/node/pipeline/types'

export const ROOT = resolve(__dirname, '../../..')
export const FIXTURES = resolve(ROOT, 'test/fixtures/import')
export const SEEDS = resolve(ROOT, 'seeds')

export const SEED_FILES = {
  s000: resolve(SEEDS, '000_e8a1e7a5066c526a.txt'),
  s001: resolve(SEEDS, '001_cefe4a9515f1fecb.txt'),
  s002: resolve(SEEDS, '002_6046566fa1a34271.txt'),
  s003: resolve(SEEDS, '003_5a1349121b44f3c9.txt'),
  s004: resolve(SEEDS, '004_0b6eb99a9bffb529.txt')
}

export function stubExtract(t: { text: string }): ExtractedFields {
  return {
    title: t.text.split('\n')[0] ?? '',
    docType: 'other',
    docTypeDetail: null,
    issuer: null,
    docNumber: null,
    date: null,
    regions: [],
    measures: []
  }
}
