// npm run serve [-- --dir dist --port 4173]: the production build over HTTP, with the caching and
// content types a real deployment needs (README › Deploying shows the same rules for nginx).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.ics', '.svg', '.txt'])

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

export function startServer(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(dir)
  const gzipCache = new Map<string, Buffer>()
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    let path = decodeURIComponent(url.pathname)
    let file = normalize(join(root, path))
    if (!file.startsWith(root)) {
      res.writeHead(403).end()
      return
    }
    // Deep links (/r/130200, /e/…) are the app's own routes: serve the shell.
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (TYPES[extname(path)] || /^\/(data|feeds|assets|icons)\//.test(path)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end('Not found')
        return
      }
      path = '/index.html'
      file = join(root, 'index.html')
    }
    const ext = extname(file)
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': cacheControl(path),
      ...SECURITY_HEADERS,
    }
    if (path === '/sw.js') headers['Service-Worker-Allowed'] = '/'
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const key = `${file}:${statSync(file).mtimeMs}`
      let body = gzipCache.get(key)
      if (!body) {
        body = gzipSync(readFileSync(file))
        if (gzipCache.size > 2000) gzipCache.clear()
        gzipCache.set(key, body)
      }
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': String(body.length) })
      res.end(req.method === 'HEAD' ? undefined : body)
      return
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(statSync(file).size) })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
  })
  return new Promise((ok) => server.listen(port, host, () => ok(server)))
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
