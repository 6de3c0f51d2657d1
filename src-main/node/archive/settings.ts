// Archive settings, kept in the archive itself (journaled like any change, and moved with the folder).
import type { Archive } from './archive'
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../common/api/contract'

export function readSettings(archive: Archive): Settings {
  const row = archive.get<{ value: string }>("SELECT value FROM meta WHERE key = 'settings'")
  if (!row) return { ...DEFAULT_SETTINGS }
  const parsed = SettingsSchema.partial().safeParse(JSON.parse(row.value))
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) }
}

export function writeSettings(archive: Archive, patch: Partial<Settings>): Settings {
  const next = SettingsSchema.parse({ ...readSettings(archive), ...patch })
  archive.write((tx) => tx.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('settings', ?)", [JSON.stringify(next)]))
  return next
}
