import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { entryYaml, type Client } from './client'
import { root, useService } from './setup'

// Every role acts only within its region, for every action: one row per role × action × region.
// 迁安市 (130283) is inside 唐山市 (130200); 栾州市 (130284) too; 石家庄's 正定县 (130123) is not.
const world = useService('scope')
const shexian = readFileSync(join(root, 'seeds/documents/shexian-2025-kejizhou-plan.txt'), 'utf8')
const people: Record<'editor' | 'reviewer' | 'otherReviewer' | 'author', Client> = {} as never
let n = 0

beforeAll(async () => {
  people.reviewer = await world.invite('reviewer', '130200', '唐山审核')
  people.otherReviewer = await world.invite('reviewer', '130100', '石家庄审核')
  people.editor = await world.invite('editor', '130283', '迁安编辑', people.reviewer)
  people.author = await world.invite('editor', '130284', '栾州编辑', people.reviewer)
}, 60_000)

/** A pending entry submission in `region`, written by the county's own editor. */
async function pendingIn(region: '130283' | '130284') {
  const by = region === '130283' ? people.editor : people.author
  const r = await by.post('/api/submissions', { fileId: `e${++n}`, yaml: entryYaml({ region: `"${region}"`, title: `活动${n}` }) })
  expect(r.status).toBe(201)
  return r.json.id as number
}

describe('each role × action × region', () => {
  it.each([
    ['editor', 'submits an entry', 'its county', 201],
    ['editor', 'submits an entry', 'another county of its city', 403],
    ['editor', 'submits an entry', 'the nation', 403],
    ['reviewer', 'submits an entry', 'a county of its city', 201],
    ['reviewer', 'submits an entry', 'the nation', 403],
    ['reviewer', 'submits an entry', 'a county of another city', 403],
  ] as const)('%s %s for %s → %i', async (who, _action, where, status) => {
    const region = { 'its county': '130283', 'another county of its city': '130284', 'the nation': '000000', 'a county of its city': '130284', 'a county of another city': '130123' }[where]
    const r = await people[who].post('/api/submissions', { fileId: `s${++n}`, yaml: entryYaml({ region: `"${region}"` }) })
    expect(r.status, JSON.stringify(r.json)).toBe(status)
  })

  it('a reviewer outside the region cannot supersede a county editor’s waiting submission', async () => {
    const id = await pendingIn('130283')
    const r = await people.otherReviewer.post('/api/submissions', { fileId: `e${n}`, yaml: entryYaml({ title: '改掉它' }) })
    expect(r.status).toBe(403)
    const mine = (await people.editor.get('/api/submissions')).json.submissions.find((s: { id: number }) => s.id === id)
    expect(mine.state).toBe('pending')
  })

  it.each([
    ['editor', 'approve', 403],
    ['editor', 'reject', 403],
    ['otherReviewer', 'approve', 403],
    ['otherReviewer', 'reject', 403],
    ['reviewer', 'reject', 200],
  ] as const)('%s may %s a submission of 迁安市 → %i', async (who, action, status) => {
    const id = await pendingIn('130283')
    const r = await people[who].post(`/api/submissions/${id}/${action}`, { reason: '请补充地点' })
    expect(r.status, JSON.stringify(r.json)).toBe(status)
  })

  it.each([
    ['editor', 'reviewer', '130283', 403],
    ['reviewer', 'editor', '130284', 200],
    ['reviewer', 'editor', '130123', 403],
    ['reviewer', 'admin', '130283', 403],
  ] as const)('%s invites a %s of %s → %i', async (who, role, region, status) => {
    expect((await people[who].post('/api/invitations', { role, region })).status).toBe(status)
  })

  it.each([
    ['editor', 'its own county', '130283', 201],
    ['editor', 'another county', '341021', 403],
    ['otherReviewer', 'a county outside its city', '341021', 403],
  ] as const)('%s hands in a document for %s → %i', async (who, _where, region, status) => {
    const text = `${shexian}\n${who}-${region}-${++n}`
    expect((await people[who].post('/api/documents', { text, region, year: 2025 })).status).toBe(status)
  })

  it('only a reviewer of the region, not the author, approves or rejects a document', async () => {
    const doc = await people.editor.post('/api/documents', { text: `${shexian}\n${++n}`, region: '130283', year: 2025 })
    expect(doc.status).toBe(201)
    for (const who of ['editor', 'otherReviewer'] as const) {
      expect((await people[who].post(`/api/documents/${doc.json.id}/approve`)).status).toBe(403)
      expect((await people[who].post(`/api/documents/${doc.json.id}/reject`, { reason: '不对' })).status).toBe(403)
    }
    expect((await people.otherReviewer.get('/api/documents')).json.documents.map((d: { id: number }) => d.id)).not.toContain(doc.json.id)
    expect((await people.reviewer.post(`/api/documents/${doc.json.id}/reject`, { reason: '请交盖章的通知' })).status).toBe(200)
  })
})
