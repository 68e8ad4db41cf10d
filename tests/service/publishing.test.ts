import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { entryYaml } from './client'
import { useService } from './setup'

// What the database calls published is what the site shows: a publish that fails leaves the
// approval undone (to try again), and a site folder rebuilt without the service's approvals is
// published again when the service starts.
const world = useService('publishing')
const uids = (code: string) => {
  const { version } = JSON.parse(readFileSync(join(world.siteDir, 'data/latest.json'), 'utf8')) as { version: string }
  return (JSON.parse(readFileSync(join(world.siteDir, 'data', version, 'r', `${code}.json`), 'utf8')) as { instances: { uid: string }[] }).instances.map((i) => i.uid)
}

describe('publishing that fails', () => {
  it('a full disk during publish answers 503, puts the approval back to waiting, and the next try publishes', async () => {
    const reviewer = await world.invite('reviewer', '130200', '唐山审核')
    const editor = await world.invite('editor', '130283', '迁安编辑', reviewer)
    const sub = await editor.post('/api/submissions', { fileId: 'disk-full', yaml: entryYaml() })
    const publisher = world.service.publisher
    const real = publisher.publish.bind(publisher)
    publisher.publish = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
    const failed = await reviewer.post(`/api/submissions/${sub.json.id}/approve`)
    publisher.publish = real
    expect(failed.status).toBe(503)
    expect(failed.json.error.zh).toMatch(/已撤回为待审核/)
    expect((await editor.get('/api/submissions')).json.submissions[0]).toMatchObject({ id: sub.json.id, state: 'pending' })
    expect((await reviewer.get('/api/published')).json.entries).toEqual([])

    const ok = await reviewer.post(`/api/submissions/${sub.json.id}/approve`)
    expect(ok.status, JSON.stringify(ok.json)).toBe(200)
    expect(uids('130283')).toContain('local.130283.disk-full@kepu-calendar')
  }, 120_000)

  it('a reviewer cannot approve their own submission', async () => {
    const reviewer = await world.invite('reviewer', '130200', '唐山审核2')
    const sub = await reviewer.post('/api/submissions', { fileId: 'own', yaml: entryYaml({ title: '自己提交' }) })
    expect(sub.status).toBe(201)
    const r = await reviewer.post(`/api/submissions/${sub.json.id}/approve`)
    expect(r.status).toBe(403)
    expect(r.json.error.zh).toMatch(/另一位审核人/)
  })
})
