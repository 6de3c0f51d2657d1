// Connects main's events to the stores, once per app. Returns a function that disconnects them.
import { onEvent } from '@/api/client'
import { useAppStore } from './app'
import { useDocumentStore } from './document'
import { useImportsStore } from './imports'
import { useLibraryStore } from './library'
import { useTagsStore } from './tags'
import { useExportStore } from './export'

export function wireEvents(navigate: (route: string) => void): () => void {
  const app = useAppStore()
  const imports = useImportsStore()
  const library = useLibraryStore()
  const tags = useTagsStore()
  const doc = useDocumentStore()
  const exports = useExportStore()
  const offs = [
    onEvent('import.progress', imports.onProgress),
    onEvent('import.item', imports.onItem),
    onEvent('import.done', imports.onDone),
    onEvent('archive.changed', () => {
      void library.refresh()
      void app.load()
      if (tags.loaded) void tags.load()
      void doc.refreshIfOpen()
    }),
    onEvent('app.navigate', (e) => navigate(e.route)),
    onEvent('job.progress', exports.onProgress),
    onEvent('job.done', exports.onDone),
    onEvent('job.error', exports.onError)
  ]
  return () => offs.forEach((off) => off())
}
