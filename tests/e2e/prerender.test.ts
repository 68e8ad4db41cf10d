/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { goOffline, launch, phone as newPhone, usePhone } from './setup/browser'
import { BASE } from './setup/site'
import { TEST_NOW } from '../clock'

const phone = usePhone()

/**
 * Watches the page from its first byte: console errors and warnings (Vue reports a hydration
 * mismatch there), event cards removed from the DOM (a hydrated page keeps the nodes it arrived
 * with; a page drawn again replaces them), layout shifts, and requests for region data.
 */
async function watchPage(page: Page) {
  const console: string[] = []
  const data: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.push(`${m.type()}: ${m.text()}`)
  })
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (/^\/data\/[0-9a-f]{12}\/r\//.test(path)) data.push(path.replace(/^\/data\/[0-9a-f]+\//, ''))
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __removed: number; __shift: number }
    w.__removed = 0
    w.__shift = 0
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.removedNodes) if (n instanceof Element && (n.matches('article.event') || n.querySelector('article.event'))) w.__removed++
    }).observe(document, { subtree: true, childList: true })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  return {
    console,
    data,
    removed: () => page.evaluate(() => (window as unknown as { __removed: number }).__removed),
    shift: () => page.evaluate(() => (window as unknown as { __shift: number }).__shift),
    mounted: () => page.evaluate(() => !!(document.querySelector('#app') as unknown as { __vue_app__?: unknown }).__vue_app__),
  }
}

describe('pre-rendered region pages', () => {
  it('show their upcoming events with JavaScript disabled', async () => {
    const browser = await launch()
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
      const page = await context.newPage()
      await page.goto(`${BASE}/r/130200`)
      expect(await page.title()).toBe('唐山市科普活动 · 科普日历')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('唐山市')
      expect(await page.locator('article.event').count()).toBeGreaterThan(3)
      expect(await page.locator('article.event h3').first().textContent()).toBeTruthy()
      // The cards link to their events; the subscription address is named for those who cannot click through.
      expect(await page.locator('article.event a').first().getAttribute('href')).toMatch(/^\/e\/.+\?r=130200$/)
      expect(await page.content()).toContain('/feeds/130200.ics')
    } finally {
      await browser.close()
    }
  })

  it('are hydrated in place: same nodes, no layout shift, no second fetch of their calendar, no console complaint', async () => {
    const { page } = phone
    const seen = await watchPage(page)
    await page.goto(`${BASE}/r/130200`)
    await expect.poll(seen.mounted).toBe(true)
    await page.waitForTimeout(800)
    expect(seen.console).toEqual([])
    expect(await seen.removed()).toBe(0)
    expect(await seen.shift()).toBe(0)
    expect(seen.data).toEqual([])
    // Hydrated, not frozen: the controls work, the region is remembered.
    await page.getByRole('button', { name: '月历' }).click()
    await page.locator('table.grid').waitFor()
    expect(await page.evaluate(() => localStorage.getItem('kepu.region'))).toBe('130200')
    expect(await page.title()).toBe('唐山市 · 科普日历')
  })

  it('are drawn again from the same data when the phone would show something else (长辈模式)', async () => {
    const { page } = phone
    await page.goto(`${BASE}/about`)
    await page.evaluate(() => localStorage.setItem('kepu.prefs', JSON.stringify({ elder: true, view: 'agenda' })))
    const seen = await watchPage(page)
    await page.goto(`${BASE}/r/130200`)
    await expect.poll(seen.mounted).toBe(true)
    await page.getByRole('button', { name: '长辈模式', pressed: true }).waitFor()
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
    await page.locator('article.event').first().waitFor()
    expect(seen.console).toEqual([])
    expect(seen.data).toEqual([])
  })

  it('open offline once visited, as the page itself; an unvisited region falls back to the shell', async () => {
    const { page, context } = phone
    await page.goto(`${BASE}/r/130283`)
    await page.waitForFunction(() => !!navigator.serviceWorker.controller)
    // The app stores the page it arrived on (and its data) in the worker's caches once it is there.
    await expect
      .poll(() => page.evaluate(async () => !!(await caches.open('kepu-pages').then((c) => c.match('/r/130283')))), { timeout: 15_000 })
      .toBe(true)
    await goOffline(context)
    await page.goto(`${BASE}/r/130283`)
    await page.getByRole('heading', { level: 1, name: /迁安市/ }).waitFor()
    expect(await page.locator('#kepu-first').count()).toBe(1)
    await page.locator('article.event').first().waitFor()
    await page.getByText('离线', { exact: true }).waitFor()
    // Never visited: the shell, which says what it cannot show.
    await page.goto(`${BASE}/r/110101`)
    expect(await page.locator('#kepu-first').count()).toBe(0)
    await page.getByText(/连不上网络，这项内容还没有存在本机/).waitFor()
  })

  it('the site root is the national page, pre-rendered, and a first visit hydrates it in place', async () => {
    const html = await (await fetch(`${BASE}/`)).text()
    // Real HTML before any script: the national events, how much the calendar covers, the way to a region.
    expect(html).toContain('id="kepu-first"')
    expect(html).toMatch(/<article class="event/)
    expect(html).toMatch(/收录 \d+ 份/)
    expect(html).toContain('切换地区')
    const browser = await launch()
    try {
      const page = await (await newPhone(browser)).newPage()
      const seen = await watchPage(page)
      await page.goto(`${BASE}/`)
      await expect.poll(seen.mounted).toBe(true)
      await page.waitForTimeout(800)
      expect(seen.console).toEqual([])
      expect(await seen.removed()).toBe(0)
      expect(seen.data).toEqual([])
      expect(new URL(page.url()).pathname).toBe('/r/000000')
    } finally {
      await browser.close()
    }
  })

  it('are listed in the sitemap that robots.txt names', async () => {
    const robots = await (await fetch(`${BASE}/robots.txt`)).text()
    const sitemapUrl = /^Sitemap: (.+)$/m.exec(robots)?.[1]
    expect(sitemapUrl).toMatch(/\/sitemap\.xml$/)
    const sitemap = await (await fetch(`${BASE}/sitemap.xml`)).text()
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
    expect(locs.length).toBeGreaterThan(3000)
    expect(locs).toContain('/r/130200')
    // Every page it lists is served as pre-rendered HTML.
    for (const path of [locs[0]!, locs[Math.floor(locs.length / 2)]!, locs.at(-1)!]) {
      const res = await fetch(`${BASE}${path}`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('id="kepu-first"')
    }
  })
})

// A phone whose clock is a day later than the pages were rendered for: the page is shown as it
// came, then the app draws today's over it, without an error.
describe('a page rendered for another day', () => {
  it('is replaced by the app’s own rendering, quietly', async () => {
    const browser = await launch()
    try {
      const context = await newPhone(browser, { now: new Date(TEST_NOW.getTime() + 24 * 3600_000) })
      const page = await context.newPage()
      const seen = await watchPage(page)
      await page.goto(`${BASE}/r/130200`)
      await expect.poll(seen.mounted).toBe(true)
      await page.locator('article.event').first().waitFor()
      expect(seen.console).toEqual([])
      expect(seen.data).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
