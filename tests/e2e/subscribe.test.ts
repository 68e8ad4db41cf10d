import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { usePhone } from './setup/browser'
import { BASE, work } from './setup/site'

// Subscribing as it works in China: most QR codes are scanned in WeChat, whose browser can neither
// subscribe nor import; Google is out of reach on the mainland.
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const WECHAT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN'
const ANDROID = 'Mozilla/5.0 (Linux; Android 13; 22081212C) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'
const phone = usePhone()
const shots = join(work, 'screenshots')
mkdirSync(shots, { recursive: true })

/** What a phone camera reads from the QR code on the page: the SVG drawn to pixels, then decoded. */
async function scanQr(page: Page, name: RegExp): Promise<string | null> {
  const svg = await page.getByRole('img', { name }).evaluate((el) => el.outerHTML)
  const { data, size } = await page.evaluate(async (markup) => {
    const url = URL.createObjectURL(new Blob([markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"')], { type: 'image/svg+xml' }))
    const img = new Image()
    img.src = url
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 400
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(img, 0, 0, 400, 400)
    return { data: Array.from(ctx.getImageData(0, 0, 400, 400).data), size: 400 }
  }, svg)
  return jsQR(Uint8ClampedArray.from(data), size, size)?.data ?? null
}

describe('subscribing', () => {
  it('in a system browser: iPhone, copy, download, Outlook, Google last with a note; the QR opens this page', async () => {
    const page = await phone.freshPage({ userAgent: SAFARI })
    await page.goto(`${BASE}/r/130200`)
    await page.getByRole('link', { name: '订阅日历' }).click()
    await page.getByRole('heading', { name: '订阅唐山市科普日历' }).waitFor()
    const ways = await page.locator('.ways > *').allTextContents()
    expect(ways.map((w) => w.trim())).toEqual(['iPhone 订阅（苹果日历）', '复制订阅地址（安卓日历、Outlook）', '下载日历文件 .ics（小米等可导入）', '用 Outlook 订阅', '添加到 Google 日历'])
    expect(await page.getByRole('link', { name: 'iPhone 订阅（苹果日历）' }).getAttribute('href')).toBe('webcal://127.0.0.1:4391/feeds/130200.ics')
    expect(await page.getByRole('link', { name: /下载日历文件/ }).getAttribute('href')).toBe(`${BASE}/feeds/130200.ics`)
    await page.getByText('Google 日历在中国大陆需要能访问境外网络').waitFor()
    expect(await page.getByRole('heading', { name: '请先用手机浏览器打开本页' }).count()).toBe(0)
    expect(await scanQr(page, /本页二维码/)).toBe(`${BASE}/r/130200/subscribe`)
    await page.getByRole('radio', { name: '青少年科普活动' }).check()
    await expect.poll(() => page.locator('code').textContent()).toBe(`${BASE}/feeds/130200-youth.ics`)
    await expect.poll(() => scanQr(page, /本页二维码/)).toBe(`${BASE}/r/130200/subscribe?feed=youth`)
    await page.getByText('8—24 小时').waitFor()
    // The widget's code for a school's website follows the chosen feed.
    await page.getByRole('heading', { name: '放到单位网站上' }).waitFor()
    expect(await page.getByLabel('嵌入代码').inputValue()).toContain(`src="${BASE}/embed/130200?audience=youth&limit=5"`)
    await page.screenshot({ path: join(shots, 'subscribe-safari.png'), fullPage: true })
  })

  it('the A4 poster’s QR code opens the subscribe page with the chosen feed', async () => {
    const { page } = phone
    await page.goto(`${BASE}/r/130200/subscribe?feed=youth`)
    await page.getByRole('link', { name: /打印学校张贴海报/ }).click()
    await page.getByRole('heading', { name: /河北省 唐山市/ }).waitFor()
    expect(await scanQr(page, /订阅二维码/)).toBe(`${BASE}/r/130200/subscribe?feed=youth`)
  })

  it('in WeChat: a picture-and-words guide to 在浏览器打开, the copy button first', async () => {
    const page = await phone.freshPage({ userAgent: WECHAT })
    await page.goto(`${BASE}/r/130200/subscribe`)
    const guide = page.locator('.inapp')
    await guide.getByRole('heading', { name: '请先用手机浏览器打开本页' }).waitFor()
    await guide.getByText('在浏览器打开').first().waitFor()
    const first = page.locator('main button, main a.btn').first()
    expect((await first.textContent())?.trim()).toBe('复制订阅地址')
    expect(await page.getByRole('heading', { name: '放到单位网站上' }).count()).toBe(0)
    // Nothing that cannot work in WeChat is offered there.
    expect(await page.locator('.ways').count()).toBe(0)
    expect(await page.getByRole('link', { name: /iPhone 订阅|下载日历文件|Google/ }).count()).toBe(0)
    await page.screenshot({ path: join(shots, 'subscribe-wechat.png'), fullPage: true })
  })

  it('on an Android phone: copying the address comes first, then the file', async () => {
    const page = await phone.freshPage({ userAgent: ANDROID })
    await page.goto(`${BASE}/r/130200/subscribe`)
    await page.getByRole('heading', { name: '订阅唐山市科普日历' }).waitFor()
    const ways = await page.locator('.ways > *').allTextContents()
    expect(ways.map((w) => w.trim())).toEqual(['复制订阅地址（安卓日历、Outlook）', '下载日历文件 .ics（小米等可导入）', 'iPhone 订阅（苹果日历）', '用 Outlook 订阅', '添加到 Google 日历'])
    expect(await page.locator('.ways > .primary').textContent()).toContain('复制订阅地址')
  })
})
