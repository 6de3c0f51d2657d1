// serve mode against a hostile page or network: one test per defence.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../../src-main/node/archive/archive'
import { ApiService } from '../../../src-main/node/services/api-service'
import { EventBus } from '../../../src-main/node/services/event-bus'
import { REFUSALS, startServer, staticFile, type ServeHandle } from '../../../src-main/node/serve/server'
import { tmpDir } from '../helpers/tmp'

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** Raw HTTP: the path is sent exactly as written (no URL normalisation), headers exactly as given. */
function raw(port: number, rawPath: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)))
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 2000 })
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
    s.once('timeout', () => {
      s.destroy()
      resolve(false)
    })
  })
}

describe('serve hardening', () => {
  let root: string
  let renderer: string
  let archive: Archive
  let api: ApiService
  let server: ServeHandle
  let port: number
  let cookie: string
  const bus = new EventBus()
  const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(port, `/api/${op}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  beforeAll(async () => {
    root = tmpDir()
    renderer = path.join(root, 'renderer')
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>index</title>')
    fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)')
    fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP SECRET')
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(renderer, 'assets', 'link.txt'))
    archive = await Archive.open(path.join(root, 'archive'))
    api = new ApiService(archive, bus, { mode: 'serve', version: 'test' })
    server = await startServer({ api, bus, rendererDir: renderer, maxBody: 64 * 1024 })
    port = Number(new URL(server.origin).port)
    const first = await raw(port, `/?token=${server.token}`)
    cookie = String(first.headers['set-cookie']).split(';')[0]
  })

  afterAll(async () => {
    await api.shutdown()
    await server.close()
    await archive.close()
  })

  it('listens on 127.0.0.1 only: not on IPv6 loopback nor on any other interface', async () => {
    expect(await connects('127.0.0.1', port)).toBe(true)
    expect(await connects('::1', port)).toBe(false)
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
    for (const i of others) expect(await connects(i!.address, port), i!.address).toBe(false)
  })

  it('asks for the token on every kind of request', async () => {
    for (const p of ['/', '/index.html', '/assets/app.js', '/library', '/api/events']) expect((await raw(port, p)).status, p).toBe(403)
    expect((await raw(port, '/api/app.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403)
    expect((await raw(port, '/api/app.info', { method: 'POST', headers: { cookie: 'pa_token=wrong', 'content-type': 'application/json' }, body: '{}' })).status).toBe(403)
    // The header works as the cookie does (for scripts), and only with the right value.
    const header = await raw(port, '/api/app.info', { method: 'POST', headers: { 'x-policy-archive-token': server.token, 'content-type': 'application/json' }, body: '{}' })
    expect(header.status).toBe(200)
    expect((await raw(port, '/api/app.info', { method: 'POST', headers: { 'x-policy-archive-token': `${server.token}x`, 'content-type': 'application/json' }, body: '{}' })).status).toBe(403)
  })

  it('words the refusal page in Chinese first, with English below', async () => {
    const wrong = await raw(port, '/?token=wrong')
    expect(wrong.status).toBe(403)
    expect(wrong.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(wrong.body).toBe(REFUSALS.wrongToken)
    expect(wrong.body.split('\n')[0]).toMatch(/^禁止访问：访问令牌不正确/)
    expect(wrong.body).toContain('wrong access token')
    const none = await raw(port, '/')
    expect(none.body.split('\n')[0]).toMatch(/^禁止访问：此页面需要访问令牌/)
  })

  it('checks Host (DNS rebinding) and Origin even with the token', async () => {
    for (const host of ['attacker.example', `attacker.example:${port}`, `127.0.0.1.nip.io:${port}`, '127.0.0.1:1']) {
      const r = await raw(port, '/api/app.info', { method: 'POST', headers: { host, cookie, 'content-type': 'application/json' }, body: '{}' })
      expect(r.status, host).toBe(403)
      expect(r.body).toBe(REFUSALS.host)
    }
    for (const origin of ['http://evil.example', `http://127.0.0.1.evil.example:${port}`, `https://127.0.0.1:${port}`, 'null']) {
      const r = await post('app.info', {}, { origin })
      expect(r.status, origin).toBe(403)
      expect(r.body).toBe(REFUSALS.origin)
    }
    expect((await post('app.info', {}, { origin: `http://127.0.0.1:${port}` })).status).toBe(200)
    expect((await raw(port, '/api/app.info', { method: 'POST', headers: { host: `localhost:${port}`, cookie, 'content-type': 'application/json' }, body: '{}' })).status).toBe(200)
  })

  it('limits request bodies: a declared or an actual size over the limit gets 413 with a key', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(70 * 1024) })
    const actual = await post('import.text', JSON.parse(big))
    expect(actual.status).toBe(413)
    expect(JSON.parse(actual.body).error).toMatchObject({ code: 'invalid-arguments', key: 'errors.api.tooLarge', params: { mb: 0 } })
    const declared = await raw(port, '/api/import.text', { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) }, body: '{}' })
    expect(declared.status).toBe(413)
    // The server still answers afterwards.
    expect((await post('app.info', {})).status).toBe(200)
    const garbage = await raw(port, '/api/app.info', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{not json' })
    expect(garbage.status).toBe(400)
    expect(JSON.parse(garbage.body).error.key).toBe('errors.api.badRequest')
  })

  it('refuses path traversal: .., encoded dots and slashes, backslashes, NUL, symbolic links out', async () => {
    const attempts = ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/%00', '/%E0%A4%A', '/assets/link.txt', '//etc/passwd']
    for (const p of attempts) {
      const r = await raw(port, p, { headers: { cookie } })
      expect(r.body, p).not.toContain('TOP SECRET')
      expect(r.body, p).not.toMatch(/root:/)
      expect([200, 400], p).toContain(r.status)
      if (r.status === 200) expect(r.body, p).toContain('<title>index</title>')
    }
    expect((await raw(port, '/assets/app.js', { headers: { cookie } })).body).toBe('console.log(1)')
    const real = fs.realpathSync(renderer)
    expect(staticFile(real, '/assets/link.txt')).toBeNull()
    expect(staticFile(real, '/%2e%2e/secret.txt')).toBeNull()
    expect(staticFile(real, '/no/such/route')).toBe(path.join(real, 'index.html'))
    expect(staticFile(real, '/assets/app.js')).toBe(path.join(real, 'assets/app.js'))
  })

  it('refuses operations that take file-system paths or open system dialogs', async () => {
    const paths = await post('import.paths', { paths: [path.join(root, 'secret.txt')] })
    expect(paths.status).toBe(403)
    expect(JSON.parse(paths.body).error).toMatchObject({ code: 'forbidden', key: 'errors.api.pathsRefusedServe' })
    const inbox = await post('settings.update', { patch: { inboxFolder: root } })
    expect(inbox.status).toBe(403)
    expect((await post('import.choose', {})).status).toBe(403)
    expect((await post('settings.chooseInbox', {})).status).toBe(403)
    expect(JSON.parse((await post('settings.get', {})).body).result.inboxFolder).toBeNull()
    // Turning the inbox off and changing its tags carry no path.
    expect((await post('settings.update', { patch: { inboxFolder: null, inboxTags: ['收件箱'] } })).status).toBe(200)
  })

  it('stages uploads inside the archive under safe names, whatever names they arrive with', async () => {
    const names = ['../../escaped.txt', '..\\..\\escaped2.txt', '/tmp/abs.txt', 'C:\\Windows\\win.txt', 'nul\u0000.txt', '通告.txt']
    const before = new Set(fs.readdirSync(root))
    const files = names.map((name, i) => ({ name, base64: Buffer.from(`某市疫情防控通告第${i}号\n全市暂停堂食。`).toString('base64') }))
    const done = new Promise<void>((resolve) => {
      const off = bus.on((e) => {
        if (e === 'import.done') {
          off()
          resolve()
        }
      })
    })
    const r = await post('import.files', { files })
    expect(r.status).toBe(200)
    await done
    // Nothing was written beside the archive or in /tmp under the given names.
    expect(new Set(fs.readdirSync(root))).toEqual(before)
    expect(fs.existsSync('/tmp/abs.txt') && fs.readFileSync('/tmp/abs.txt', 'utf8').includes('某市疫情防控通告')).toBe(false)
    const list = JSON.parse((await post('documents.list', {})).body).result
    expect(list.total).toBe(names.length)
    // Staged files are removed once the job finished.
    const incoming = path.join(root, 'archive', 'incoming')
    expect(fs.existsSync(incoming) ? fs.readdirSync(incoming) : []).toEqual([])
  })
})
