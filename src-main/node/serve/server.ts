// serve mode: the built renderer and the API contract over HTTP, on 127.0.0.1 only.
// Access needs the random token from the printed URL; the first visit trades it for an HttpOnly
// cookie. Host and Origin are checked too, so other sites (and DNS rebinding) cannot call the API.
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { ApiService } from '../services/api-service'
import type { EventBus } from '../services/event-bus'
import { CONTENT_SECURITY_POLICY } from '../../common/csp'

export interface ServeOptions {
  api: ApiService
  bus: EventBus
  rendererDir: string
  port?: number
  token?: string
}

export interface ServeHandle {
  url: string
  origin: string
  token: string
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm'
}

const MAX_BODY = 150 * 1024 * 1024
const COOKIE = 'pa_token'

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieToken(req: http.IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=')
    if (k === COOKIE && v) return decodeURIComponent(v)
  }
  return null
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(body)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('request too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export function startServer(opts: ServeOptions): Promise<ServeHandle> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const root = path.resolve(opts.rendererDir)
  let origin = ''
  let allowedHosts: string[] = []

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('X-Frame-Options', 'DENY')
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, 'forbidden: unexpected Host header')
    const reqOrigin = req.headers.origin
    if (reqOrigin && reqOrigin !== origin && reqOrigin !== origin.replace('127.0.0.1', 'localhost')) {
      return send(res, 403, 'forbidden: requests from other origins are refused')
    }
    const url = new URL(req.url ?? '/', origin)
    const given = url.searchParams.get('token')
    if (given !== null && req.method === 'GET') {
      if (!safeEqual(given, token)) return send(res, 403, 'forbidden: wrong access token')
      url.searchParams.delete('token')
      res.writeHead(302, {
        'Set-Cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
        'Cache-Control': 'no-store'
      })
      return void res.end()
    }
    const presented = cookieToken(req) ?? (req.headers['x-policy-archive-token'] as string | undefined) ?? null
    if (!presented || !safeEqual(presented, token)) {
      return send(res, 403, 'forbidden: this page needs the access token from the URL that `policy-archive serve` printed')
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      const off = opts.bus.on((event, payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`))
      const ping = setInterval(() => res.write(': ping\n\n'), 25_000)
      req.on('close', () => {
        off()
        clearInterval(ping)
      })
      return
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'use POST')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'send application/json')
      let args: unknown
      try {
        const body = await readBody(req)
        args = body ? JSON.parse(body) : {}
      } catch (e) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid-arguments', message: (e as Error).message } }), 'application/json')
      }
      const result = await opts.api.dispatch(decodeURIComponent(url.pathname.slice(5)), args)
      const status = result.ok ? 200 : result.error.code === 'not-found' ? 404 : result.error.code === 'failed' ? 500 : 400
      return send(res, status, JSON.stringify(result), 'application/json; charset=utf-8')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed')
    // Static files; anything else is the single-page app's index (client-side routes).
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '')
    let file = path.resolve(root, rel)
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html')
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream'
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600' })
    fs.createReadStream(file).pipe(res)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent) send(res, 500, `internal error: ${e.message}`)
      else res.end()
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      origin = `http://127.0.0.1:${port}`
      allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
      resolve({
        url: `${origin}/?token=${token}`,
        origin,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    })
  })
}
