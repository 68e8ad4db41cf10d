/// <reference lib="dom" />
// Functions passed to page.evaluate run in the page: hence the DOM types.
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { TEST_TODAY } from '../../tests/clock'
import { chromiumLaunchOptions, chromiumPath } from '../browser'

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

// Records when the first event card appears, in the page's own clock (ms since navigation start).
function watchFirstEvent() {
  new MutationObserver((_, obs) => {
    if (document.querySelector('article.event')) {
      ;(window as unknown as { __firstEvent: number }).__firstEvent = performance.now()
      obs.disconnect()
    }
  }).observe(document, { subtree: true, childList: true })
}

async function firstEventAt(page: Page): Promise<number> {
  await page.locator('article.event').first().waitFor({ timeout: 30_000 })
  return page.evaluate(() => (window as unknown as { __firstEvent: number }).__firstEvent)
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions())
}

/** Navigation to the first event visible: a cold first visit, and a repeat visit offline. */
export async function firstEvent(browser: Browser, page: string): Promise<{ onlineMs: number; offlineRepeatMs: number }> {
  const url = withToday(page)
  const cold = await phone(browser)
  await cold.addInitScript(watchFirstEvent)
  const p1 = await cold.newPage()
  await p1.goto(url)
  const onlineMs = await firstEventAt(p1)
  await cold.close()

  const ctx = await phone(browser)
  await ctx.addInitScript(watchFirstEvent)
  const p2 = await ctx.newPage()
  await p2.goto(url)
  await p2.locator('article.event').first().waitFor()
  await p2.waitForFunction(() => !!navigator.serviceWorker.controller)
  await p2.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('kepu-data-')))
  await p2.waitForTimeout(300)
  await ctx.setOffline(true)
  await p2.goto(url)
  const offlineRepeatMs = await firstEventAt(p2)
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
}

/** Rendering a region with thousands of instances: agenda, month view, switching months. */
export async function renderTimes(browser: Browser, at: string): Promise<RenderTimes> {
  const url = withToday(at)
  const ctx = await phone(browser)
  const page = await ctx.newPage()
  await page.goto(url)
  await page.locator('article.event').first().waitFor()
  const cycle = async () => {
    const monthMs = await page.evaluate(clickAndPaint, ['月历', 'table.grid'] as [string, string])
    const switchMs = await page.evaluate(clickAndPaint, ['下个月', '#month-title'] as [string, string])
    await page.evaluate(clickAndPaint, ['上个月', '#month-title'] as [string, string])
    const agendaMs = await page.evaluate(clickAndPaint, ['列表', '.agenda'] as [string, string])
    return { agendaMs, monthMs, switchMs }
  }
  const cold = await cycle()
  const warm: (typeof cold)[] = []
  for (let i = 0; i < 5; i++) warm.push(await cycle())
  await ctx.close()
  const median = (k: keyof typeof cold) => warm.map((w) => w[k]).sort((a, b) => a - b)[2]!
  return { cold, agendaMs: median('agendaMs'), monthMs: median('monthMs'), switchMs: median('switchMs') }
}
