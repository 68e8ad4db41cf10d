import { describe, expect, it } from 'vitest'
import { BASE } from './setup/site'

// The static server behind `npm start` sends what calendar clients and the service worker need.
describe('static server', () => {
  it.each([
    ['/feeds/130200.ics', 'text/calendar; charset=utf-8', 'public, max-age=3600'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/r/130200', 'text/html; charset=utf-8', 'no-cache'],
    ['/e/kepu-ri.000000.2023', 'text/html; charset=utf-8', 'no-cache'],
  ])('%s → %s, %s', async (path, type, cache) => {
    const res = await fetch(`${BASE}${path}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect(res.headers.get('cache-control')).toBe(cache)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('caches hashed assets and versioned data for a year', async () => {
    const html = await (await fetch(`${BASE}/`)).text()
    const asset = /\/assets\/[^"]+\.js/.exec(html)![0]
    expect((await fetch(`${BASE}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const { version } = await (await fetch(`${BASE}/data/latest.json`)).json()
    const data = await fetch(`${BASE}/data/${version}/r/130200.json`)
    expect(data.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('answers 404 for a missing data file, not the app shell', async () => {
    expect((await fetch(`${BASE}/data/000000000000/r/130200.json`)).status).toBe(404)
  })

  it('answers /robots.txt with the file, not the app shell (an SPA fallback would serve HTML there)', async () => {
    const res = await fetch(`${BASE}/robots.txt`)
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/plain; charset=utf-8'])
    expect(await res.text()).toContain('User-agent: *')
  })
})
