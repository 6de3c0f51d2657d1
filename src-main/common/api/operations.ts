// The names of every operation the renderer may call and every event main may send. Kept apart
// from the schemas so the preload (which exposes exactly these) stays tiny; contract.ts checks
// at compile time that both lists agree.
/** Operations of the archive, import and document-correction domains. */
export const CORE_OPERATIONS = [
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
  'settings.chooseInbox',
  'documents.redecode',
  'documents.restoreRemoved',
  'documents.merge',
  'documents.split',
  'documents.resolveSimilar'
] as const

/** Compare: the region × category matrix, its timeline and map, saved comparison sets. */
export const COMPARE_OPERATIONS = [
  'compare.run',
  'compare.regions',
  'compare.timeline',
  'compare.map',
  'compare.sets.list',
  'compare.sets.save',
  'compare.sets.delete'
] as const

/** Export: summaries and document tables in Word, Excel, PDF, CSV, Markdown and JSON. */
export const EXPORT_OPERATIONS = ['export.preview', 'export.start', 'export.download', 'jobs.cancel'] as const

/** Full-text search, facets and saved views. */
export const SEARCH_OPERATIONS = ['search.run', 'search.views.list', 'search.views.save', 'search.views.reorder', 'search.views.delete'] as const

/** Tag management (hierarchy, rename, merge, colours), tag rules and the trash. */
export const TAGS_OPERATIONS = [
  'tags.all',
  'tags.create',
  'tags.rename',
  'tags.recolor',
  'tags.merge',
  'tags.delete',
  'tags.ofDocument',
  'tags.rules.list',
  'tags.rules.save',
  'tags.rules.delete',
  'tags.rules.run',
  'trash.list',
  'trash.empty'
] as const

export const OPERATIONS = [...CORE_OPERATIONS, ...COMPARE_OPERATIONS, ...EXPORT_OPERATIONS, ...SEARCH_OPERATIONS, ...TAGS_OPERATIONS] as const

export type Operation = (typeof OPERATIONS)[number]
export type CoreOperation = (typeof CORE_OPERATIONS)[number]
export type CompareOperation = (typeof COMPARE_OPERATIONS)[number]
export type ExportOperation = (typeof EXPORT_OPERATIONS)[number]
export type SearchOperation = (typeof SEARCH_OPERATIONS)[number]
export type TagsOperation = (typeof TAGS_OPERATIONS)[number]

export const EVENTS = [
  'import.progress',
  'import.item',
  'import.done',
  'archive.changed',
  'app.navigate',
  'job.started',
  'job.progress',
  'job.done',
  'job.error',
  'tags.progress'
] as const

export type EventName = (typeof EVENTS)[number]
