// Tags (tags.all: colours, counts, rules per tag) as a "/" tree, tag management, tag rules and their
// runs over the archive (tags.progress events), and undo of tag operations (history.undo).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { call, onEvent } from '@/api/client'
import type { ArgsOf } from '@common/api/contract'
import { buildTagTree, type DocumentTag, type RuleRunProgress, type TagInfo, type TagRule } from '@common/tags'

export type RuleInput = ArgsOf<'tags.rules.save'>

export const useTagsStore = defineStore('tags', () => {
  const tags = ref<TagInfo[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const rules = ref<TagRule[]>([])
  const rulesLoaded = ref(false)
  /** The rule run in progress (or the last one, finished). */
  const run = ref<RuleRunProgress | null>(null)
  const tree = computed(() => buildTagTree(tags.value))
  const waiting = new Map<string, (p: RuleRunProgress) => void>()
  const finishedEarly = new Map<string, RuleRunProgress>()
  let offProgress: (() => void) | null = null

  async function load(): Promise<void> {
    loading.value = true
    try {
      tags.value = await call('tags.all', {})
      loaded.value = true
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  async function loadRules(): Promise<void> {
    rules.value = await call('tags.rules.list', {})
    rulesLoaded.value = true
  }

  async function refreshAll(): Promise<void> {
    await Promise.all([load(), rulesLoaded.value ? loadRules() : Promise.resolve()])
  }

  async function create(name: string, color: string | null = null): Promise<void> {
    await call('tags.create', { name, color })
    await load()
  }

  async function rename(name: string, to: string): Promise<void> {
    await call('tags.rename', { name, to })
    await refreshAll()
  }

  async function recolor(name: string, color: string | null): Promise<void> {
    await call('tags.recolor', { name, color })
    await load()
  }

  async function merge(from: string[], into: string): Promise<void> {
    await call('tags.merge', { from, into })
    await refreshAll()
  }

  async function remove(names: string[]): Promise<number> {
    const { count } = await call('tags.delete', { names })
    await refreshAll()
    return count
  }

  /** Reverse the latest change (tag operations, bulk tagging, trash…); null when there was none. */
  async function undo(): Promise<string | null> {
    const res = await call('history.undo', {})
    await refreshAll()
    return res.action
  }

  /** Places for the region rule's picker. */
  function searchRegions(query: string) {
    return call('regions.search', { query, limit: 20 })
  }

  function ofDocument(id: string): Promise<DocumentTag[]> {
    return call('tags.ofDocument', { id })
  }

  async function saveRule(input: RuleInput): Promise<TagRule> {
    const rule = await call('tags.rules.save', input)
    await refreshAll()
    await loadRules()
    return rule
  }

  async function deleteRule(id: string): Promise<void> {
    await call('tags.rules.delete', { id })
    await refreshAll()
  }

  /** Run one rule (or all enabled ones) over the archive; resolves when the run has finished. */
  async function runRules(id?: string): Promise<RuleRunProgress> {
    offProgress ??= onEvent('tags.progress', (p) => {
      // Events may come before the call answers with the job's id.
      run.value = p
      if (!p.finished) return
      void refreshAll()
      const resolve = waiting.get(p.jobId)
      if (resolve) {
        waiting.delete(p.jobId)
        resolve(p)
      } else finishedEarly.set(p.jobId, p)
    })
    run.value = { jobId: '', done: 0, total: 0, added: 0, removed: 0, finished: false }
    const { jobId } = await call('tags.rules.run', id ? { id } : {})
    const early = finishedEarly.get(jobId)
    if (early) {
      finishedEarly.delete(jobId)
      return early
    }
    return new Promise((resolve) => waiting.set(jobId, resolve))
  }

  return { tags, loaded, loading, error, tree, rules, rulesLoaded, run, load, loadRules, create, rename, recolor, merge, remove, undo, ofDocument, searchRegions, saveRule, deleteRule, runRules }
})
