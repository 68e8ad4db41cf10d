import { mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startService, type Service } from '../../server/service'
import { docx, pdf, split } from '../fixtures/formats/build'
import { usePhone } from './setup/browser'
import { invite, signUp } from './setup/organizer'
import { root, work } from './setup/site'

// County staff hand in the notices they already write: a Word file, a PDF and pasted text, each
// read by the pipeline, confirmed, approved by a reviewer and published into the county calendar.
const phone = usePhone()
const shots = join(work, 'screenshots')
const files = join(work, 'upload-files')
let service: Service
let S = ''

const corpus = (name: string) => readFileSync(join(root, 'seeds/documents', name), 'utf8')

beforeAll(async () => {
  const site = join(work, 'documents-site')
  rmSync(site, { recursive: true, force: true })
  cpSync(join(work, 'dist-a'), site, { recursive: true })
  mkdirSync(shots, { recursive: true })
  mkdirSync(files, { recursive: true })
  // Real notices and reports, made into the files their authors would have.
  writeFileSync(join(files, '2025年歙县科技活动周实施方案.docx'), await docx(split(corpus('shexian-2025-kejizhou-plan.txt'))))
  writeFileSync(join(files, '桐柏县科技活动周.pdf'), await pdf(split(corpus('tongbai-2025-kejizhou-news.txt'))))
  service = await startService({ siteDir: site })
  await service.app.listen({ port: 0, host: '127.0.0.1' })
  S = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`
}, 120_000)
afterAll(() => service?.close())


/** An editor of `region` hands in a document and sees the proposal; returns the page. */
async function handIn(admin: Page, region: string, name: string, give: (page: Page) => Promise<void>) {
  const editor = await phone.freshPage()
  await signUp(editor, await invite(admin, 'editor', region), name)
  await editor.goto(`${S}/organizer/documents`)
  await give(editor)
  await editor.getByRole('heading', { name: '读到的内容' }).waitFor({ timeout: 30_000 })
  return editor
}

describe('documents in through the organiser service', () => {
  it('docx, PDF and pasted text: proposal → confirm → approve → published in the county calendar', async () => {
    const admin = await phone.freshPage()
    await signUp(admin, `${S}${service.firstInvitation}`, 'admin')
    const reviewer = await phone.freshPage()
    await signUp(reviewer, await invite(admin, 'reviewer', '340000'), '安徽审核')

    // .docx: region with its evidence, year, 文号 and the activities with their dates, read from the file.
    const shexian = await handIn(admin, '341021', '歙县编辑', (p) => p.locator('input[type=file]').setInputFiles(join(files, '2025年歙县科技活动周实施方案.docx')))
    await expect.poll(() => shexian.getByLabel('所属地区').inputValue()).toBe('341021')
    await expect.poll(() => shexian.getByLabel('活动年份').inputValue()).toBe('2025')
    expect(await shexian.getByLabel(/文号/).inputValue()).toBe('歙科商工信〔2025〕17号')
    await shexian.getByText('2025年5月24日—31日').first().waitFor()
    await shexian.getByText(/依据：/).waitFor()
    await shexian.screenshot({ path: join(shots, 'document-proposal.png'), fullPage: true })
    await shexian.getByRole('button', { name: '提交审核' }).click()
    await shexian.getByText('已提交审核。').waitFor()
    await shexian.getByText('等待审核').waitFor()

    // PDF, by a county outside the reviewer's province: the admin reviews it.
    const tongbai = await handIn(admin, '411330', '桐柏编辑', (p) => p.locator('input[type=file]').setInputFiles(join(files, '桐柏县科技活动周.pdf')))
    await expect.poll(() => tongbai.getByLabel('所属地区').inputValue()).toBe('411330')
    await tongbai.getByRole('button', { name: '提交审核' }).click()
    await tongbai.getByText('已提交审核。').waitFor()

    // Pasted text, with a wrong year corrected by hand before submitting.
    const fengxian = await handIn(admin, '320321', '丰县编辑', async (p) => {
      await p.getByLabel('通知全文').fill(corpus('fengxian-2025-kepuyue-news.txt'))
      await p.getByRole('button', { name: '读取粘贴的文字' }).click()
    })
    await expect.poll(() => fengxian.getByLabel('所属地区').inputValue()).toBe('320321')
    await fengxian.getByLabel('活动年份').fill('')
    await fengxian.getByRole('button', { name: '提交审核' }).click()
    await fengxian.getByText('请填写活动所在的年份，如 2026').first().waitFor()
    await fengxian.getByLabel('活动年份').fill('2025')
    await fengxian.getByRole('button', { name: '提交审核' }).click()
    await fengxian.getByText('已提交审核。').waitFor()

    // Review: the reviewer of 安徽 sees 歙县's document only; approve publishes it.
    await reviewer.goto(`${S}/organizer/review`)
    const card = reviewer.locator('article', { has: reviewer.getByRole('heading', { name: /歙县科技活动周/ }) })
    await card.waitFor()
    expect(await reviewer.getByRole('heading', { name: /桐柏/ }).count()).toBe(0)
    await reviewer.screenshot({ path: join(shots, 'document-review.png'), fullPage: true })
    await card.getByRole('button', { name: '收录并发布' }).click()
    await reviewer.getByText(/已收录，[\d.]+ 秒后网站和订阅已更新/).waitFor({ timeout: 60_000 })

    // The admin returns 丰县's with a reason and approves 桐柏's.
    await admin.goto(`${S}/organizer/review`)
    const feng = admin.locator('article', { has: admin.getByText('丰县', { exact: false }) }).filter({ hasText: '丰县编辑' })
    await feng.getByLabel(/退回原因/).fill('请上传盖章的正式通知')
    await feng.getByRole('button', { name: '退回' }).click()
    await admin.getByText(/已退回，提交人会看到原因/).waitFor()
    const tong = admin.locator('article').filter({ hasText: '桐柏编辑' })
    await tong.getByRole('button', { name: '收录并发布' }).click()
    await admin.getByText(/已收录，[\d.]+ 秒后网站和订阅已更新/).waitFor({ timeout: 60_000 })

    // Each editor sees where their document stands.
    await fengxian.reload()
    await fengxian.getByText('已退回：请上传盖章的正式通知').waitFor()
    await shexian.reload()
    await shexian.getByText('已收录并发布').waitFor()

    // The county calendars: own events from the documents, and the next edition carried forward.
    for (const [code, name] of [['341021', '歙县'], ['411330', '桐柏县']] as const) {
      const { path } = (await (await fetch(`${S}/data/latest.json`)).json()) as { path: string }
      const cal = (await (await fetch(`${S}/${path}r/${code}.json`)).json()) as { instances: { uid: string; region: string; year: number; carried?: number[] }[] }
      const own = cal.instances.filter((i) => i.region === code)
      expect(own.map((i) => i.uid), name).toContain(`keji-huodong-zhou.${code}.2025@kepu-calendar`)
      expect(own.some((i) => i.carried?.includes(2025)), name).toBe(true)
    }
    const reader = await phone.freshPage()
    await reader.goto(`${S}/r/341021`)
    await reader.getByText(/本地活动 \d+ 项/).waitFor({ timeout: 20_000 })
  }, 300_000)
})
