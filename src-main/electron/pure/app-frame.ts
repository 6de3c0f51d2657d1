// Which URLs are the app's own page. Electron-free so it can be tested with install paths of every
// platform: a packaged app lives under paths with spaces ("Policy Archive.app", "Program Files") and,
// on Windows, backslashes, and Chromium reports frame URLs percent-encoded. Both sides are therefore
// brought to one canonical file: URL, and the folder ends in "/" so a sibling ("renderer-evil/") never matches.
import { fileURLToPath, pathToFileURL } from 'node:url'

export interface AppLocation {
  /** The built renderer folder (…/out/renderer). */
  rendererDir: string
  /** The dev server's URL (electron-vite dev), when running in development. */
  devUrl?: string
  /** Treat paths as Windows paths (defaults to the running platform). */
  windows?: boolean
}

/** The renderer folder as a file: URL ending in "/". */
export function rendererBaseUrl(loc: AppLocation): string {
  const href = pathToFileURL(loc.rendererDir, { windows: loc.windows ?? process.platform === 'win32' }).href
  return href.endsWith('/') ? href : `${href}/`
}

/** The page the window loads. */
export function rendererIndexUrl(loc: AppLocation): string {
  return loc.devUrl ?? new URL('index.html', rendererBaseUrl(loc)).href
}

/** A file: URL in canonical form (same percent-encoding as pathToFileURL), or null when it is not one. */
function canonicalFileUrl(url: string, windows: boolean): string | null {
  try {
    const u = new URL(url)
    if (u.protocol !== 'file:') return null
    u.search = ''
    u.hash = ''
    return pathToFileURL(fileURLToPath(u, { windows }), { windows }).href
  } catch {
    return null
  }
}

/** True for URLs of the app itself: files inside the renderer folder, or the dev server's origin. */
export function isAppUrl(url: string | undefined | null, loc: AppLocation): boolean {
  if (!url) return false
  if (loc.devUrl) {
    try {
      return new URL(url).origin === new URL(loc.devUrl).origin
    } catch {
      return false
    }
  }
  const windows = loc.windows ?? process.platform === 'win32'
  const canonical = canonicalFileUrl(url, windows)
  if (!canonical) return false
  const base = rendererBaseUrl(loc)
  // Windows file systems ignore case; Chromium may report the drive letter in either case.
  return windows ? canonical.toLowerCase().startsWith(base.toLowerCase()) : canonical.startsWith(base)
}

/** A frame that may call the archive: the app's own top-level frame. */
export function mayCallApi(frame: { url: string; parent: unknown } | null | undefined, loc: AppLocation): boolean {
  return Boolean(frame) && frame!.parent === null && isAppUrl(frame!.url, loc)
}
