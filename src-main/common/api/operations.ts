// The names of every operation the renderer may call and every event main may send. Kept apart
// from the schemas so the preload (which exposes exactly these) stays tiny; contract.ts checks
// at compile time that both lists agree.
export const OPERATIONS = [
  'app.info',
  'documents.list',
  'documents.get',
  'documents.summaries',
  'documents.parts',
  'documents.trash',
  'documents.restore',
  'documents.tag',
  'tags.list',
  'import.paths',
  'import.files',
  'import.text',
  'import.choose',
  'documents.update',
  'documents.setRegions',
  'measures.add',
  'measures.update',
  'measures.delete',
  'history.undo',
  'regions.search',
  'archive.reprocess',
  'settings.get',
  'settings.update',
  'documents.redecode',
  'documents.restoreRemoved',
  'documents.merge',
  'documents.split',
  'documents.resolveSimilar'
] as const

export type Operation = (typeof OPERATIONS)[number]

export const EVENTS = ['import.progress', 'import.item', 'import.done', 'archive.changed', 'app.navigate'] as const

export type EventName = (typeof EVENTS)[number]
