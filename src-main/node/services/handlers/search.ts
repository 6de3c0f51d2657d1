// Search domain handlers: ranked full-text search with facets (../../search) and saved views.
import type { SearchOperation } from '../../../common/api/operations'
import type { DomainHandlers, HandlerDeps } from './types'
import { searchDocuments } from '../../search/search'
import { deleteView, listViews, reorderViews, saveView } from '../../search/views'

export function searchHandlers({ archive }: HandlerDeps): DomainHandlers<SearchOperation> {
  return {
    'search.run': (a) => searchDocuments(archive, a),
    'search.views.list': () => listViews(archive),
    'search.views.save': (a) => saveView(archive, a),
    'search.views.reorder': (a) => reorderViews(archive, a.ids),
    'search.views.delete': (a) => ({ count: deleteView(archive, a.id) })
  }
}
