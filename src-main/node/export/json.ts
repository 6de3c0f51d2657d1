// .json: the model itself, versioned, for scripts that read exports.
import type { ExportModel } from './model'

export const EXPORT_JSON_VERSION = 1

export function renderJson(model: ExportModel): Buffer {
  return Buffer.from(`${JSON.stringify({ format: 'policy-archive-export', version: EXPORT_JSON_VERSION, ...model }, null, 2)}\n`, 'utf8')
}
