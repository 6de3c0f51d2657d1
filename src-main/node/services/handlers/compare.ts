// Compare domain handlers: the engine in ../../compare answers them.
import type { CompareOperation } from '../../../common/api/operations'
import type { DomainHandlers, HandlerDeps } from './types'
import { compareRegions, deleteSet, listSets, mapValues, regionTree, saveSet, timeline } from '../../compare'

export function compareHandlers({ archive }: HandlerDeps): DomainHandlers<CompareOperation> {
  return {
    'compare.run': (a) => compareRegions(archive, a.regions, a.asOf),
    'compare.regions': () => regionTree(archive),
    'compare.timeline': (a) => timeline(archive, a.regions, a.categories),
    'compare.map': (a) => mapValues(archive, a.metric, a.level, a.asOf),
    'compare.sets.list': () => listSets(archive),
    'compare.sets.save': (a) => saveSet(archive, a),
    'compare.sets.delete': (a) => deleteSet(archive, a.id)
  }
}
