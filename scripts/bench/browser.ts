/// <reference lib="dom" />
// Functions passed to page.evaluate run in the page: hence the DOM types.
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { TEST_TODAY } from '../../tests/clock'
import { chromiumLaunchOptions, chromiumPath, goOffline } from '../browser'

export interface LighthouseRun {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  tbtMs: number
  cls: number
}

/** Lighthouse's default mobile audit (simulated slow 4G, mid-range phone) in the pinned Chromium. */
export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: await chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] })
    if (!result) throw new Error('Lighthouse returned nothing')
    const { categories: c, audits: a } = result.lhr
    const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100)
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: a['largest-contentful-paint']?.numericValue ?? NaN,
      tbtMs: a['total-blocking-time']?.numericValue ?? NaN,
      cls: a['cumulative-layout-shift']?.numericValue ?? NaN,
    }
  } finally {
    await chrome.kill()
  }
}

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }
// The app's today is the tests' day (inside the data's window), whatever the machine's clock says:
// what the first screen shows, and so what is measured, must not change with the day the bench runs.
// Pinned with the app's own ?today= rather than Playwright's clock, which slows the page it fakes
// (a first event offline took 1.9 s under it instead of 0.2 s).
export const withToday = (url: string) => `${url}${url.includes('?') ? '&' : '?'}today=${TEST_TODAY}`

function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext(PHONE)
}

const EVENT_CARD = 'article.event'

// Records when the first `selector` appears, in the page's own clock (ms since navigation start).
function watchFirst(selector: string) {
  new MutationObserver((_, obs) => {
    if (document.querySelector(selector)) {
      ;(window as unknown as { __first: number }).__first = performance.now()
      obs.disconnect()
    }
  }).observe(document, { subtree: true, childList: true })
}

async function firstAt(page: Page, selector: string): Promise<number> {
  await page.locator(selector).first().waitFor({ timeout: 30_000 })
  return page.evaluate(() => (window as unknown as { __first: number }).__first)
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions())
}

/** A cold first visit: navigation to the first `selector` in the page (the bare app's: `li`). */
export async function coldFirst(browser: Browser, url: string, selector = EVENT_CARD): Promise<number> {
  const ctx = await phone(browser)
  await ctx.addInitScript(watchFirst, selector)
  const page = await ctx.newPage()
  await page.goto(url)
  const ms = await firstAt(page, selector)
  await ctx.close()
  return ms
}

/** Navigation to the first event visible: a cold first visit, and a repeat visit offline. */
export async function firstEvent(browser: Browser, page: string): Promise<{ onlineMs: number; offlineRepeatMs: number }> {
  const url = withToday(page)
  const onlineMs = await coldFirst(browser, url)
  const ctx = await phone(browser)
  await ctx.addInitScript(watchFirst, EVENT_CARD)
  const p2 = await ctx.newPage()
  await p2.goto(url)
  await p2.locator(EVENT_CARD).first().waitFor()
  await p2.waitForFunction(() => !!navigator.serviceWorker.controller)
  await p2.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('kepu-data-')))
  await p2.waitForTimeout(300)
  await goOffline(ctx)
  await p2.goto(url)
  const offlineRepeatMs = await firstAt(p2, EVENT_CARD)
  await ctx.close()
  return { onlineMs, offlineRepeatMs }
}

/**
 * Click a button by its text in the page, wait until `until` shows (with new text, when it was
 * already there), and time until the frame after that is painted.
 */
// (No named inner functions: the page has no __name helper that tsx would wrap them with.)
async function clickAndPaint([label, until]: [string, string]): Promise<number> {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label)
  if (!button) throw new Error(`no button ${label}`)
  const before = document.querySelector(until)?.textContent ?? null
  const t0 = performance.now()
  button.click()
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r))
    const el = document.querySelector(until)
    if (el && (before === null || el.textContent !== before)) break
    if (performance.now() - t0 > 10_000) throw new Error(`${label}: ${until} did not change within 10 s`)
  }
  await new Promise((r) => setTimeout(r, 0))
  return performance.now() - t0
}

export interface RenderTimes {
  /** The first switch of each kind: includes compiling the code on first use. */
  cold: { agendaMs: number; monthMs: number; switchMs: number }
  /** Median of five switches after that. */
  agendaMs: number
  monthMs: number
  switchMs: number
  /** The reference, median of five: a click that changes one line of text, to its painted frame. */
  referenceMs: number
}

// The reference operation, outside the app: a button that changes one line of text.
function addReference() {
  const out = document.createElement('p')
  out.id = 'bench-ref-out'
  out.textContent = '0'
  const button = document.createElement('button')
  button.textContent = 'bench-reference'
  button.addEventListener('click', () => (out.textContent = String(Number(out.textContent) + 1)))
  document.body.append(button, out)
}

/** Rendering a region with thousands of instances: agenda, month view, switching months. */
export async function renderTimes(browser: Browser, at: string): Promise<RenderTimes> {
  const url = withToday(at)
  const ctx = await phone(browser)
  const page = await ctx.newPage()
  await page.goto(url)
  // The pre-rendered events show before the app has taken the page over: wait for the app.
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' })
  await page.locator(EVENT_CARD).first().waitFor()
  const cycle = async () => {
    const monthMs = await page.evaluate(clickAndPaint, ['月历', 'table.grid'] as [string, string])
    const switchMs = await page.evaluate(clickAndPaint, ['下月 ›', '#month-title'] as [string, string])
    await page.evaluate(clickAndPaint, ['‹ 上月', '#month-title'] as [string, string])
    const agendaMs = await page.evaluate(clickAndPaint, ['列表', '.agenda'] as [string, string])
    return { agendaMs, monthMs, switchMs }
  }
  const cold = await cycle()
  const warm: (typeof cold)[] = []
  for (let i = 0; i < 5; i++) warm.push(await cycle())
  await page.evaluate(addReference)
  const reference: number[] = []
  for (let i = 0; i < 5; i++) reference.push(await page.evaluate(clickAndPaint, ['bench-reference', '#bench-ref-out'] as [string, string]))
  await ctx.close()
  const mid = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!
  const median = (k: keyof typeof cold) => mid(warm.map((w) => w[k]))
  return { cold, agendaMs: median('agendaMs'), monthMs: median('monthMs'), switchMs: median('switchMs'), referenceMs: mid(reference) }
}

export interface MainThread {
  /** First contentful paint, ms since navigation. */
  fcpMs: number
  /** Tasks over 50 ms after the first paint: their time beyond 50 ms, summed (what TBT counts). */
  blockingMs: number
  longestMs: number
  /** Taking over a pre-rendered page (performance measure kepu:mounted), when there is one. */
  mountMs: number | null
}

/**
 * The first load's main thread, traced in the page at 4× CPU slowdown (as Lighthouse's mobile
 * profile simulates): the long tasks after the first paint, and how long hydrating took.
 */
export async function mainThread(browser: Browser, url: string): Promise<MainThread> {
  const ctx = await phone(browser)
  await ctx.addInitScript(() => {
    const w = window as unknown as { __long: [number, number][] }
    w.__long = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration])
    }).observe({ type: 'longtask', buffered: true })
  })
  const page = await ctx.newPage()
  const cdp = await ctx.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto(url)
  await page.locator('article.event, li').first().waitFor()
  await page.waitForTimeout(3000)
  const r = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0
    const long = (window as unknown as { __long: [number, number][] }).__long.filter(([start]) => start >= fcp)
    const mount = performance.getEntriesByName('kepu:mounted')[0]?.duration ?? null
    return { fcpMs: fcp, blockingMs: long.reduce((n, [, d]) => n + Math.max(0, d - 50), 0), longestMs: Math.max(0, ...long.map(([, d]) => d)), mountMs: mount }
  })
  await ctx.close()
  return r
}
