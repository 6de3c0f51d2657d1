// Tags domain handlers: tag management, rules and the trash (src-main/node/tags).
import { randomUUID } from 'node:crypto'
import type { TagsOperation } from '../../../common/api/operations'
import type { DomainHandlers, HandlerDeps } from './types'
import { createTag, deleteTags, listTagInfo, mergeTags, recolorTag, renameTag, tagsOfDocument } from '../../tags/tag-edits'
import { deleteRule, listRules, runRules, saveRule } from '../../tags/rule-store'
import { emptyTrash, listTrash } from '../../tags/trash'
import { getRecord } from '../../archive/documents-read'
import { AppError } from '../../../common/errors'

export function tagsHandlers({ archive, bus, track, signal }: HandlerDeps): DomainHandlers<TagsOperation> {
  return {
    'tags.all': () => listTagInfo(archive),
    'tags.create': (a) => createTag(archive, a.name, a.color),
    'tags.rename': (a) => ({ count: renameTag(archive, a.name, a.to) }),
    'tags.recolor': (a) => {
      recolorTag(archive, a.name, a.color)
      return { count: 1 }
    },
    'tags.merge': (a) => ({ count: mergeTags(archive, a.from, a.into) }),
    'tags.delete': (a) => ({ count: deleteTags(archive, a.names) }),
    'tags.ofDocument': (a) => {
      if (!getRecord(archive, a.id)) throw new AppError('errors.tags.noDocument', { id: a.id }, `no document with id ${a.id}`)
      return tagsOfDocument(archive, a.id)
    },
    'tags.rules.list': () => listRules(archive),
    'tags.rules.save': (a) => saveRule(archive, a),
    'tags.rules.delete': (a) => ({ count: deleteRule(archive, a.id) }),
    'tags.rules.run': (a) => {
      if (a.id && !listRules(archive).some((r) => r.id === a.id)) throw new AppError('errors.tags.ruleNotFound', { id: a.id }, `there is no rule ${a.id}`)
      const jobId = randomUUID()
      const progress = (p: { done: number; total: number; added: number; removed: number }, finished = false, error?: string): void =>
        bus.emit('tags.progress', { jobId, ...p, finished, ...(error ? { error } : {}) })
      const job = runRules(archive, { ruleId: a.id, signal, onProgress: (p) => progress(p) })
        .then((r) => progress(r, true))
        .catch((e: Error) => progress({ done: 0, total: 0, added: 0, removed: 0 }, true, e.message))
      track(jobId, job)
      return { jobId }
    },
    'trash.list': (a) => listTrash(archive, a.offset, a.limit),
    'trash.empty': (a) => ({ count: emptyTrash(archive, a.ids) })
  }
}
