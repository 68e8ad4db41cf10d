import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Client, entryYaml } from './client'
import { useService } from './setup'

// Every role tries what it must not: each attempt is refused with a message in Chinese and English,
// and nothing is written.
const world = useService('security')
const count = async (table: string) => (await world.service.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n

describe('the organiser service refuses', () => {
  it('a county editor submitting for another county', async () => {
    const editor = await world.invite('editor', '130283', '迁安')
    const before = await count('submissions')
    const r = await editor.post('/api/submissions', { fileId: 'x-luannan', yaml: entryYaml({ region: '"130224"' }) })
    expect(r.status).toBe(403)
    expect(r.json.error.zh).toContain('你只能提交')
    expect(r.json.error.en).toContain('own region')
    expect(await count('submissions')).toBe(before)
  })

  it('a reviewer of one city approving a county of another', async () => {
    const editor = await world.invite('editor', '130283', '迁安2')
    const sub = await editor.post('/api/submissions', { fileId: 'qianan-a', yaml: entryYaml() })
    const shijiazhuang = await world.invite('reviewer', '130100', '石家庄审核')
    const r = await shijiazhuang.post(`/api/submissions/${sub.json.id}/approve`)
    expect(r.status).toBe(403)
    expect(r.json.error).toEqual({ zh: expect.stringContaining('不在你的审核范围'), en: 'This submission is outside your region' })
    expect(await count('published')).toBe(0)
    // An editor cannot review at all, nor invite.
    expect((await editor.post(`/api/submissions/${sub.json.id}/approve`)).status).toBe(403)
    expect((await editor.post('/api/invitations', { role: 'editor', region: '130283' })).status).toBe(403)
    // A reviewer invites inside their region only, and never an admin.
    expect((await shijiazhuang.post('/api/invitations', { role: 'editor', region: '130283' })).status).toBe(403)
    expect((await shijiazhuang.post('/api/invitations', { role: 'admin', region: '130100' })).status).toBe(403)
  })

  it('no session, an expired session, a missing CSRF token', async () => {
    const anon = new Client(world.service.app)
    expect((await anon.post('/api/submissions', { fileId: 'a', yaml: entryYaml() })).json.error).toEqual({ zh: '请先登录', en: 'Sign in first' })
    const editor = await world.invite('editor', '130283', '迁安3')
    await world.service.db.query(`update sessions set expires_at = now() - interval '1 minute' where user_id = (select id from users where name = '迁安3')`)
    const expired = await editor.post('/api/submissions', { fileId: 'a', yaml: entryYaml() })
    expect(expired.status).toBe(401)
    expect(expired.json.error.zh).toContain('登录已过期')
    const fresh = await world.invite('editor', '130283', '迁安4')
    const noCsrf = await fresh.post('/api/submissions', { fileId: 'a', yaml: entryYaml() }, { 'x-csrf-token': 'forged' })
    expect(noCsrf.status).toBe(403)
    expect(noCsrf.json.error.en).toContain('CSRF')
  })

  it('a replayed request and a cross-site request', async () => {
    const editor = await world.invite('editor', '130283', '迁安5')
    const id = 'replay-0001-abcdef'
    const first = await editor.post('/api/submissions', { fileId: 'replay', yaml: entryYaml() }, { 'x-request-id': id })
    expect(first.status).toBe(201)
    const before = await count('submissions')
    const replay = await editor.post('/api/submissions', { fileId: 'replay', yaml: entryYaml() }, { 'x-request-id': id })
    expect(replay.status).toBe(409)
    expect(replay.json.error.en).toContain('replayed')
    const cross = await editor.post('/api/submissions', { fileId: 'cross', yaml: entryYaml() }, { origin: 'https://evil.example' })
    expect(cross.status).toBe(403)
    expect(cross.json.error).toEqual({ zh: '拒绝来自其他网站的请求', en: 'Cross-site request refused' })
    const noOrigin = await editor.post('/api/submissions', { fileId: 'cross', yaml: entryYaml() }, { origin: '', 'sec-fetch-site': 'cross-site' })
    expect(noOrigin.status).toBe(403)
    expect(await count('submissions')).toBe(before)
  })

  it('a 10 MB payload, and hostile text that is kept as text and escaped in the feed', async () => {
    const editor = await world.invite('editor', '130283', '迁安6')
    const huge = await editor.post('/api/submissions', { fileId: 'huge', yaml: 'x'.repeat(10 * 1024 * 1024) })
    expect(huge.status).toBe(413)
    expect(huge.json.error.zh).toContain('太大')
    const bidi = await editor.post('/api/submissions', { fileId: 'bidi', yaml: entryYaml({ title: '"科普\u202e日"' }) })
    expect(bidi.status).toBe(422)
    const hostile = '"<script>alert(1)</script>;END:VEVENT,\\\\n"'
    const sub = await editor.post('/api/submissions', { fileId: 'hostile', yaml: entryYaml({ title: hostile, venue: hostile, organiser: hostile }) })
    expect(sub.status, JSON.stringify(sub.json)).toBe(201)
    const reviewer = await world.invite('reviewer', '130200', '唐山审核2')
    expect((await reviewer.post(`/api/submissions/${sub.json.id}/approve`)).status).toBe(200)
    const feed = readFileSync(join(world.siteDir, 'feeds/130283.ics'), 'utf8')
    expect(feed.match(/^BEGIN:VEVENT/gm)!.length).toBe(feed.match(/^END:VEVENT/gm)!.length)
    expect(feed).toContain('SUMMARY:<script>alert(1)</script>\\;END:VEVENT\\,')
  }, 60_000)

  it('an invitation link used twice, and login guessing', async () => {
    const inv = await world.admin.post('/api/invitations', { role: 'editor', region: '130283' })
    const a = new Client(world.service.app)
    expect((await a.post('/api/signup', { token: inv.json.token, name: 'once', password: 'correct horse battery' })).status).toBe(200)
    const b = new Client(world.service.app)
    const twice = await b.post('/api/signup', { token: inv.json.token, name: 'twice', password: 'correct horse battery' })
    expect(twice.status).toBe(410)
    expect(twice.json.error.zh).toContain('已经用过')
    expect((await world.service.db.query(`select 1 from users where name = 'twice'`)).length).toBe(0)
    const guess = new Client(world.service.app)
    const answers = []
    for (let i = 0; i < 12; i++) answers.push((await guess.post('/api/login', { name: 'once', password: `wrong-${i}-password` })).status)
    expect(answers.slice(0, 9).every((s) => s === 401)).toBe(true)
    expect(answers.at(-1)).toBe(429)
  }, 60_000)
})
