// Compare domain handlers: the engine in ../../compare answers them.
import type { CompareOperation } from '../../../common/api/operations'
import type { DomainHandlers, HandlerDeps } from './types'

export function compareHandlers(_deps: HandlerDeps): DomainHandlers<CompareOperation> {
  const todo = (): never => {
    throw new Error('compare is being built in this session')
  }
  return {
    'compare.run': todo,
    'compare.regions': todo,
    'compare.timeline': todo,
    'compare.map': todo,
    'compare.sets.list': todo,
    'compare.sets.save': todo,
    'compare.sets.delete': todo
  }
}
