import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../server/db'
import { exportEntries, importEntries } from '../../server/entries'
import { loadCatalogue } from '../../server/validate'
import { entryYaml } from './client'
import { root, useService } from './setup'

const world = useService('flow')

function published(code: string) {
  const { version } = JSON.parse(readFileSync(join(world.siteDir, 'data/latest.json'), 'utf8')) as { version: string }
  const cal = JSON.parse(readFileSync(join(world.siteDir, 'data', version, 'r', `${code}.json`), 'utf8')) as { instances: { uid: string; title: string; status: string; sequence: number }[] }
  return { cal, feed: readFileSync(join(world.siteDir, 'feeds', `${code}.ics`), 'utf8') }
}

const UID = 'local.130283.qianan-kepu-ri@kepu-calendar'

describe('the organiser service: invite → sign up → submit → review → publish → edit → cancel', () => {
  it('answers health and refuses an unauthenticated submission in Chinese and English', async () => {
    const { admin } = world
    expect((await admin.get('/api/health')).json).toEqual({ ok: true, db: process.env.KEPU_TEST_DATABASE_URL ? 'postgres' : 'pglite' })
    const anon = await world.service.app.inject({ method: 'POST', url: '/api/submissions', payload: {} })
    expect(anon.statusCode).toBe(401)
    expect(anon.json()).toEqual({ error: { zh: '请先登录', en: 'Sign in first' } })
  })

  it('walks the whole flow, and the county calendar and feed show each step', async () => {
    const reviewer = await world.invite('reviewer', '130200', '唐山审核')
    const editor = await world.invite('editor', '130283', '迁安编辑', reviewer)
    expect((await editor.get('/api/session')).json.user).toMatchObject({ role: 'editor', region: '130283', regionName: '全国 河北省 唐山市 迁安市' })

    // Submit: checked like a file in seeds/local, message for message.
    const bad = await editor.post('/api/submissions', { fileId: 'qianan-kepu-ri', yaml: entryYaml({ start: '2026-02-30' }) })
    expect(bad.status).toBe(422)
    expect(bad.json.problems[0]).toMatchObject({ field: 'start', line: 4 })
    const sub = await editor.post('/api/submissions', { fileId: 'qianan-kepu-ri', yaml: entryYaml() })
    expect(sub.status).toBe(201)

    // Review: the queue shows it with nothing published yet; reject with a reason the editor sees.
    const queue = await reviewer.get('/api/submissions')
    const item = queue.json.submissions.find((s: { id: number }) => s.id === sub.json.id)
    expect(item).toMatchObject({ state: 'pending', region: '130283', author: '迁安编辑', published_yaml: null, canReview: true })
    expect((await reviewer.post(`/api/submissions/${sub.json.id}/reject`, { reason: '' })).status).toBe(400)
    expect((await reviewer.post(`/api/submissions/${sub.json.id}/reject`, { reason: '请写明活动地点' })).status).toBe(200)
    const mine = await editor.get('/api/submissions')
    expect(mine.json.submissions[0]).toMatchObject({ state: 'rejected', reason: '请写明活动地点' })

    // Resubmit, approve → published: the county calendar and feed have it.
    const again = await editor.post('/api/submissions', { fileId: 'qianan-kepu-ri', yaml: entryYaml({ venue: '迁安市科技馆' }) })
    const ok = await reviewer.post(`/api/submissions/${again.json.id}/approve`)
    expect(ok.status, JSON.stringify(ok.json)).toBe(200)
    expect(ok.json.publishMs).toBeGreaterThan(0)
    let site = published('130283')
    expect(site.cal.instances.find((i) => i.uid === UID)).toMatchObject({ title: '迁安市科普日主场活动', sequence: 1 })
    expect(site.feed).toContain(`UID:${UID}`)
    // The city's feed rolls up its ancestors only; the county's own entry is in the county feed.
    expect(published('130200').cal.instances.some((i) => i.uid === UID)).toBe(false)

    // Edit: same UID, SEQUENCE 2. An edit that does not raise revision is refused.
    const same = await editor.post('/api/submissions', { fileId: 'qianan-kepu-ri', yaml: entryYaml({ start: '2026-09-13', end: '2026-09-13' }) })
    expect(same.status).toBe(409)
    expect(same.json.problems[0].message).toContain('revision 加 1')
    const edit = await editor.post('/api/submissions', { fileId: 'qianan-kepu-ri', yaml: entryYaml({ start: '2026-09-13', end: '2026-09-13', revision: 2 }) })
    const diff = (await reviewer.get('/api/submissions')).json.submissions.find((s: { id: number }) => s.id === edit.json.id)
    expect(diff).toMatchObject({ published_revision: 1 })
    expect(diff.published_yaml).toContain('2026-09-12')
    expect((await reviewer.post(`/api/submissions/${edit.json.id}/approve`)).status).toBe(200)
    site = published('130283')
    expect(site.cal.instances.find((i) => i.uid === UID)).toMatchObject({ sequence: 2 })
    expect(site.feed).toMatch(new RegExp(`UID:${UID}\\r\\n(?:[^\\r]*\\r\\n)*?SEQUENCE:2\\r\\n`))

    // Cancel: STATUS:CANCELLED, the event stays in the feed so phones remove it.
    const cancel = await editor.post('/api/submissions', { fileId: 'qianan-kepu-ri', yaml: entryYaml({ start: '2026-09-13', end: '2026-09-13', revision: 3, status: 'cancelled' }) })
    expect((await reviewer.post(`/api/submissions/${cancel.json.id}/approve`)).status).toBe(200)
    site = published('130283')
    expect(site.cal.instances.find((i) => i.uid === UID)).toMatchObject({ status: 'cancelled', sequence: 3 })
    expect(site.feed).toContain('STATUS:CANCELLED')

    // Every action is in the audit log.
    const actions = (await world.service.db.query<{ action: string }>('select action from audit order by id')).map((r) => r.action)
    for (const a of ['signup', 'invite', 'submit', 'reject', 'approve', 'publish']) expect(actions).toContain(a)
  }, 120_000)
})

describe('files still work', () => {
  it('entries:export writes the approved entries as seeds/local/<code>/<id>.yaml, and entries:import reads them back', async () => {
    const dir = join(world.siteDir, '..', 'flow-export')
    rmSync(dir, { recursive: true, force: true })
    const files = await exportEntries(world.service.db, dir)
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['130283/qianan-kepu-ri.yaml'])
    expect(readFileSync(files[0]!, 'utf8')).toContain('status: cancelled')
    const fresh = await openDb({})
    try {
      const cat = loadCatalogue(root)
      expect(await importEntries(fresh, dir, cat)).toEqual({ imported: ['130283/qianan-kepu-ri.yaml'], skipped: [], problems: [] })
      expect(await fresh.query('select region, entry_id, revision from published')).toEqual([{ region: '130283', entry_id: 'qianan-kepu-ri', revision: 3 }])
      // Again: nothing newer, nothing imported; a broken file is named with its line.
      writeFileSync(join(dir, '130283/broken.yaml'), 'activity: kepu-ri\nregion: "130283"\n')
      const again = await importEntries(fresh, dir, cat)
      expect(again.skipped).toEqual(['130283/qianan-kepu-ri.yaml'])
      expect(again.problems[0]).toMatch(/^130283\/broken\.yaml(:\d+)?: /)
      expect((await fresh.query<{ wanted: number }>('select wanted from site_state'))[0]!.wanted).toBe(1)
    } finally {
      await fresh.close()
    }
  }, 60_000)
})
