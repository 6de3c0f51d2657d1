// Where the desktop app keeps its archive, computed the way Electron computes userData
// (appData/productName), so the command line finds the same archive without loading Electron.
import os from 'node:os'
import path from 'node:path'

export const PRODUCT_NAME = 'Policy Archive'

export function appDataDir(): string {
  if (process.platform === 'win32') return process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming')
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support')
  return process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config')
}

export function defaultArchiveDir(userData = path.join(appDataDir(), PRODUCT_NAME)): string {
  return path.join(userData, 'archive')
}

/** --archive, else $POLICY_ARCHIVE, else the desktop app's own archive (CONTRACT.md). */
export function resolveArchiveDir(flag: string | undefined): string {
  return path.resolve(flag ?? process.env.POLICY_ARCHIVE ?? defaultArchiveDir())
}
