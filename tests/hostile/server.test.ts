import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../scripts/serve'
import { startService } from '../../server/service'
import { root } from '../unit/helpers'

// The servers behind `npm run serve` and `npm start`, as a hostile or careless client meets them.
// After every case they still answer.
const work = join(root, '.tmp/hostile-server')
const site = join(work, 'dist')

beforeAll(() => {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(join(site, 'feeds'), { recursive: true })
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>科普日历</title>')
  writeFileSync(join(site, 'feeds/130200.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')
  // A sibling whose name starts with the served folder's name.
  mkdirSync(join(work, 'dist-private'), { recursive: true })
  writeFileSync(join(work, 'dist-private/.env'), 'SECRET=1')
})

/** The two ways the site is served; both must obey the same rules (one table). */
const SERVERS: [string, () => Promise<{ port: number; close: () => Promise<unknown> }>][] = [
  [
    'npm run serve (the static site alone)',
    async () => {
      const server = await startServer(site, 0)
      return { port: (server.address() as AddressInfo).port, close: () => new Promise((ok) => server.close(ok)) }
    },
  ],
  [
    'npm start (the site beside the organiser service)',
    async () => {
      const service = await startService({ siteDir: site })
      await service.app.listen({ port: 0, host: '127.0.0.1' })
      return { port: (service.app.server.address() as AddressInfo).port, close: () => service.close() }
    },
  ],
]

describe.each(SERVERS)('%s under hostile requests', (_name, start) => {
  let base = ''
  let close: () => Promise<unknown> = async () => undefined
  beforeAll(async () => {
    const running = await start()
    base = `http://127.0.0.1:${running.port}`
    close = running.close
  }, 60_000)
  afterAll(() => close())

  async function alive() {
    expect((await fetch(`${base}/feeds/130200.ics`)).status).toBe(200)
  }

  it.each([
    ['/%', 400],
    ['/%E0%A4%A', 400],
    ['/%ff', 400],
    ['/..%2fdist-private%2f.env', 403],
    ['/..%5cdist-private%5c.env', 403],
    // fetch folds %2e%2e away before sending: the shell, not the file.
    ['/%2e%2e/dist-private/.env', 200],
    ['/..%2f..%2f..%2fetc%2fpasswd', 403],
    ['/feeds/%00.ics', 400],
    ['/feeds/999999.ics', 404],
    ['/data/abc/r/000000.json', 404],
    ['/api/nothing', 404],
    ['/api/%E0%A4%A', 400],
  ])('GET %s → %i, and the server stays up', async (path, status) => {
    const res = await fetch(`${base}${path}`)
    expect(res.status).toBe(status)
    expect(await res.text()).not.toContain('SECRET')
    await alive()
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s → 405 with Allow', async (method) => {
    const res = await fetch(`${base}/index.html`, { method })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
    await alive()
  })

  it('a site being replaced (index.html gone) answers 503 with Retry-After, not a crash', async () => {
    rmSync(join(site, 'index.html'))
    const res = await fetch(`${base}/r/130200`)
    expect([res.status, res.headers.get('retry-after')]).toEqual([503, '5'])
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>科普日历</title>')
    expect((await fetch(`${base}/r/130200`)).status).toBe(200)
  })

  it('2,000 requests, 100 at a time: every one answered', async () => {
    const paths = ['/feeds/130200.ics', '/r/130200', '/%', '/..%2fdist-private%2f.env']
    let ok = 0
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => fetch(`${base}${paths[i % paths.length]}`).then((r) => r.status)))
      ok += answers.filter((s) => [200, 400, 403].includes(s)).length
    }
    expect(ok).toBe(2000)
  }, 60_000)
})
