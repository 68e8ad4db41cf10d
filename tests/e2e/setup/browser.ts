import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { chromiumLaunchOptions } from '../../../scripts/browser'
import { TEST_NOW } from '../../clock'

export async function launch(): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions())
}

export interface PhoneOptions {
  /** The moment the page's clock reads (Date only: timers run as usual). */
  now?: Date
  userAgent?: string
}

/** A phone: 390×844, Chinese, touch, with its clock on the tests' day, whatever the machine's says. */
export async function phone(browser: Browser, { now = TEST_NOW, userAgent }: PhoneOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(userAgent ? { userAgent } : {}),
  })
  await context.clock.setFixedTime(now)
  return context
}

export interface PhoneSession {
  browser: Browser
  context: BrowserContext
  page: Page
  /** Another phone that has never visited (no service worker, no storage), closed with the test. */
  freshPage(more?: PhoneOptions): Promise<Page>
}

/**
 * One browser per test file and a fresh phone per test: every test sets up its own page and state,
 * so each passes alone (`vitest run -t "<name>"`). Script errors and dialogs (an organiser's text
 * run as script would raise one) fail the test that caused them.
 */
export function usePhone(options: PhoneOptions = {}): PhoneSession {
  let problems: string[] = []
  let extra: BrowserContext[] = []
  const watch = (page: Page) => {
    // A pre-rendered page is on screen before the app takes it over; a tap before that lands on
    // plain HTML and does nothing, as on a phone whose scripts have not arrived. Tests tap after.
    const goto = page.goto.bind(page)
    page.goto = async (url, options) => {
      const response = await goto(url, options)
      await page.waitForFunction(() => document.documentElement.dataset.app === 'ready' || !document.getElementById('app'))
      return response
    }
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`))
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
    return page
  }
  const session = {
    async freshPage(more: PhoneOptions = {}) {
      const context = await phone(session.browser, { ...options, ...more })
      extra.push(context)
      return watch(await context.newPage())
    },
  } as PhoneSession
  beforeAll(async () => {
    session.browser = await launch()
  })
  afterAll(async () => {
    await session.browser?.close()
  })
  beforeEach(async () => {
    problems = []
    session.context = await phone(session.browser, options)
    session.page = watch(await session.context.newPage())
  })
  afterEach(async () => {
    await Promise.all([session.context, ...extra].map((c) => c?.close()))
    extra = []
    expect(problems).toEqual([])
  })
  return session
}

export { goOffline, goOnline } from '../../../scripts/browser'
