import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { embedSnippet } from '../../src/composables/feedLinks'
import { FEED_KINDS } from '../../src/domain/feeds'
import { usePhone } from './setup/browser'
import { BASE, siteDir, work } from './setup/site'

// The widget on a county 科协's website: another origin, with a strict Content-Security-Policy that
// allows only our frame and our loader script.
const HOST_PORT = 4393
const HOST = `http://localhost:${HOST_PORT}`
const youth = FEED_KINDS.find((k) => k.id === 'youth')!
const phone = usePhone()
let host: Server

function hostPage(withLoader: boolean): string {
  const snippet = embedSnippet(BASE, '130200', youth)
  const code = withLoader ? snippet : snippet.split('\n').filter((l) => !l.includes('embed.js')).join('\n')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>某县科协</title></head><body><h1>某县科协</h1>${code}<p id="after">页脚</p></body></html>`
}

beforeAll(async () => {
  host = createServer((req, res) => {
    const csp = `default-src 'none'; frame-src ${BASE}; script-src ${BASE}; style-src 'none'; img-src 'none'`
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp }).end(hostPage(req.url !== '/fixed'))
  })
  await new Promise<void>((ok) => host.listen(HOST_PORT, '127.0.0.1', ok))
})
afterAll(() => new Promise((ok) => host.close(ok)))

describe('the embeddable widget', () => {
  it('shows the region’s next events on another origin under a strict CSP, fits its height, and its links open the event', async () => {
    const page = await phone.freshPage()
    const problems: string[] = []
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    await page.goto(`${HOST}/`)
    const frame = page.frameLocator('iframe')
    await frame.getByRole('link', { name: '唐山市近期科普活动' }).waitFor()
    const items = frame.locator('li')
    expect(await items.count()).toBeGreaterThan(0)
    expect(await items.count()).toBeLessThanOrEqual(5)
    await frame.getByText('· 面向青少年').waitFor()
    // The loader fits the iframe to what it shows (the snippet's fixed height is 400).
    const inner = await frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height))
    await expect.poll(() => page.locator('iframe').evaluate((el) => el.clientHeight)).toBe(inner)
    const first = frame.locator('li a').first()
    const title = (await first.textContent())!
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}/e/[^?]+\\?r=130200$`))
    const [opened] = await Promise.all([page.context().waitForEvent('page'), first.click()])
    await opened!.getByRole('heading', { level: 1, name: title }).waitFor()
    expect(page.url()).toBe(`${HOST}/`)
    expect(await page.context().cookies()).toEqual([])
    expect(problems).toEqual([])
    await page.screenshot({ path: join(work, 'screenshots', 'embed-host.png'), fullPage: true })
  })

  it('without the loader keeps the snippet’s fixed height and still shows the events', async () => {
    const page = await phone.freshPage()
    await page.goto(`${HOST}/fixed`)
    await page.frameLocator('iframe').locator('li').first().waitFor()
    expect(await page.locator('iframe').evaluate((el) => el.clientHeight)).toBe(400)
  })

  it('says so for a region that does not exist', async () => {
    const page = await phone.freshPage()
    await page.goto(`${BASE}/embed/999999`)
    await page.getByText('没有这个地区（999999）').waitFor()
    expect(await page.getByRole('link', { name: '查看地区列表' }).getAttribute('href')).toBe(`${BASE}/regions`)
  })

  it('weighs at most 15 KB gzip with its data, and only it may be framed', async () => {
    const html = readFileSync(join(siteDir, 'embed.html'), 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!)
    expect(assets.some((a) => /framework|domain/.test(a))).toBe(false)
    const version = (JSON.parse(readFileSync(join(siteDir, 'data/latest.json'), 'utf8')) as { version: string }).version
    const files = ['embed.html', ...assets, `data/${version}/r/130200.json`]
    const total = files.reduce((n, f) => n + gzipSync(readFileSync(join(siteDir, f))).length, 0)
    expect(total).toBeLessThanOrEqual(15 * 1024)
    const embed = await fetch(`${BASE}/embed/130200?limit=3`)
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(embed.headers.get('set-cookie')).toBeNull()
    const app = await fetch(`${BASE}/r/130200`)
    expect(app.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })
})
