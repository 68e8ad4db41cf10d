import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, useService } from './setup'

// Documents in through the service: an editor hands in the notice they wrote, sees what the
// pipeline reads in it, confirms it; a reviewer of that region approves and it is published.
const world = useService('documents')
const shexian = readFileSync(join(root, 'seeds/documents/shexian-2025-kejizhou-plan.txt'), 'utf8')
const file = (name: string) => readFileSync(join(root, 'tests/fixtures/real', name)).toString('base64')

function calendar(code: string) {
  const { version } = JSON.parse(readFileSync(join(world.siteDir, 'data/latest.json'), 'utf8')) as { version: string }
  return JSON.parse(readFileSync(join(world.siteDir, 'data', version, 'r', `${code}.json`), 'utf8')) as { instances: { uid: string; region: string; year: number; start: string | null }[] }
}

describe('documents handed in through the service', () => {
  it('proposes region with its evidence, year, 文号 and each activity with its clause and dates, from pasted text, .docx and PDF', async () => {
    const editor = await world.invite('editor', '341021', '歙县编辑')
    const text = await editor.post('/api/documents/preview', { text: shexian })
    expect(text.status).toBe(200)
    expect(text.json.inScope).toBe(true)
    const p = text.json.proposal
    expect(p).toMatchObject({ region: { code: '341021', name: '歙县', path: '安徽省 黄山市 歙县' }, year: 2025, docNumber: '歙科商工信〔2025〕17号', kind: 'notice' })
    expect(p.evidence.length).toBeGreaterThan(0)
    const week = p.activities.find((a: { activity: string; stated: unknown }) => a.activity === 'keji-huodong-zhou' && a.stated && !(a.stated as { tentative?: boolean }).tentative)
    expect(week).toMatchObject({ quote: expect.stringContaining('第二十五个全国科技活动周'), stated: { start: '2025-05-24', end: '2025-05-31' } })

    const docx = await editor.post('/api/documents/preview', { fileName: '绵竹市2017年科普工作要点.docx', base64: file('mianzhu-2017-plan.docx') })
    expect(docx.json.proposal).toMatchObject({ region: { code: '510683' }, year: 2017 })
    expect(docx.json.inScope).toBe(false)
    const pdf = await editor.post('/api/documents/preview', { fileName: 'fujian.pdf', base64: file('fujian-2022-news.pdf') })
    expect(pdf.json.proposal).toMatchObject({ region: { code: '350000' }, year: 2022 })
    expect(pdf.json.proposal.activities[0]).toMatchObject({ activity: 'kepu-ri', quote: expect.stringContaining('全国科普日福建省主场活动') })
  })

  it.each([
    [{ fileName: '通知.doc', base64: Buffer.from('not a doc').toString('base64') }, 422, /读不了《通知.doc》.*另存为 \.docx/],
    [{ fileName: 'scan.pdf', base64: Buffer.from('%PDF-1.4 nothing').toString('base64') }, 422, /读不了《scan.pdf》/],
    [{ fileName: 'a.txt', base64: '' }, 400, /空文件/],
    [{ fileName: 'a.txt', base64: '@@not base64@@' }, 400, /没有完整上传/],
    [{ text: '   ' }, 400, /粘贴的文字是空的/],
    [{}, 400, /请选择一个文件/],
  ])('refuses a broken upload with a message that names the file: %j', async (body, status, message) => {
    const editor = await world.invite('editor', '341021', `歙县编辑${Math.random().toString(36).slice(2, 8)}`)
    const r = await editor.post('/api/documents/preview', body)
    expect(r.status).toBe(status)
    expect(r.json.error.zh).toMatch(message)
  })

  it('submit → refuse outside the region → reject with a reason the editor sees → approve by another person → published', async () => {
    const reviewer = await world.invite('reviewer', '341000', '黄山审核')
    const other = await world.invite('reviewer', '510000', '四川审核')
    const editor = await world.invite('editor', '341021', '歙县编辑2', reviewer)
    const elsewhere = await world.invite('editor', '341022', '休宁编辑', reviewer)
    const facts = { text: shexian, region: '341021', year: 2025, docNumber: '歙科商工信〔2025〕17号' }

    // Facts missing or out of scope: refused, nothing stored.
    expect((await editor.post('/api/documents', { ...facts, year: undefined })).json.problems[0].field).toBe('year')
    expect((await editor.post('/api/documents', { ...facts, region: '999999' })).status).toBe(400)
    expect((await elsewhere.post('/api/documents', facts)).status).toBe(403)
    expect((await editor.post('/api/documents', { ...facts, text: '这是一段没有任何活动名称的文字。2025年。' })).status).toBe(422)

    const first = await editor.post('/api/documents', facts)
    expect(first.status).toBe(201)
    expect((await editor.post('/api/documents', facts)).status).toBe(409)
    expect((await other.post(`/api/documents/${first.json.id}/approve`)).status).toBe(403)
    expect((await editor.post(`/api/documents/${first.json.id}/approve`)).status).toBe(403)
    expect((await reviewer.post(`/api/documents/${first.json.id}/reject`, { reason: '请附上盖章的正式文件' })).status).toBe(200)
    expect((await editor.get('/api/documents')).json.documents[0]).toMatchObject({ state: 'rejected', reason: '请附上盖章的正式文件', region: '341021' })
    expect((await other.get('/api/documents')).json.documents).toEqual([])

    const again = await editor.post('/api/documents', facts)
    expect(again.status).toBe(201)
    const approved = await reviewer.post(`/api/documents/${again.json.id}/approve`)
    expect(approved.status, JSON.stringify(approved.json)).toBe(200)
    const own = calendar('341021').instances.filter((i) => i.region === '341021')
    expect(own.map((i) => i.uid)).toContain('keji-huodong-zhou.341021.2025@kepu-calendar')
    expect((await editor.get('/api/documents')).json.documents[0]).toMatchObject({ state: 'approved' })
  }, 120_000)
})
