import { existsSync } from 'node:fs'
import type { LaunchOptions } from 'playwright-core'

/**
 * Debian's Chromium (apt-get install chromium), or the one CHROMIUM_PATH names. Playwright's own
 * browser download is not used: nothing is fetched at run time.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  const found = candidates.find((p): p is string => !!p && existsSync(p))
  if (!found) throw new Error('No Chromium found. Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).')
  return found
}

export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    // The machine's network is closed: background services would only fail and slow things down.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  }
}
