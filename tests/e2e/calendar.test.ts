import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { goOffline, goOnline, usePhone } from './setup/browser'
import { BASE } from './setup/site'

const phone = usePhone()

const cardTitles = (p: Page) => p.locator('article.event h3').allTextContents()

describe('the calendar on a phone', () => {
  it('first visit: the national calendar and an obvious way to choose a region', async () => {
    const { page } = phone
    const data: string[] = []
    page.on('request', (r) => {
      // Dataset files only: data/latest.json is the network probe, never parsed on the first screen.
      const path = new URL(r.url()).pathname
      if (/^\/data\/[0-9a-f]{12}\//.test(path)) data.push(path.replace(/^\/data\/[0-9a-f]+\//, ''))
    })
    await page.goto(`${BASE}/`)
    await expect.poll(() => page.url()).toBe(`${BASE}/r/000000`)
    await page.getByRole('heading', { level: 1, name: /全国/ }).waitFor()
    await page.locator('article.event').first().waitFor()
    await page.getByRole('link', { name: '选择地区' }).first().waitFor()
    // The site root is the national page pre-rendered with its data inlined: the first screen
    // fetches nothing from the dataset.
    expect(data).toEqual([])
  })

  it('chooses 唐山市 by typing; the choice is in the URL and remembered', async () => {
    const { page } = phone
    await page.goto(`${BASE}/`)
    await page.getByRole('link', { name: '选择地区' }).first().click()
    await page.getByRole('combobox', { name: /输入地区名称/ }).fill('唐山')
    await page.getByRole('option', { name: /唐山市/ }).first().click()
    await expect.poll(() => page.url()).toBe(`${BASE}/r/130200`)
    await page.getByRole('heading', { level: 1, name: /唐山市/ }).waitFor()
    await page.goto(`${BASE}/`)
    await expect.poll(() => page.url()).toBe(`${BASE}/r/130200`)
  })

  it('the 2023 agenda has the national activities and 唐山’s own, with the official dates', async () => {
    const { page } = phone
    await page.goto(`${BASE}/r/130200?view=agenda`)
    await page.getByRole('combobox', { name: '年份' }).selectOption('2023')
    await expect.poll(() => page.url()).toContain('y=2023')
    const kepu = page.locator('article.event', { has: page.getByRole('heading', { name: '全国科普日', exact: true }) })
    await expect.poll(() => kepu.locator('.when').textContent()).toContain('9月17日—23日')
    // A national event 唐山's own plan orders: 全国, with 本市文件部署 beside it (never 本地).
    await expect.poll(() => kepu.locator('.badge.inherited').textContent()).toBe('全国')
    await expect.poll(() => kepu.locator('.badge.ordered').textContent()).toBe('本市文件部署')
    const zhou = page.locator('article.event', { has: page.getByRole('heading', { name: '全国科技活动周', exact: true }) })
    await expect.poll(() => zhou.locator('.when').textContent()).toContain('5月20日—31日')
    // Inherited national events are told apart.
    const day = page.locator('article.event', { has: page.getByRole('heading', { name: '全国防灾减灾日', exact: true }) })
    await expect.poll(() => day.locator('.badge.inherited').textContent()).toBe('全国')
    await expect.poll(() => day.locator('.when').textContent()).toContain('5月12日')
    // 唐山's own activities without a date are listed as not yet announced.
    await page.getByRole('heading', { name: '日期待公布' }).waitFor()
    expect(await cardTitles(page)).toContain('健康中国·唐山行动')
  })

  it('filters: youth only, own region only, and free text', async () => {
    const { page } = phone
    await page.goto(`${BASE}/r/130200?view=agenda&y=2023`)
    await page.locator('article.event').first().waitFor()
    await page.locator('button[aria-controls="filters"]').click()
    await page.getByRole('searchbox', { name: '搜索活动名称' }).fill('科普日')
    await expect.poll(() => cardTitles(page)).toEqual(['全国科普日'])
    await page.getByRole('button', { name: '清除筛选' }).click()
    await page.getByLabel('面向').selectOption('youth')
    const youth = await cardTitles(page)
    expect(youth).toContain('中国航天日')
    expect(youth).not.toContain('全国土地日')
    await page.getByRole('button', { name: '清除筛选' }).click()
    await page.getByRole('checkbox', { name: '只看本地区' }).check()
    expect(await cardTitles(page)).not.toContain('全国防灾减灾日')
    await page.getByRole('button', { name: '清除筛选' }).click()
    await page.locator('button[aria-controls="filters"]').click()
    await expect.poll(() => cardTitles(page)).toContain('全国防灾减灾日')
  })

  it('opens an event and shows the clause that orders it', async () => {
    const { page } = phone
    await page.goto(`${BASE}/r/130200?view=agenda&y=2023`)
    await page.getByRole('link', { name: '全国科普日', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: '全国科普日' }).waitFor()
    await page.getByText('2023年9月17日—23日').waitFor()
    const why = page.locator('section.why')
    await expect.poll(() => why.textContent()).toContain('唐全科字〔2023〕1号')
    await expect.poll(() => why.textContent()).toContain('第16条')
    await expect.poll(() => why.textContent()).toContain('以全国科普日二十周年为契机')
    await expect.poll(() => why.textContent()).toContain('科协发普字〔2023〕34号')
    // Other regions' instances of the same activity are one tap away.
    await page.getByRole('link', { name: '青海省' }).waitFor()
  })

  it('downloads the event as .ics with the same UID as the feed; feeds reach one year back, the app the whole window', async () => {
    const { page } = phone
    await page.goto(`${BASE}/e/kepu-ri.000000.2023?r=130200`)
    await page.getByRole('heading', { level: 1, name: '全国科普日' }).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '添加到日历' }).click()])
    expect(download.suggestedFilename()).toBe('kepu-ri.000000.2023.ics')
    const text = readFileSync((await download.path())!, 'utf8')
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('uid')).toBe('kepu-ri.000000.2023@kepu-calendar')
    expect(event.getFirstProperty('dtend')!.toICALString()).toBe('DTEND;VALUE=DATE:20230924')
    const feed = await (await fetch(`${BASE}/feeds/130200.ics`)).text()
    // The feed starts one year before the data date: 2023's edition is only in the app.
    expect(feed).not.toContain('UID:kepu-ri.000000.2023@kepu-calendar')
    expect(feed).toContain('UID:kepu-ri.000000.2026@kepu-calendar')
    const [again] = await Promise.all([page.waitForEvent('download'), page.goto(`${BASE}/e/kepu-ri.000000.2026?r=130200`).then(() => page.getByRole('button', { name: '添加到日历' }).click())])
    const one = new ICAL.Component(ICAL.parse(readFileSync((await again.path())!, 'utf8'))).getFirstSubcomponent('vevent')!
    expect(one.getFirstPropertyValue('uid')).toBe('kepu-ri.000000.2026@kepu-calendar')
  })

  it('switches to the month grid and to another year', async () => {
    const { page } = phone
    await page.goto(`${BASE}/r/130200?y=2024`)
    await page.getByRole('button', { name: '月历' }).click()
    await page.getByRole('button', { name: '下月', exact: true }).waitFor()
    await page.goto(`${BASE}/r/130200?view=month&y=2024&m=9`)
    await page.getByRole('heading', { name: '2024年9月' }).waitFor()
    await page.getByRole('button', { name: /9月15日，\d项活动/ }).click()
    await expect.poll(() => cardTitles(page)).toContain('全国科普日')
    await page.getByRole('button', { name: '下月', exact: true }).click()
    await page.getByRole('heading', { name: '2024年10月' }).waitFor()
    await page.getByRole('combobox', { name: '年份' }).selectOption('2026')
    await page.getByRole('heading', { name: /^2026年\d+月$/ }).waitFor()
    await page.goto(`${BASE}/r/130200?view=month&y=2026&m=9`)
    // 2026: the whole of September is 全国科普月, by law.
    await page.getByRole('button', { name: /9月30日，/ }).click()
    await expect.poll(() => cardTitles(page)).toContain('全国科普月')
  })

  it('projected dates are marked 预计 while ahead, and 日期未核实 once passed without a notice', async () => {
    const { page } = phone
    await page.goto(`${BASE}/r/130200?view=agenda&y=2027`)
    const week = page.locator('article.event', { has: page.getByRole('heading', { name: '全国科技活动周', exact: true }) })
    await expect.poll(() => week.locator('.badge.tentative').textContent()).toBe('预计')
    // Today is late 2026 in the tests: the 2026 week was projected and never announced.
    await page.goto(`${BASE}/r/000000?view=agenda&y=2026`)
    await page.locator('details.past summary').click()
    const past = page.locator('article.event', { has: page.getByRole('heading', { name: '全国科技活动周', exact: true }) })
    await expect.poll(() => past.locator('.badge.tentative').textContent()).toBe('日期未核实')
    // 2026's announced dates are confirmed, with their source on the event page.
    const saving = page.locator('article.event', { has: page.getByRole('heading', { name: '全国节能宣传周', exact: true }) })
    await expect.poll(() => saving.locator('.when').textContent()).toContain('6月15日—21日')
    expect(await saving.locator('.badge.tentative').count()).toBe(0)
    await saving.getByRole('link').click()
    await page.getByText('发改环资〔2026〕664号').waitFor()
    await page.goto(`${BASE}/e/keji-huodong-zhou.000000.2026`)
    await page.getByText('当年的正式通知未收录').first().waitFor()
  })
})

describe('offline', () => {
  /** One online visit: the worker controls the page and has cached the region's data. */
  async function visitOnline(page: Page, path: string) {
    await page.goto(`${BASE}${path}`)
    await page.getByRole('heading', { level: 1, name: /迁安市/ }).waitFor()
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
    // The region's data was stored in the worker's cache once it took control.
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith('kepu-data-'))))
      .toBe(true)
  }

  it('after one visit, the calendar and an event deep link open without a network', async () => {
    const { page, context } = phone
    await visitOnline(page, '/r/130283')
    await page.getByRole('link', { name: '全国防灾减灾日' }).first().click()
    await page.getByRole('heading', { level: 1, name: '全国防灾减灾日' }).waitFor()
    const eventUrl = page.url()
    await page.waitForTimeout(500)

    await goOffline(context)
    // Served by the worker from its cache: the page is told so by the failed network, whatever
    // navigator.onLine says in this browser.
    await page.goto(`${BASE}/r/130283`)
    await page.getByRole('heading', { level: 1, name: /迁安市/ }).waitFor()
    await page.getByText('离线', { exact: true }).waitFor()
    await page.locator('article.event').first().waitFor()
    await page.goto(eventUrl)
    await page.getByRole('heading', { level: 1, name: '全国防灾减灾日' }).waitFor()
    await page.getByText('离线', { exact: true }).waitFor()
  })

  it('at 200% zoom the header scrolls away instead of taking a third of the screen', async () => {
    const { page } = phone
    const position = () => page.evaluate(() => getComputedStyle(document.querySelector('.bar')!).position)
    await page.goto(`${BASE}/r/130200`)
    expect(await position()).toBe('sticky')
    // 200% zoom on a 390×844 phone leaves 195×422 CSS pixels.
    await page.setViewportSize({ width: 195, height: 422 })
    try {
      expect(await position()).toBe('static')
    } finally {
      await page.setViewportSize({ width: 390, height: 844 })
    }
  })

  it('an open page shows 离线 when the browser goes offline, and drops it when the network is back', async () => {
    const { page, context } = phone
    await visitOnline(page, '/r/130283')
    const badge = page.getByText('离线', { exact: true })
    expect(await badge.count()).toBe(0)
    await goOffline(context)
    await badge.waitFor()
    await goOnline(context)
    await badge.waitFor({ state: 'detached' })
  })
})
