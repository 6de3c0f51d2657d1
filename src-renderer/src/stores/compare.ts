// The comparison on screen: the chosen regions and as-of date, the matrix for them, its timeline
// and map, and the saved comparison sets. The working state is itself a set marked `current`, saved
// on every change, so the comparison survives a restart; named sets are snapshots of it.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CompareResult, CompareSet, MapValue, RegionNode, TimelineSeries } from '@common/compare'
import type { MeasureCategory } from '@common/taxonomy'
import { call } from '@/api/client'
import { coalesced, latest } from '@/lib/latest'
import { flattenRegions } from '@/lib/regions'

export const MIN_REGIONS = 2
export const MAX_REGIONS = 12

export type MapMetric = MeasureCategory | 'index'
export type MapLevel = 'province' | 'city'

export const useCompareStore = defineStore('compare', () => {
  const tree = ref<RegionNode[]>([])
  const treeLoaded = ref(false)
  const treeError = ref<string | null>(null)

  const regions = ref<string[]>([])
  const asOf = ref<string | null>(null)
  const result = ref<CompareResult | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const differencesOnly = ref(false)

  const timeline = ref<TimelineSeries[]>([])
  const timelineError = ref<string | null>(null)
  const mapValues = ref<MapValue[]>([])
  const mapMetric = ref<MapMetric>('index')
  const mapLevel = ref<MapLevel>('province')
  const mapError = ref<string | null>(null)

  const sets = ref<CompareSet[]>([])
  const setsError = ref<string | null>(null)
  /** Id of the working set (current: true) once it has been saved. */
  const currentId = ref<string | null>(null)
  /** Name given to the working set; set by the view from i18n. */
  const currentName = ref('current')

  const nodes = computed(() => flattenRegions(tree.value))
  const byKey = computed(() => new Map(nodes.value.map((n) => [n.key, n])))
  const ready = computed(() => regions.value.length >= MIN_REGIONS)
  /** The named sets (the working set is not listed among them). */
  const savedSets = computed(() => sets.value.filter((s) => !s.current && s.id !== currentId.value))
  const visibleRows = computed(() => (result.value?.rows ?? []).filter((r) => !differencesOnly.value || r.differs))

  async function loadRegions(): Promise<void> {
    try {
      tree.value = await call('compare.regions', {})
      treeError.value = null
    } catch (e) {
      treeError.value = (e as Error).message
    } finally {
      treeLoaded.value = true
    }
  }

  // Dragging the date fires many runs: only the newest one's answer is kept.
  const runLatest = latest(async () => {
    if (!ready.value) return null
    return call('compare.run', { regions: [...regions.value], asOf: asOf.value })
  })

  async function run(): Promise<void> {
    if (!ready.value) {
      result.value = null
      error.value = null
      return
    }
    loading.value = true
    try {
      const r = await runLatest()
      if (r.fresh) {
        result.value = r.value
        error.value = null
      }
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  async function loadTimeline(categories?: MeasureCategory[]): Promise<void> {
    if (!ready.value) {
      timeline.value = []
      return
    }
    try {
      timeline.value = await call('compare.timeline', { regions: [...regions.value], ...(categories ? { categories } : {}) })
      timelineError.value = null
    } catch (e) {
      timelineError.value = (e as Error).message
    }
  }

  const mapLatest = latest(() => call('compare.map', { metric: mapMetric.value, level: mapLevel.value, asOf: asOf.value }))

  async function loadMap(): Promise<void> {
    try {
      const r = await mapLatest()
      if (r.fresh) {
        mapValues.value = r.value
        mapError.value = null
      }
    } catch (e) {
      mapError.value = (e as Error).message
    }
  }

  // --- the working set -----------------------------------------------------------------------

  // Saves never overlap: the first one creates the set, the next ones update it by its id.
  const persistNow = coalesced(async () => {
    const saved = await call('compare.sets.save', {
      ...(currentId.value ? { id: currentId.value } : {}),
      name: currentName.value,
      regions: [...regions.value],
      asOf: asOf.value,
      current: true
    })
    currentId.value = saved.id
    return saved
  })

  /** Saves the working state as the current set; an error is reported, the comparison goes on. */
  async function persist(): Promise<void> {
    try {
      await persistNow()
      setsError.value = null
    } catch (e) {
      setsError.value = (e as Error).message
    }
  }

  async function changed(): Promise<void> {
    await Promise.all([run(), persist()])
  }

  /** True when the key was added (known, not already chosen, room left). */
  function addRegion(key: string): boolean {
    if (regions.value.includes(key) || regions.value.length >= MAX_REGIONS) return false
    regions.value = [...regions.value, key]
    void changed()
    void loadTimeline()
    return true
  }

  function removeRegion(key: string): void {
    regions.value = regions.value.filter((k) => k !== key)
    void changed()
    void loadTimeline()
  }

  function setRegions(keys: string[]): void {
    regions.value = [...new Set(keys)].slice(0, MAX_REGIONS)
    void changed()
    void loadTimeline()
  }

  function setAsOf(date: string | null): Promise<void> {
    asOf.value = date
    return Promise.all([changed(), loadMap()]).then(() => undefined)
  }

  // --- named sets ------------------------------------------------------------------------------

  async function loadSets(): Promise<void> {
    try {
      sets.value = await call('compare.sets.list', {})
      setsError.value = null
    } catch (e) {
      setsError.value = (e as Error).message
    }
  }

  /** Restores the working set saved before (the view calls this when it opens). */
  async function restore(): Promise<void> {
    await loadSets()
    const current = sets.value.find((s) => s.current)
    if (!current) return
    currentId.value = current.id
    regions.value = current.regions.slice(0, MAX_REGIONS)
    asOf.value = current.asOf
    await Promise.all([run(), loadTimeline()])
  }

  /** Saves the chosen regions and date under a name; errors are thrown to the caller. */
  async function saveAs(name: string): Promise<CompareSet> {
    const saved = await call('compare.sets.save', { name, regions: [...regions.value], asOf: asOf.value, current: false })
    await loadSets()
    return saved
  }

  async function rename(id: string, name: string): Promise<void> {
    const set = sets.value.find((s) => s.id === id)
    if (!set) return
    await call('compare.sets.save', { id, name, regions: set.regions, asOf: set.asOf, current: false })
    await loadSets()
  }

  /** Deletes a set; returns it so the caller can offer to put it back. */
  async function remove(id: string): Promise<CompareSet | null> {
    const set = sets.value.find((s) => s.id === id) ?? null
    await call('compare.sets.delete', { id })
    await loadSets()
    return set
  }

  async function restoreDeleted(set: CompareSet): Promise<void> {
    await call('compare.sets.save', { name: set.name, regions: set.regions, asOf: set.asOf, current: false })
    await loadSets()
  }

  /** Puts a named set's regions and date on screen (the named set itself is left as saved). */
  async function open(id: string): Promise<void> {
    const set = sets.value.find((s) => s.id === id)
    if (!set) return
    regions.value = set.regions.slice(0, MAX_REGIONS)
    asOf.value = set.asOf
    await Promise.all([changed(), loadTimeline(), loadMap()])
  }

  return {
    tree,
    treeLoaded,
    treeError,
    nodes,
    byKey,
    regions,
    asOf,
    result,
    loading,
    error,
    differencesOnly,
    visibleRows,
    ready,
    timeline,
    timelineError,
    mapValues,
    mapMetric,
    mapLevel,
    mapError,
    sets,
    savedSets,
    setsError,
    currentId,
    currentName,
    loadRegions,
    run,
    loadTimeline,
    loadMap,
    persist,
    addRegion,
    removeRegion,
    setRegions,
    setAsOf,
    loadSets,
    restore,
    saveAs,
    rename,
    remove,
    restoreDeleted,
    open
  }
})
