import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { measureSite, overLimits } from '../../scripts/check/site'
import { headersFile, hostFromEnv, redirectsFile } from '../../scripts/deploy/hostRules'
import { cacheControl, EMBED_HEADERS, SECURITY_HEADERS } from '../../scripts/serve'

/** The headers a host applying `_headers` gives `path`: Cloudflare joins every match, minus what a later rule detaches. */
function cloudflareHeaders(file: string, path: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const block of file.split(/\n\n/)) {
    const [pattern, ...lines] = block.split('\n').filter((l) => !l.startsWith('#'))
    if (!pattern) continue
    const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`)
    if (!re.test(path)) continue
    for (const line of lines) {
      const detach = /^\s+!\s*(\S+)/.exec(line)
      if (detach) delete out[detach[1]!]
      else {
        const [, k, v] = /^\s+([^:]+):\s*(.*)$/.exec(line)!
        out[k!] = [...(out[k!] ?? []), v!]
      }
    }
  }
  return out
}

describe('the static hosts’ rules', () => {
  const cf = headersFile('cloudflare')

  it('give Cloudflare Pages one value of each header, as npm run serve does', () => {
    expect(cloudflareHeaders(cf, '/r/130200')).toMatchObject({ 'Content-Security-Policy': [SECURITY_HEADERS['Content-Security-Policy']], 'Cache-Control': ['no-cache'] })
    // The widget is framed by other sites: its own CSP only, never the site's frame-ancestors 'none'.
    expect(cloudflareHeaders(cf, '/embed/130200')['Content-Security-Policy']).toEqual([EMBED_HEADERS['Content-Security-Policy']])
    expect(cloudflareHeaders(cf, '/assets/index-abc.js')['Cache-Control']).toEqual([cacheControl('/assets/index-abc.js')])
    expect(cloudflareHeaders(cf, '/data/0123456789ab/r/130200.json')['Cache-Control']).toEqual(['public, max-age=31536000, immutable'])
    expect(cloudflareHeaders(cf, '/data/latest.json')['Cache-Control']).toEqual(['no-cache'])
    expect(cloudflareHeaders(cf, '/feeds/130200.ics')).toMatchObject({ 'Cache-Control': ['public, max-age=3600'], 'Content-Type': ['text/calendar; charset=utf-8'] })
  })

  it('for Netlify: no detach lines (it takes the most specific rule), and the app shell as a fallback', () => {
    expect(hostFromEnv({ NETLIFY: 'true' })).toBe('netlify')
    expect(hostFromEnv({})).toBe('cloudflare')
    expect(headersFile('netlify')).not.toMatch(/^\s+!/m)
    expect(redirectsFile('netlify')).toMatch(/^\/\*\s+\/index\.html\s+200$/m)
    // Cloudflare follows a redirect even where a file matches: a catch-all would hide every file.
    expect(redirectsFile('cloudflare')).not.toMatch(/^\/\*/m)
    for (const host of ['cloudflare', 'netlify'] as const) expect(redirectsFile(host)).toMatch(/^\/embed\/\*\s+\/embed\.html\s+200$/m)
    // The root is the pre-rendered national page; Netlify must force it over index.html.
    expect(redirectsFile('cloudflare')).toMatch(/^\/\s+\/r\/000000\s+200$/m)
    expect(redirectsFile('netlify')).toMatch(/^\/\s+\/r\/000000\.html\s+200!$/m)
  })
})

describe('npm run check:site', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-site-'))
  mkdirSync(join(dir, 'data/0123456789ab/r'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), 'x'.repeat(100))
  for (const code of ['000000', '130000', '130200']) writeFileSync(join(dir, `data/0123456789ab/r/${code}.json`), '{}')

  it('counts files and bytes, by folder and dataset version', () => {
    const size = measureSite(dir)
    expect(size.files).toBe(4)
    expect(size.bytes).toBe(106)
    expect(size.largest.path).toBe('index.html')
    expect(size.parts.find((p) => p.path === 'data/0123456789ab')).toMatchObject({ files: 3, bytes: 6 })
    expect(overLimits(size)).toEqual([])
  })

  it('names each limit a site crosses', () => {
    const over = overLimits(measureSite(dir), { files: 3, bytes: 50, fileBytes: 99 })
    expect(over).toHaveLength(3)
    expect(over.join('\n')).toMatch(/4 files/)
    expect(over.join('\n')).toMatch(/index\.html is/)
  })
})
