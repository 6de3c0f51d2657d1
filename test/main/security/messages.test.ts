// Errors reach the Chinese interface in Chinese: every key main can send has a zh-CN and an English
// message, and the zh-CN messages hold no English sentence (only names of formats and commands).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import zhCN from '../../../src-renderer/src/i18n/zh-CN'
import en from '../../../src-renderer/src/i18n/en'
import { REASONS, reasonKey, type ReasonCode } from '../../../src-main/node/pipeline/reasons'

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), messages)
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))
}

/** Names a Chinese sentence may contain: formats, products, commands, units. */
const ALLOWED = /^(PDF|pdf|Word|zip|MIME|MHTML|RTF|txt|md|docx|doc|html|mhtml|Host|policy|archive|serve|URL|Program|Files|MB|Chromium|Chrome)$/

describe('error messages in the user language', () => {
  it('every import reason in the catalogue has a message in both languages', () => {
    for (const code of Object.keys(REASONS) as ReasonCode[]) {
      expect(typeof lookup(zhCN, reasonKey(code)), code).toBe('string')
      expect(typeof lookup(en, reasonKey(code)), code).toBe('string')
    }
  })

  it('every error key main code names exists in both languages', () => {
    const keys = new Set<string>()
    for (const file of [...sources('src-main/node'), ...sources('src-main/common'), ...sources('src-main/electron')]) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/'(errors\.(?:api|core|export|import)\.[A-Za-z]+)'/g)) keys.add(m[1])
    }
    expect(keys.size).toBeGreaterThan(10)
    for (const key of keys) {
      expect(typeof lookup(zhCN, key), key).toBe('string')
      expect(typeof lookup(en, key), key).toBe('string')
    }
  })

  it('zh-CN error messages hold no English words', () => {
    const walk = (o: object, prefix: string): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : walk(v as object, `${prefix}${k}.`)))
    const core = Object.fromEntries(['api', 'core', 'export', 'import'].map((d) => [d, (zhCN.errors as Record<string, object>)[d]]))
    for (const [key, message] of walk(core, 'errors.')) {
      const words = (message.replace(/\{[^}]+\}/g, '').match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED.test(w))
      expect(words, `${key}: ${message}`).toEqual([])
    }
  })
})
