// The Compare engine: Electron-free functions over the archive. The API handlers, the CLI's
// `compare` command and the export of comparisons all go through these entry points.
export { compareRegions, today } from './compare'
export { regionTree, resolveRegionName, flattenTree } from './tree'
export { timeline } from './timeline'
export { mapValues } from './map'
export { listSets, saveSet, deleteSet, type SetInput } from './sets'
export { differenceSentence, paramsInWords } from './difference'
export { compareStrictness } from './strictness'
export { compositeIndex } from './composite'
export { CATEGORY_ZH, LEVEL_ZH, levelPhrase } from './labels'
