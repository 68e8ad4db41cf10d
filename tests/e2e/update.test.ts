import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launch, phone } from './setup/browser'
import { BASE, buildSite, deploy, root, work } from './setup/site'

// A new deployment (new data, hence new code) while a phone has the old one open.
const QIANAN = `迁安市科学技术协会文件

迁科协〔2024〕2号

关于印发《迁安市科协2024年科普工作要点》的通知

一、重点活动

（一）办好全国科普日。全国科普日迁安主场活动定于9月14日—20日在迁安市科技馆举行。

迁安市科学技术协会

2024年3月5日
`

let browser: Browser
let distA = ''
let distB = ''

beforeAll(async () => {
  distA = join(work, 'dist-a')
  const docs = join(work, 'docs-b')
  mkdirSync(docs, { recursive: true })
  cpSync(join(root, 'tests/fixtures/seeds'), docs, { recursive: true })
  writeFileSync(join(docs, '900_qianan_2024.txt'), QIANAN)
  distB = buildSite('b', docs)
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
  deploy(distA)
})

describe('a new version', () => {
  it('is announced, and the person reloads into it; its data, of the same format, shows at once', async () => {
    deploy(distA)
    const ctx = await phone(browser)
    const page = await ctx.newPage()
    await page.goto(`${BASE}/r/130283?view=agenda&y=2024`)
    await page.getByRole('heading', { level: 1, name: /迁安市/ }).waitFor()
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
    expect(await page.getByText('9月14日—20日').count()).toBe(0)

    deploy(distB)
    await page.reload()
    await page.getByText('科普日历有新版本').waitFor({ timeout: 30_000 })
    // The running code reads the new dataset (same DATA_FORMAT) without waiting: what the organiser
    // service publishes arrives the same way. The new code waits for the person.
    await page.getByText('9月14日—20日').first().waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: '立即更新' }).click()
    await page.getByText('9月14日—20日').first().waitFor({ timeout: 30_000 })
    await ctx.close()
  })
})
