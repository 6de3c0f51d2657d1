// Paths built from names the archive holds (document titles, file names a user typed) must stay inside
// the folder the user chose: an export named "../../.bashrc" or "C:\\Windows\\x" would otherwise write
// anywhere the user can. Export code joins every output name through resolveInside().
import path from 'node:path'
import { AppError } from '../common/errors'

/** Windows forbids these characters and names; refusing them everywhere keeps archives portable. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i

/** A file name with separators, control characters and characters Windows refuses replaced by "_". */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 200)
  if (!cleaned || RESERVED.test(cleaned)) return cleaned ? `_${cleaned}` : fallback
  return cleaned
}

/**
 * The absolute path of `name` inside `folder`; throws (AppError 'errors.export.outsideFolder') when
 * `name` is absolute or climbs out of the folder. `name` may hold sub-folders ("2022/notice.docx").
 */
export function resolveInside(folder: string, name: string, p: path.PlatformPath = path): string {
  const root = p.resolve(folder)
  const target = p.resolve(root, name)
  const rel = p.relative(root, target)
  const escapes = !name || p.isAbsolute(name) || rel === '' || rel === '..' || rel.startsWith(`..${p.sep}`) || p.isAbsolute(rel) || name.includes('\u0000')
  if (escapes) throw new AppError('errors.export.outsideFolder', { name }, `"${name}" would be written outside the chosen folder ${root}`)
  return target
}
