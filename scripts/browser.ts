import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, LaunchOptions } from 'playwright-core'

/**
 * The browser for tests, screenshots and the bench: by default the Chromium pinned in
 * package-lock.json (`@sparticuz/chromium`, a headless shell shipped inside the npm package), so the
 * version apt hands a machine never decides whether a test passes. `CHROMIUM_PATH` picks another
 * (e.g. Debian's `/usr/bin/chromium`); the suite passes with both.
 */
const PINNED_VERSION = '143.0.4'
const root = join(import.meta.dirname, '..')

/**
 * The package unpacks into `os.tmpdir()/chromium` and reuses whatever it finds there, so it gets a
 * folder of its own per version inside the project: no stale binary from another version, nothing
 * left in the machine's /tmp.
 */
async function pinnedChromium(): Promise<string> {
  const dir = join(root, '.tmp', `chromium-${PINNED_VERSION}`)
  mkdirSync(dir, { recursive: true })
  const saved = process.env.TMPDIR
  process.env.TMPDIR = dir
  try {
    const { default: chromium } = await import('@sparticuz/chromium')
    chromium.setGraphicsMode = false
    return await chromium.executablePath()
  } finally {
    if (saved === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = saved
  }
}

let path: Promise<string> | undefined

export function chromiumPath(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH=${chosen} does not exist. Unset it to use the pinned Chromium.`)
    return Promise.resolve(chosen)
  }
  path ??= pinnedChromium()
  return path
}

export async function chromiumLaunchOptions(): Promise<LaunchOptions> {
  return {
    executablePath: await chromiumPath(),
    // The machine's network is closed: background services would only fail and slow things down.
    // (The pinned build's own serverless flags, --single-process and --disable-web-security among
    // them, are not used: they break service workers and same-origin rules the tests rely on.)
    args: [
      '--no-sandbox',
      '--no-zygote',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--font-render-hinting=none',
    ],
  }
}

/**
 * No network, for the page and for its service worker: Chromium's offline emulation lets some of
 * the worker's own requests through (a region page it asks the network for first would arrive).
 */
export async function goOffline(context: BrowserContext) {
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
}

export async function goOnline(context: BrowserContext) {
  await context.unrouteAll()
  await context.setOffline(false)
}
