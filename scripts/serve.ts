// npm run serve [-- --dir dist --port 4173]: the production build over HTTP, with the caching and
// content types a real deployment needs (README › Deploying shows the same rules for nginx).
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.ics', '.atom', '.svg', '.txt'])

/** What the site root serves: the national calendar's pre-rendered page (scripts/prerender.ts). */
export const ROOT_PAGE = 'r/000000.html'

/** Cache rules: hashed assets and versioned data never change; the shell and feeds are revalidated. */
export function cacheControl(path: string): string {
  if (path === '/sw.js' || path === '/index.html' || path.startsWith('/workbox-') || path === '/manifest.webmanifest') return 'no-cache'
  if (path.startsWith('/assets/') || /^\/data\/[0-9a-f]{12}\//.test(path)) return 'public, max-age=31536000, immutable'
  if (path.startsWith('/feeds/')) return 'public, max-age=3600'
  return 'no-cache'
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}

/** The widget is made to be framed by any site (a county's, a school's): only it may be. */
export const EMBED_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *",
}

/** Whether `file` is `root` or inside it: no `..` step out, and not another drive or root. */
export function isInside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

const plain = (res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) =>
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...SECURITY_HEADERS, ...extra }).end(text)

export function startServer(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(staticHandler(dir))
  return new Promise((ok) => server.listen(port, host, () => ok(server)))
}

/**
 * The static site's request handler: the same rules whether it runs alone (npm run serve) or
 * beside the organiser service (server/main.ts hands it every request outside /api/).
 */
export function staticHandler(dir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(dir)
  const gzipCache = new Map<string, Buffer>()
  return (req, res) => {
    // One bad request never stops the server: every failure becomes an answer.
    try {
      serve(req, res)
    } catch (e) {
      if (!res.headersSent) plain(res, 500, '服务器内部错误 (internal error)')
      else res.destroy()
      console.error(`serve: ${req.method} ${req.url}: ${(e as Error).message}`)
    }
  }

  function serve(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, '只支持 GET 和 HEAD (method not allowed)', { Allow: 'GET, HEAD' })
    let path: string
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    } catch {
      return plain(res, 400, '地址格式错误 (malformed URL)')
    }
    if (path.includes('\0')) return plain(res, 400, '地址格式错误 (malformed URL)')
    let file = resolve(join(root, path))
    if (!isInside(root, file)) return plain(res, 403, '禁止访问 (forbidden)')
    // /embed/<code> is one page for every region (it reads the code from its address).
    const embed = /^\/embed\/[^/]*\/?$/.test(path)
    if (embed) {
      path = '/embed.html'
      file = join(root, 'embed.html')
    }
    // The site root, every first visit's address, is the pre-rendered national page (the app
    // hydrates it there, and goes on to the person's own region if they chose one before).
    if (path === '/' && statOrNull(join(root, ROOT_PAGE))?.isFile()) {
      path = `/${ROOT_PAGE}`
      file = join(root, ROOT_PAGE)
    }
    let stat = statOrNull(file)
    if (embed && !stat) return plain(res, 503, '网站正在更新，请稍后刷新 (the site is being updated)', { 'Retry-After': '5' })
    // A pre-rendered page answers for its address (/r/130200 is r/130200.html), as nginx's
    // `try_files $uri $uri.html` does.
    const page = !stat && !extname(path) ? statOrNull(`${file}.html`) : null
    if (page?.isFile()) {
      path = `${path}.html`
      file = `${file}.html`
      stat = page
    }
    // Other deep links (/e/…, a region's subscribe page) are the app's own routes: serve the shell.
    if (!stat || stat.isDirectory()) {
      if (TYPES[extname(path)] || /^\/(data|feeds|assets|icons|api)\//.test(path)) return plain(res, 404, 'Not found')
      path = '/index.html'
      file = join(root, 'index.html')
      stat = statOrNull(file)
      // A rebuild is replacing the site: say so, and let the client try again.
      if (!stat) return plain(res, 503, '网站正在更新，请稍后刷新 (the site is being updated)', { 'Retry-After': '5' })
    }
    const ext = extname(file)
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': cacheControl(path),
      ...(embed ? EMBED_HEADERS : SECURITY_HEADERS),
    }
    if (path === '/sw.js') headers['Service-Worker-Allowed'] = '/'
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const key = `${file}:${stat.mtimeMs}`
      let body = gzipCache.get(key)
      if (!body) {
        try {
          body = gzipSync(readFileSync(file))
        } catch {
          return plain(res, 404, 'Not found')
        }
        if (gzipCache.size > 2000) gzipCache.clear()
        gzipCache.set(key, body)
      }
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': String(body.length) })
      res.end(req.method === 'HEAD' ? undefined : body)
      return
    }
    if (req.method === 'HEAD') return res.writeHead(200, { ...headers, 'Content-Length': String(stat.size) }).end()
    // The file may vanish between stat and read (a deployment swapping the folder).
    const stream = createReadStream(file)
    stream.once('error', () => (res.headersSent ? res.destroy() : plain(res, 404, 'Not found')))
    stream.once('open', () => {
      res.writeHead(200, { ...headers, 'Content-Length': String(stat.size) })
      stream.pipe(res)
    })
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file)
  } catch {
    return null
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: process.env.PORT ?? '4173' }, host: { type: 'string', default: '127.0.0.1' } } })
  if (!existsSync(join(values.dir, 'index.html'))) {
    console.error(`${values.dir}/index.html is missing: run \`npm run build\` first.`)
    process.exit(1)
  }
  await startServer(values.dir, Number(values.port), values.host)
  console.log(`科普日历 is served at http://${values.host === '0.0.0.0' ? 'localhost' : values.host}:${values.port}/  (Ctrl+C to stop)`)
}
