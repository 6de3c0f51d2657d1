import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { InboxWatcher } from '../../../src-main/node/services/inbox-watcher'
import { tmpDir } from '../helpers/tmp'

describe('watched inbox folder', () => {
  it('imports a file only once it has stopped growing, and only once', async () => {
    const archive = await Archive.open(path.join(tmpDir(), 'archive'))
    const inbox = tmpDir()
    const imported: string[][] = []
    const watcher = new InboxWatcher(archive, { intervalMs: 0, importFiles: async (p) => void imported.push(p) })
    watcher.watch(inbox)

    const file = path.join(inbox, '通告.txt')
    fs.writeFileSync(file, '第一部分')
    expect(await watcher.poll()).toEqual([]) // first sight
    fs.appendFileSync(file, '，第二部分还在写入')
    expect(await watcher.poll()).toEqual([]) // still growing
    expect(await watcher.poll()).toEqual([file]) // settled
    expect(await watcher.poll()).toEqual([]) // handled already
    fs.writeFileSync(path.join(inbox, '.hidden.txt'), 'x')
    fs.writeFileSync(path.join(inbox, '~$lock.docx'), 'x')
    await watcher.poll()
    expect(await watcher.poll()).toEqual([])
    expect(imported).toEqual([[file]])
    await archive.close()
  })
})
