import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { chromiumLaunchOptions } from '../../../scripts/browser'

export async function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions())
}

/** A phone: 390×844, Chinese, touch. */
export function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  })
}
