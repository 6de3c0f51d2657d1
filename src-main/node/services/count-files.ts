// A quick count of the regular files under the given paths, so progress can show a total and a time left
// before the (slower) reading starts. Zip members found later raise the total as they appear.
import fs from 'node:fs'
import path from 'node:path'

export async function countFiles(paths: string[], cap = 1_000_000): Promise<number> {
  let n = 0
  const seen = new Set<string>()
  const walk = async (p: string): Promise<void> => {
    if (n >= cap) return
    let st: fs.Stats
    let real: string
    try {
      real = await fs.promises.realpath(p)
      st = await fs.promises.stat(real)
    } catch {
      n++ // counted: it will produce an error item
      return
    }
    if (st.isDirectory()) {
      if (seen.has(real)) return
      seen.add(real)
      let entries: string[] = []
      try {
        entries = (await fs.promises.readdir(real)).filter((e) => !e.startsWith('.'))
      } catch {
        n++
        return
      }
      for (const e of entries) await walk(path.join(p, e))
    } else n++
  }
  for (const p of paths) await walk(p)
  return n
}
