// npm start (after npm run build) — the site and the organiser service on one port.
//   PORT (4173), HOST (127.0.0.1), SITE_DIR (dist), SERVICE_DATA (.service-data: PGlite's folder),
//   DATABASE_URL (postgres://…: use PostgreSQL instead of PGlite), SIGNIN_LIMIT_PER_ADDRESS (60 a
//   minute: raise it when many organisers share one address, or behind a proxy), TRUST_PROXY (unset:
//   trust no proxy; `true`, or the proxy's addresses such as `127.0.0.1,::1`: behind a TLS proxy
//   that sets X-Forwarded-Proto, so the session cookie is marked Secure).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startService } from './service'

const siteDir = process.env.SITE_DIR ?? 'dist'
if (!existsSync(join(siteDir, 'index.html'))) {
  console.error(`${siteDir}/index.html is missing: run \`npm run build\` first (npm start does).`)
  process.exit(1)
}
const port = Number(process.env.PORT ?? 4173)
const host = process.env.HOST ?? '127.0.0.1'
const service = await startService({
  siteDir,
  dataDir: process.env.SERVICE_DATA ?? '.service-data',
  databaseUrl: process.env.DATABASE_URL,
  addressLimit: Number(process.env.SIGNIN_LIMIT_PER_ADDRESS ?? 60),
  trustProxy: trustProxy(process.env.TRUST_PROXY),
})
await service.app.listen({ port, host })
const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`
if (service.firstInvitation) console.log(`首个管理员账号：打开 ${origin}${service.firstInvitation} 注册（24 小时内有效，只能用一次）\nFirst admin account: open the link above to sign up (valid 24 h, once).\n`)
console.log(`科普日历 is served at ${origin}/  (organiser service: ${origin}/api/health, database: ${service.db.kind})  Ctrl+C to stop`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void service.close().then(() => process.exit(0)))

/** TRUST_PROXY as Fastify takes it: true, or the proxies' addresses (comma-separated). */
function trustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'false') return false
  return value === 'true' ? true : value
}
