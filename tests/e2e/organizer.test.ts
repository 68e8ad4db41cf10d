import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ICAL from 'ical.js'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { checkEntry, type LocalEntry } from '../../src/domain/local/schema'
import { entryToYaml, parseEntryYaml } from '../../src/domain/local/yaml'
import { goOffline, usePhone } from './setup/browser'
import { BASE, buildSite, deploy, root, work } from './setup/site'

// A county organiser, on a phone: drafts offline, exports the file, it is published by a
// rebuild, then edited and cancelled without breaking subscribers.
const HOSTILE_VENUE = '<img src=x onerror=alert(1)>迁安市科技馆'
const HOSTILE_DESC = '第一行，含逗号; 分号\\反斜杠\n第二行 END:VEVENT'
const localDir = join(work, 'local-c')
const UID = 'local.130283.2027-kepu-ri@kepu-calendar'

const phone = usePhone()
// Each publishing test rebuilds the dataset and the app: half a minute on a busy 2-core machine.
const PUBLISH_TIMEOUT = 180_000
const PUBLISHED: LocalEntry = {
  activity: 'kepu-ri',
  region: '130283',
  start: '2027-09-18',
  end: '2027-09-18',
  startTime: '09:00',
  endTime: '11:30',
  venue: HOSTILE_VENUE,
  organiser: '迁安市科学技术协会',
  audience: ['public'],
  description: HOSTILE_DESC,
  link: 'https://example.cn/kepu',
  status: 'planned',
  revision: 1,
}

/** Publish an entry file the way a maintainer does: into seeds/local/<code>/, then rebuild. */
function publish(file: string, name: string, serve = true) {
  rmSync(localDir, { recursive: true, force: true })
  mkdirSync(join(localDir, '130283'), { recursive: true })
  copyFileSync(file, join(localDir, '130283', '2027-kepu-ri.yaml'))
  const dist = buildSite(name, join(root, 'tests/fixtures/seeds'), ['--local', localDir])
  if (serve) deploy(dist)
  return dist
}

/** The entry as the editor exports it (revision 1), with hostile text: the start of the later tests. */
function publishedEntry(): string {
  const file = join(work, 'published-2027-kepu-ri.yaml')
  writeFileSync(file, entryToYaml(PUBLISHED))
  return file
}

function feedEvent(dist: string) {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(join(dist, 'feeds/130283.ics'), 'utf8')))
  return cal.getAllSubcomponents('vevent').filter((e) => e.getFirstPropertyValue('uid') === UID)
}

async function download(p: Page, button: string): Promise<string> {
  const [d] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: button }).click()])
  const path = join(work, d.suggestedFilename())
  await d.saveAs(path)
  return path
}

// Whatever a test deployed, the next one starts from the seeds' build.
afterEach(() => deploy(join(work, 'dist-a')))

describe('county organiser', () => {
  it('drafts offline; the draft survives a reload; previews it and exports the entry file', async () => {
    const { page, context: ctx } = phone
    await page.goto(`${BASE}/organizer`)
    await page.getByRole('heading', { name: '发布本地活动' }).waitFor()
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
    // One online visit to the editor caches the catalogue, the region list and the county's data.
    await page.getByRole('button', { name: '新建活动' }).click()
    await page.getByRole('combobox', { name: /输入地区名称/ }).fill('迁安')
    await page.getByRole('option', { name: /迁安市/ }).click()
    await page.getByText('河北省 唐山市 迁安市').waitFor()
    await page.waitForTimeout(500)
    await page.getByRole('link', { name: '‹ 全部草稿' }).click()
    await page.getByRole('button', { name: '删除草稿 new-entry' }).click()
    await page.getByRole('button', { name: '确定删除' }).click()
    await page.getByText('还没有草稿。').waitFor()

    await goOffline(ctx)
    await page.reload()
    await page.getByRole('button', { name: '新建活动' }).click()
    await page.getByRole('combobox', { name: /输入地区名称/ }).fill('迁安')
    await page.getByRole('option', { name: /迁安市/ }).click()
    await page.getByLabel('活动（必填）').selectOption('kepu-ri')
    // Prefilled with the activity's period and audience.
    await expect.poll(() => page.getByLabel('开始日期（必填）').inputValue()).toBe('2027-09-01')
    await page.getByLabel('主办单位（必填）').fill('迁安市科学技术协会')
    await page.getByLabel('地点').fill(HOSTILE_VENUE)
    await page.getByLabel('活动介绍（可不填）').fill(HOSTILE_DESC)
    await page.getByLabel(/详情链接/).fill('javascript:alert(1)')
    await page.getByRole('button', { name: '导出文件' }).click()
    // The build's own message, next to the field.
    await page.getByText('链接必须以 http:// 或 https:// 开头').first().waitFor()
    await page.getByLabel(/详情链接/).fill('https://example.cn/kepu')
    await page.getByLabel('开始日期（必填）').fill('2027-09-18')
    await page.getByLabel('结束日期（必填）').fill('2027-09-18')
    await page.getByLabel('开始时间（可不填）').fill('09:00')
    await page.getByLabel('结束时间').fill('11:30')
    await page.waitForTimeout(600)
    await page.reload()
    await expect.poll(() => page.getByLabel('地点').inputValue()).toBe(HOSTILE_VENUE)
    expect(await page.getByLabel('开始日期（必填）').inputValue()).toBe('2027-09-18')
    await page.getByRole('link', { name: '‹ 全部草稿' }).click()
    await page.getByRole('link', { name: '2027-kepu-ri' }).waitFor()
    await page.getByRole('link', { name: '2027-kepu-ri' }).click()

    const preview = page.locator('section', { has: page.getByRole('heading', { name: /预览/ }) })
    await preview.getByRole('heading', { name: '全国科普月', exact: true }).first().waitFor()
    await expect.poll(() => preview.locator('article.event').count()).toBeGreaterThan(1)
    const exported = await download(page, '导出文件')
    expect(exported.endsWith('2027-kepu-ri.yaml')).toBe(true)
    // Exactly the entry the later tests publish: what the editor writes is what the build reads.
    expect(checkEntry(parseEntryYaml(readFileSync(exported, 'utf8')).value).entry).toEqual({ ...PUBLISHED, audience: ['public'] })
  })

  it('published: the event shows in the county’s calendar and feed, hostile text as text', async () => {
    const dist = publish(publishedEntry(), 'c')
    const [ev] = feedEvent(dist)
    expect(ev!.getFirstPropertyValue('sequence')).toBe(1)
    expect(ev!.getFirstPropertyValue('location')).toBe(HOSTILE_VENUE)
    expect(String(ev!.getFirstPropertyValue('description'))).toContain(HOSTILE_DESC)
    expect(ev!.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART;TZID=Asia/Shanghai:20270918T090000')

    const p = phone.page
    await p.goto(`${BASE}/r/130283?view=agenda&y=2027`)
    await p.getByRole('link', { name: '全国科普月' }).first().waitFor()
    const card = p.locator('article.event', { has: p.locator('.venue') })
    await expect.poll(() => card.locator('.venue').textContent()).toBe(HOSTILE_VENUE)
    await card.getByRole('link').click()
    await p.getByText('迁安市科学技术协会').waitFor()
    expect(await p.locator('img[src="x"]').count()).toBe(0)
    await p.getByRole('link', { name: 'https://example.cn/kepu' }).waitFor()
    // The city's view shows its counties' entries when asked.
    await p.goto(`${BASE}/r/130200?view=agenda&y=2027`)
    await p.locator('button[aria-controls="filters"]').click()
    expect(await p.locator('.badge', { hasText: '迁安市' }).count()).toBe(0)
    await p.getByRole('checkbox', { name: '含下级地区的本地活动' }).check()
    await p.locator('.badge', { hasText: '迁安市' }).first().waitFor()
  }, PUBLISH_TIMEOUT)

  it('edited: same UID, SEQUENCE up', async () => {
    const { page } = phone
    await page.goto(`${BASE}/organizer`)
    await page.locator('input[type=file]').setInputFiles(publishedEntry())
    await page.getByRole('heading', { name: '修改本地活动' }).waitFor()
    await page.getByText('第 2 版').waitFor()
    await page.getByLabel('开始日期（必填）').fill('2027-09-25')
    await page.getByLabel('结束日期（必填）').fill('2027-09-25')
    const edited = await download(page, '导出文件')
    expect(readFileSync(edited, 'utf8')).toContain('revision: 2')
    const [ev] = feedEvent(publish(edited, 'd', false))
    expect(ev!.getFirstPropertyValue('uid')).toBe(UID)
    expect(ev!.getFirstPropertyValue('sequence')).toBe(2)
    expect(String(ev!.getFirstPropertyValue('dtstart'))).toContain('2027-09-25')
  }, PUBLISH_TIMEOUT)

  it('cancelled: shown as cancelled, CANCELLED in the feed', async () => {
    const { page } = phone
    await page.goto(`${BASE}/organizer`)
    await page.locator('input[type=file]').setInputFiles(publishedEntry())
    await page.getByRole('heading', { name: '修改本地活动' }).waitFor()
    await page.getByRole('button', { name: '取消此活动' }).click()
    await page.getByText('已标记为取消').first().waitFor()
    const cancelled = await download(page, '导出文件')
    expect(readFileSync(cancelled, 'utf8')).toContain('status: cancelled')
    const [ev] = feedEvent(publish(cancelled, 'e'))
    expect(ev!.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(ev!.getFirstPropertyValue('uid')).toBe(UID)

    // A reader who has not seen the old version (this page's worker still holds the old one).
    const reader = await phone.freshPage()
    await reader.goto(`${BASE}/r/130283?view=agenda&y=2027`)
    const card = reader.locator('article.event', { has: reader.locator('.badge.cancelled') })
    await expect.poll(() => card.locator('h3').textContent()).toBe('全国科普月')
  }, PUBLISH_TIMEOUT)
})
