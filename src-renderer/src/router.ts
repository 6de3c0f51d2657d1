// Hash history: the desktop app loads index.html from file://, where path-based URLs cannot work.
import { createRouter, createWebHashHistory, type RouterHistory, type Router } from 'vue-router'
import LibraryView from '@/views/LibraryView.vue'
import DocumentView from '@/views/DocumentView.vue'
import ImportView from '@/views/ImportView.vue'
import TagsView from '@/views/TagsView.vue'
import ExportView from '@/views/ExportView.vue'
import SettingsView from '@/views/SettingsView.vue'
import TrashView from '@/views/TrashView.vue'

/** The views reachable with Ctrl/Cmd+1..4, in menu order. */
export const NUMBERED_VIEWS = ['/library', '/compare', '/tags', '/export'] as const

export function createAppRouter(history: RouterHistory = createWebHashHistory()): Router {
  return createRouter({
    history,
    routes: [
      { path: '/', redirect: '/library' },
      { path: '/library', name: 'library', component: LibraryView },
      { path: '/documents/:id', name: 'document', component: DocumentView, props: true },
      { path: '/import', name: 'import', component: ImportView },
      // Loaded on first visit: it brings ECharts, which no other view needs.
      { path: '/compare', name: 'compare', component: () => import('@/views/CompareView.vue') },
      { path: '/tags', name: 'tags', component: TagsView },
      { path: '/export', name: 'export', component: ExportView },
      { path: '/settings', name: 'settings', component: SettingsView },
      { path: '/trash', name: 'trash', component: TrashView },
      { path: '/:rest(.*)*', redirect: '/library' }
    ]
  })
}

/** Follows a route sent by main (app.navigate); anything that is not one of ours is ignored. */
export function navigateTo(router: Router, route: string): void {
  if (typeof route !== 'string' || !route.startsWith('/')) return
  const target = router.resolve(route)
  if (target.matched.length && target.name) void router.push(target)
}
