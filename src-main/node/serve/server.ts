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
import type { ApiErrorBody } from '../../common/api/contract'

export interface ServeOptions {
  api: ApiService
  bus: EventBus
  rendererDir: string
  port?: number
  token?: string
  /** Largest request body accepted (bytes); default 150 MB (uploads arrive as base64 in batches of 40 MB). */
  maxBody?: number
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

/**
 * Refusals are read by a person in a browser before the interface (and its i18n) has loaded, so they
 * are plain text in both languages, Chinese first.
 */
export const REFUSALS = {
  host: '禁止访问：请求的主机名（Host）不是本机。\nForbidden: unexpected Host header.',
  origin: '禁止访问：不接受来自其他网站的请求。\nForbidden: requests from other origins are refused.',
  wrongToken: '禁止访问：访问令牌不正确。请使用 policy-archive serve 打印的完整网址打开。\nForbidden: wrong access token. Open the full URL that policy-archive serve printed.',
  noToken: '禁止访问：此页面需要访问令牌。请使用 policy-archive serve 打印的完整网址打开。\nForbidden: this page needs the access token from the URL that policy-archive serve printed.',
  badPath: '请求的路径无效。\nBad request: invalid path.',
  method: '不支持这种请求方式。\nMethod not allowed.'
} as const

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

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // A declared length over the limit is refused before a byte is read.
    if (Number(req.headers['content-length'] ?? 0) > max) return reject(new BodyTooLarge())
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) {
        reject(new BodyTooLarge())
        req.pause()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const STATUS: Record<ApiErrorBody['code'], number> = { 'invalid-arguments': 400, 'unknown-operation': 400, 'not-found': 404, forbidden: 403, failed: 500 }

/**
 * The file a static request names, inside `root` (already a real path): null for a path that is
 * malformed or escapes it (.., encoded separators, NUL, a symbolic link leading out); index.html for
 * anything that is not a file there (client-side routes).
 */
export function staticFile(root: string, pathname: string): string | null {
  let rel: string
  try {
    rel = decodeURIComponent(pathname).replace(/^\/+/, '')
  } catch {
    return null
  }
  if (rel.includes('\0') || rel.includes('\\')) return null
  const file = path.resolve(root, rel)
  if (file !== root && !file.startsWith(root + path.sep)) return null
  const index = path.join(root, 'index.html')
  let real: string
  try {
    real = fs.realpathSync(file)
  } catch {
    return index
  }
  if (real !== root && !real.startsWith(root + path.sep)) return null
  return fs.statSync(real).isFile() ? real : index
}

export function startServer(opts: ServeOptions): Promise<ServeHandle> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const root = fs.realpathSync(path.resolve(opts.rendererDir))
  const maxBody = opts.maxBody ?? MAX_BODY
  let origin = ''
  let allowedHosts: string[] = []

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('X-Frame-Options', 'DENY')
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, REFUSALS.host)
    const reqOrigin = req.headers.origin
    if (reqOrigin && reqOrigin !== origin && reqOrigin !== origin.replace('127.0.0.1', 'localhost')) {
      return send(res, 403, REFUSALS.origin)
    }
    let url: URL
    try {
      url = new URL(req.url ?? '/', origin)
    } catch {
      return send(res, 400, REFUSALS.badPath)
    }
    const given = url.searchParams.get('token')
    if (given !== null && req.method === 'GET') {
      if (!safeEqual(given, token)) return send(res, 403, REFUSALS.wrongToken)
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
      return send(res, 403, REFUSALS.noToken)
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
      if (req.method !== 'POST') return send(res, 405, REFUSALS.method)
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'send application/json')
      let args: unknown
      let op: string
      try {
        op = decodeURIComponent(url.pathname.slice(5))
        const body = await readBody(req, maxBody)
        args = body ? JSON.parse(body) : {}
      } catch (e) {
        const tooLarge = e instanceof BodyTooLarge
        const error = tooLarge
          ? { code: 'invalid-arguments', message: `the request is larger than ${Math.round(maxBody / 1048576)} MB`, key: 'errors.api.tooLarge', params: { mb: Math.round(maxBody / 1048576) } }
          : { code: 'invalid-arguments', message: `the request is not valid JSON (${(e as Error).message})`, key: 'errors.api.badRequest', params: {} }
        res.setHeader('Connection', 'close')
        return send(res, tooLarge ? 413 : 400, JSON.stringify({ ok: false, error }), 'application/json; charset=utf-8')
      }
      const result = await opts.api.dispatch(op, args, 'http')
      const status = result.ok ? 200 : STATUS[result.error.code]
      return send(res, status, JSON.stringify(result), 'application/json; charset=utf-8')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, REFUSALS.method)
    // Static files; anything else is the single-page app's index (client-side routes).
    const file = staticFile(root, url.pathname)
    if (!file) return send(res, 400, REFUSALS.badPath)
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
