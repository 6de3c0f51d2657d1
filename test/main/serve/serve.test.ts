import fs from 'node:fs'
import path from 'node:path'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { ApiService } from '../../../src-main/node/services/api-service'
import { EventBus } from '../../../src-main/node/services/event-bus'
import { startServer, type ServeHandle } from '../../../src-main/node/serve/server'
import { tmpDir } from '../helpers/tmp'

/** Raw HTTP so Host/Origin/Cookie headers are exactly what the test says (fetch would override Host). */
function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

describe('serve mode', () => {
  let archive: Archive
  let server: ServeHandle
  let api: ApiService
  let cookie: string
  const bus = new EventBus()

  beforeAll(async () => {
    const root = tmpDir()
    const renderer = path.join(root, 'renderer')
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>index</title>')
    fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)')
    archive = await Archive.open(path.join(root, 'archive'))
    api = new ApiService(archive, bus, { mode: 'serve', version: 'test' })
    server = await startServer({ api, bus, rendererDir: renderer })
  })

  afterAll(async () => {
    await api.shutdown()
    await server.close()
    await archive.close()
  })

  it('listens on 127.0.0.1 only and prints a URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/)
  })

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await request(`${server.origin}/`)).status).toBe(403)
    expect((await request(`${server.origin}/assets/app.js`)).status).toBe(403)
    expect((await request(`${server.origin}/?token=wrong`)).status).toBe(403)
    const api1 = await request(`${server.origin}/api/app.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(api1.status).toBe(403)
  })

  it('trades the token for an HttpOnly cookie, then serves the app and the API', async () => {
    const first = await request(server.url)
    expect(first.status).toBe(302)
    const setCookie = String(first.headers['set-cookie'])
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    cookie = setCookie.split(';')[0]
    const page = await request(`${server.origin}/`, { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const info = await request(`${server.origin}/api/app.info`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })
    expect(info.status).toBe(200)
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, result: { mode: 'serve', documents: 0 } })
  })

  it('refuses other origins and foreign Host headers even with the token', async () => {
    const evil = await request(`${server.origin}/api/app.info`, {
      method: 'POST',
      headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}'
    })
    expect(evil.status).toBe(403)
    const rebinding = await request(`${server.origin}/`, { headers: { cookie, host: 'attacker.example:80' } })
    expect(rebinding.status).toBe(403)
  })

  it('validates arguments against the contract before running anything', async () => {
    const post = (op: string, body: unknown) =>
      request(`${server.origin}/api/${op}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const bad = await post('documents.list', { limit: -5 })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid-arguments' })
    const extra = await post('documents.get', { id: 'abcd1234', evil: true })
    expect(JSON.parse(extra.body).error.code).toBe('invalid-arguments')
    const unknown = await post('fs.readFile', { path: '/etc/passwd' })
    expect(JSON.parse(unknown.body).error.code).toBe('unknown-operation')
    const missing = await post('documents.get', { id: 'nosuchdoc1' })
    expect(missing.status).toBe(404)
  })

  it('imports pasted text and streams progress events to the page', async () => {
    const events: string[] = []
    const done = new Promise<void>((resolve) => {
      const req = http.get(`${server.origin}/api/events`, { headers: { cookie } }, (res) => {
        res.on('data', (d: Buffer) => {
          events.push(d.toString())
          if (events.join('').includes('event: import.done')) {
            req.destroy()
            resolve()
          }
        })
      })
    })
    await new Promise((r) => setTimeout(r, 50))
    const r = await request(`${server.origin}/api/import.text`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '某市疫情防控指挥部通告\n全市暂停堂食。\n2022年5月1日', name: '粘贴的通告' })
    })
    expect(JSON.parse(r.body).result.jobId).toMatch(/[0-9a-f-]{36}/)
    await done
    const all = events.join('')
    expect(all).toMatch(/event: import.item\ndata: .*"outcome":"imported".*"file":"粘贴的通告"/)
    const list = await request(`${server.origin}/api/documents.list`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })
    expect(JSON.parse(list.body).result.total).toBe(1)
  })
})
