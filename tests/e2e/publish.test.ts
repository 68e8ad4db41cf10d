import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startService, type Service } from '../../server/service'
import { goOffline, goOnline, usePhone } from './setup/browser'
import { invite, signUp } from './setup/organizer'
import { work } from './setup/site'

// A county 科协 publishes from the editor: invite → sign up → draft offline → submit → review →
// approve → the event in the county calendar and feed → edit (SEQUENCE 2) → cancel (CANCELLED).
const PORT = 4395
const S = `http://127.0.0.1:${PORT}`
const FILE_ID = '2027-kepu-ri'
const UID = `local.130283.${FILE_ID}@kepu-calendar`
const phone = usePhone()
const shots = join(work, 'screenshots')
let service: Service

beforeAll(async () => {
  const site = join(work, 'service-site')
  rmSync(site, { recursive: true, force: true })
  cpSync(join(work, 'dist-a'), site, { recursive: true })
  mkdirSync(shots, { recursive: true })
  service = await startService({ siteDir: site })
  await service.app.listen({ port: PORT, host: '127.0.0.1' })
}, 120_000)
afterAll(() => service?.close())


async function approve(page: Page, title: string) {
  await page.goto(`${S}/organizer/review`)
  const card = page.locator('article', { has: page.getByRole('heading', { name: title }) })
  await card.getByRole('button', { name: '通过并发布' }).click()
  const done = page.getByText(/已发布，[\d.]+ 秒后网站和订阅已更新/)
  await done.or(page.getByRole('alert')).first().waitFor({ timeout: 30_000 })
  expect(await page.getByRole('alert').count(), await page.getByRole('alert').allTextContents().then((t) => t.join(' '))).toBe(0)
  await done.waitFor()
}

const feed = async () => (await fetch(`${S}/feeds/130283.ics`)).text()
const eventIn = (ics: string) => ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${UID}`)) ?? ''

describe('publishing from the editor', () => {
  it('walks the whole flow in the browser', async () => {
    const admin = await phone.freshPage()
    await signUp(admin, `${S}${service.firstInvitation}`, 'admin')
    const reviewerLink = await invite(admin, 'reviewer', '130200')

    const reviewer = await phone.freshPage()
    await signUp(reviewer, reviewerLink, '唐山审核')
    const editorLink = await invite(reviewer, 'editor', '130283')

    const editor = await phone.freshPage()
    await signUp(editor, editorLink, '迁安编辑')
    await editor.getByRole('link', { name: '我的草稿' }).click()
    await editor.getByRole('button', { name: '新建活动' }).click()
    await editor.getByRole('combobox', { name: /输入地区名称/ }).fill('迁安')
    await editor.getByRole('option', { name: /迁安市/ }).click()
    await editor.getByLabel('活动（必填）').selectOption('kepu-ri')
    await editor.getByLabel(/^标题/).fill('迁安市科普月主场活动')
    await editor.getByLabel('主办单位（必填）').fill('迁安市科学技术协会')
    await editor.getByLabel('开始日期（必填）').fill('2027-09-18')
    await editor.getByLabel('结束日期（必填）').fill('2027-09-18')
    await editor.getByLabel('地点').fill('迁安市科技馆')
    await editor.waitForTimeout(500)
    await editor.screenshot({ path: join(shots, 'organizer-edit.png'), fullPage: true })

    // Offline: the submission waits in IndexedDB, and goes when the network returns.
    await goOffline(editor.context())
    await editor.getByRole('button', { name: '提交审核' }).click()
    await editor.getByText('已保存在本机：网络恢复后自动提交。').waitFor()
    await editor.getByRole('link', { name: '‹ 全部草稿' }).click()
    await editor.getByText(/待提交|正在提交/).waitFor()
    await goOnline(editor.context())
    await editor.getByText(/已提交审核/).waitFor({ timeout: 20_000 })
    await editor.screenshot({ path: join(shots, 'organizer-submitted.png'), fullPage: true })

    // Review: the diff and the county calendar around it; approve publishes.
    await reviewer.goto(`${S}/organizer/review`)
    await reviewer.getByRole('heading', { name: '迁安市科普月主场活动' }).waitFor()
    await reviewer.getByRole('cell', { name: '迁安市科技馆' }).waitFor()
    await reviewer.getByText(/同月在迁安市日历中的活动/).waitFor()
    await reviewer.screenshot({ path: join(shots, 'review-queue.png'), fullPage: true })
    await approve(reviewer, '迁安市科普月主场活动')
    expect(eventIn(await feed())).toContain('SEQUENCE:1')

    // A reader's phone: the app follows the newly published dataset.
    const reader = await phone.freshPage()
    await reader.goto(`${S}/r/130283?view=agenda&y=2027`)
    await reader.getByRole('link', { name: '迁安市科普月主场活动' }).waitFor({ timeout: 20_000 })

    // Edit: same UID, SEQUENCE 2 (the editor raises the revision itself).
    await editor.getByRole('link', { name: '迁安市科普月主场活动' }).click()
    await editor.getByLabel('地点').fill('迁安市青少年活动中心')
    await editor.waitForTimeout(400)
    await editor.getByRole('button', { name: '提交审核' }).click()
    await editor.getByText(/^已提交审核/).waitFor()
    await approve(reviewer, '迁安市科普月主场活动')
    expect(eventIn(await feed())).toMatch(/SEQUENCE:2[\s\S]*LOCATION:迁安市青少年活动中心|LOCATION:迁安市青少年活动中心[\s\S]*SEQUENCE:2/)

    // Cancel: STATUS:CANCELLED, so subscribed phones drop it.
    await editor.getByRole('button', { name: '取消此活动' }).click()
    await editor.getByRole('button', { name: '提交审核' }).click()
    await editor.getByText(/^已提交审核/).waitFor()
    await approve(reviewer, '迁安市科普月主场活动')
    const cancelled = eventIn(await feed())
    expect(cancelled).toContain('STATUS:CANCELLED')
    expect(cancelled).toContain('SEQUENCE:3')
  }, 240_000)
})
