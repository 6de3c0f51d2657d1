import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, call, isDesktop, onEvent, resetTransport } from '@/api/client'
import { FakeApi, uninstall } from './fake-api'

afterEach(() => {
  uninstall()
  resetTransport()
  vi.unstubAllGlobals()
})

describe('api client', () => {
  it('uses window.api in the desktop app and never fetch', async () => {
    const fake = new FakeApi(3).install()
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    expect(isDesktop()).toBe(true)
    const res = await call('documents.list', { offset: 0, limit: 2 })
    expect(res.total).toBe(3)
    expect(res.rows).toHaveLength(2)
    expect(fake.callsOf('documents.list')).toEqual([{ filter: {}, offset: 0, limit: 2, sort: 'newest' }])
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('unwraps a desktop error into an ApiError with code and message', async () => {
    new FakeApi().install()
    const err = await call('documents.get', { id: 'nosuchdoc' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('not-found')
    expect((err as ApiError).message).toContain('nosuchdoc')
  })

  it('reports invalid arguments that the contract refuses', async () => {
    new FakeApi().install()
    // The limit is above the contract's maximum on purpose (types allow any number, zod does not).
    const err = await call('documents.list', { limit: 5000 }).catch((e: unknown) => e)
    expect((err as ApiError).code).toBe('invalid-arguments')
  })

  it('POSTs JSON to /api/<operation> in serve mode', async () => {
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify({ ok: true, result: [{ name: 'a', count: 1 }] }), { status: 200 }))
    vi.stubGlobal('fetch', fetchSpy)
    expect(isDesktop()).toBe(false)
    const tags = await call('tags.list', {})
    expect(tags).toEqual([{ name: 'a', count: 1 }])
    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/tags.list')
    expect(init.method).toBe('POST')
    expect(JSON.parse(String(init.body))).toEqual({})
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })

  it('turns serve error bodies and plain-text refusals into ApiErrors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'failed', message: 'disk full' } }), { status: 500 }))
    )
    await expect(call('app.info', {})).rejects.toMatchObject({ code: 'failed', message: 'disk full' })
    vi.stubGlobal('fetch', vi.fn(async () => new Response('forbidden: wrong access token', { status: 403 })))
    await expect(call('app.info', {})).rejects.toMatchObject({ code: 'forbidden', message: 'forbidden: wrong access token' })
  })

  it('subscribes to events through window.api.on and unsubscribes', () => {
    const fake = new FakeApi().install()
    const seen: number[] = []
    const off = onEvent('archive.changed', (p) => seen.push(p.sequence))
    fake.emit('archive.changed', { sequence: 7 })
    off()
    fake.emit('archive.changed', { sequence: 8 })
    expect(seen).toEqual([7])
  })

  it('uses one EventSource on /api/events in serve mode', () => {
    const instances: FakeSource[] = []
    class FakeSource {
      listeners = new Map<string, (e: MessageEvent) => void>()
      constructor(readonly url: string) {
        instances.push(this)
      }
      addEventListener(name: string, fn: (e: MessageEvent) => void): void {
        this.listeners.set(name, fn)
      }
      removeEventListener(name: string): void {
        this.listeners.delete(name)
      }
      close(): void {}
    }
    vi.stubGlobal('EventSource', FakeSource)
    const routes: string[] = []
    const off = onEvent('app.navigate', (p) => routes.push(p.route))
    onEvent('archive.changed', () => {})
    expect(instances).toHaveLength(1)
    expect(instances[0].url).toBe('/api/events')
    instances[0].listeners.get('app.navigate')!(new MessageEvent('app.navigate', { data: JSON.stringify({ route: '/tags' }) }))
    expect(routes).toEqual(['/tags'])
    off()
    expect(instances[0].listeners.has('app.navigate')).toBe(false)
  })
})
