import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppUrl, mayCallApi, rendererBaseUrl, rendererIndexUrl } from '../../../src-main/electron/pure/app-frame'

const win = (rendererDir: string) => ({ rendererDir, windows: true })
const posix = (rendererDir: string) => ({ rendererDir, windows: false })

describe('the IPC sender check compares canonical URLs', () => {
  it('accepts the packaged page under a macOS path with spaces (Chromium percent-encodes it)', () => {
    const loc = posix('/Applications/Policy Archive.app/Contents/Resources/app.asar/out/renderer')
    expect(rendererIndexUrl(loc)).toBe('file:///Applications/Policy%20Archive.app/Contents/Resources/app.asar/out/renderer/index.html')
    expect(isAppUrl('file:///Applications/Policy%20Archive.app/Contents/Resources/app.asar/out/renderer/index.html#/library', loc)).toBe(true)
    expect(isAppUrl('file:///Applications/Policy%20Archive.app/Contents/Resources/app.asar/out/renderer/index.html?x=1', loc)).toBe(true)
  })

  it('accepts a Windows install under "Program Files" with backslashes, whatever the drive letter case', () => {
    const loc = win('C:\\Program Files\\Policy Archive\\resources\\app.asar\\out\\renderer')
    expect(rendererBaseUrl(loc)).toBe('file:///C:/Program%20Files/Policy%20Archive/resources/app.asar/out/renderer/')
    expect(isAppUrl('file:///C:/Program%20Files/Policy%20Archive/resources/app.asar/out/renderer/index.html', loc)).toBe(true)
    expect(isAppUrl('file:///c:/Program%20Files/Policy%20Archive/resources/app.asar/out/renderer/index.html#/import', loc)).toBe(true)
  })

  it('accepts Chinese folder names however Chromium encodes them', () => {
    const loc = posix('/home/用户/应用/out/renderer')
    const encoded = `${rendererBaseUrl(loc)}index.html`
    expect(encoded).toContain('%E7%94%A8%E6%88%B7')
    expect(isAppUrl(encoded, loc)).toBe(true)
  })

  it('refuses a sibling folder that shares the prefix', () => {
    const loc = posix('/opt/Policy Archive/resources/app.asar/out/renderer')
    expect(isAppUrl('file:///opt/Policy%20Archive/resources/app.asar/out/renderer-evil/index.html', loc)).toBe(false)
    expect(isAppUrl('file:///opt/Policy%20Archive/resources/app.asar/out/renderer', loc)).toBe(false)
    const w = win('C:\\Program Files\\Policy Archive\\resources\\app.asar\\out\\renderer')
    expect(isAppUrl('file:///C:/Program%20Files/Policy%20Archive/resources/app.asar/out/renderer-evil/index.html', w)).toBe(false)
  })

  it('refuses climbing out with .. or encoded separators, other schemes and other hosts', () => {
    const loc = posix('/opt/app/out/renderer')
    expect(isAppUrl('file:///opt/app/out/renderer/../secret/index.html', loc)).toBe(false)
    expect(isAppUrl('file:///opt/app/out/renderer/%2e%2e/secret/index.html', loc)).toBe(false)
    expect(isAppUrl('file:///opt/app/out/renderer/a%2Fb.html', loc)).toBe(false)
    expect(isAppUrl('https://evil.example/opt/app/out/renderer/index.html', loc)).toBe(false)
    expect(isAppUrl('file://evil.example/opt/app/out/renderer/index.html', loc)).toBe(false)
    expect(isAppUrl('javascript:alert(1)', loc)).toBe(false)
    expect(isAppUrl('', loc)).toBe(false)
    expect(isAppUrl(undefined, loc)).toBe(false)
  })

  it('in development, accepts only the dev server origin', () => {
    const loc = { rendererDir: '/x', devUrl: 'http://localhost:5173' }
    expect(rendererIndexUrl(loc)).toBe('http://localhost:5173')
    expect(isAppUrl('http://localhost:5173/#/library', loc)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', loc)).toBe(false)
    expect(isAppUrl('http://localhost:5173.evil.example/', loc)).toBe(false)
  })

  it('agrees with pathToFileURL for this machine (the real build folder)', () => {
    const dir = path.resolve('out/renderer')
    expect(isAppUrl(pathToFileURL(path.join(dir, 'index.html')).href, { rendererDir: dir })).toBe(true)
  })

  it('lets only the top frame of the app call the archive', () => {
    const loc = posix('/opt/app/out/renderer')
    const url = 'file:///opt/app/out/renderer/index.html'
    expect(mayCallApi({ url, parent: null }, loc)).toBe(true)
    expect(mayCallApi({ url, parent: {} }, loc)).toBe(false)
    expect(mayCallApi({ url: 'file:///tmp/page.html', parent: null }, loc)).toBe(false)
    expect(mayCallApi(null, loc)).toBe(false)
  })
})
