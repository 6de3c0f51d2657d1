// The compare engine as the summary and comparison exports use it: regions may be given as a
// person types them (聊城市, 聊城, lc, 371500) or as keys; an unknown or ambiguous name is an error
// that names the candidates.
import { AppError } from '../../common/errors'
import { compareRegions, resolveRegionName } from '../compare'
import type { CompareEngine } from './run'

const KEY = /^\d{6}(:.+)?$/

export const compareEngine: CompareEngine = {
  compareRegions,
  regionKey(archive, query) {
    if (KEY.test(query)) return query
    const hits = resolveRegionName(archive, query)
    if (hits.length === 1) return hits[0].key
    if (!hits.length) throw new AppError('errors.export.unknownRegion', { region: query }, `no region "${query}" (give a name, short name, pinyin initials or six-digit code)`)
    const names = hits.slice(0, 8).map((h) => `${h.name} (${h.key})`).join(', ')
    throw new AppError('errors.export.ambiguousRegion', { region: query, candidates: names }, `"${query}" is ambiguous; did you mean: ${names}`)
  }
}
