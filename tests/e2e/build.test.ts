import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATA_FORMAT } from '../../src/domain/format'
import { work } from './setup/site'

// The production build (made by the global setup) is an installable, offline-capable PWA.
const dist = join(work, 'dist-a')
const sw = () => readFileSync(join(dist, 'sw.js'), 'utf8')

describe('production build', () => {
  it('has a web app manifest with proper icons, name and theme colour', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'))
    expect(manifest).toMatchObject({ name: '科普日历', short_name: '科普日历', lang: 'zh-CN', display: 'standalone', theme_color: '#0b6e69', start_url: '/' })
    const icons = manifest.icons as { src: string; sizes: string; purpose?: string }[]
    expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
    expect(icons.some((i) => i.purpose === 'maskable')).toBe(true)
    for (const icon of icons) expect(existsSync(join(dist, icon.src))).toBe(true)
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('rel="manifest"')
  })

  it('precaches the app shell: index.html, every JS and CSS asset, the icons (not the widget other sites embed)', () => {
    const text = sw()
    expect(text).toMatch(/"url": *"index\.html"/)
    const assets = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f))
    for (const a of assets.filter((f) => !f.startsWith('embed-'))) expect(text, a).toContain(`assets/${a}`)
    expect(assets.some((f) => f.startsWith('embed-'))).toBe(true)
    expect(text).not.toMatch(/"url": *"(embed\.html|embed\.js|assets\/embed-)/)
    expect(text).toContain('icons/icon-192.png')
    expect(text).toContain('NavigationRoute')
  })

  it('leaves region data and feeds out of the precache and caches any data version of its format at run time', () => {
    const text = sw()
    expect(text).not.toMatch(/"url": *"data\//)
    expect(text).not.toMatch(/"url": *"feeds\//)
    const { format } = JSON.parse(readFileSync(join(dist, 'data/latest.json'), 'utf8'))
    expect(format).toBe(DATA_FORMAT)
    expect(text).toContain(`kepu-data-f${format}`)
    expect(text).toContain('CacheFirst')
  })

  it('has no inline script (the Content-Security-Policy allows none)', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
    expect(html).toContain("script-src 'self'")
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})
