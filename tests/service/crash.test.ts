import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HttpSession, startServiceProcess } from '../../scripts/serviceProcess'
import { entryYaml } from './client'
import { freshPostgres, root } from './setup'

// The service is killed (SIGKILL) while it publishes: after a restart the site serves the old build
// or the new one, never a mix, and no approved entry is lost.
const work = join(root, '.tmp/service-tests/crash')
const site = join(work, 'site')
const PORT = 4394
const BASE = `http://127.0.0.1:${PORT}`
let child: ChildProcess | undefined

let databaseUrl: string | undefined

function start() {
  return startServiceProcess({ PORT: String(PORT), SITE_DIR: site, SERVICE_DATA: join(work, 'db'), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }).then((started) => {
    child = started.proc
    return started
  })
}

/** What the site serves: its pointer, and whether the folder it points at is whole. */
function served() {
  const pointer = JSON.parse(readFileSync(join(site, 'data/latest.json'), 'utf8')) as { version: string }
  const dir = join(site, 'data', pointer.version)
  const regions = (JSON.parse(readFileSync(join(dir, 'regions.json'), 'utf8')) as unknown[]).length
  const county = JSON.parse(readFileSync(join(dir, 'r/130283.json'), 'utf8')) as { instances: { uid: string }[] }
  // Every region's own file, and the sources of every region that has events of its own.
  const owning = new Set((JSON.parse(readFileSync(join(dir, 'instances.json'), 'utf8')) as { region: string }[]).map((i) => i.region)).size
  return { version: pointer.version, whole: readdirSync(join(dir, 'r')).length === regions && readdirSync(join(dir, 's')).length === owning, uids: county.instances.map((i) => i.uid), feed: readFileSync(join(site, 'feeds/130283.ics'), 'utf8') }
}

afterAll(() => child?.kill('SIGKILL'))

describe('a publish cut off by a crash', () => {
  it('leaves the old site whole, and the restarted service publishes the approved entry', async () => {
    rmSync(work, { recursive: true, force: true })
    mkdirSync(site, { recursive: true })
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>科普日历</title>')
    databaseUrl = await freshPostgres('crash')
    const first = await start()
    const http = new HttpSession(BASE)
    const admin = (path: string, body?: unknown) => http.call(path, body)
    expect((await admin('/api/signup', { token: first.invitation, name: 'admin', password: 'correct horse battery' })).status).toBe(200)
    // The county's editor writes, the admin publishes (nobody approves their own submission).
    const invitation = await admin('/api/invitations', { role: 'editor', region: '130283' })
    const county = new HttpSession(BASE)
    expect((await county.call('/api/signup', { token: invitation.json.token, name: 'editor', password: 'correct horse battery' })).status).toBe(200)
    const editor = (path: string, body?: unknown) => county.call(path, body)
    const a = await editor('/api/submissions', { fileId: 'entry-a', yaml: entryYaml({ title: '甲活动' }) })
    expect((await admin(`/api/submissions/${a.json.id}/approve`, {})).status).toBe(200)
    const before = served()
    expect(before.whole).toBe(true)
    expect(before.uids).toContain('local.130283.entry-a@kepu-calendar')

    const b = await editor('/api/submissions', { fileId: 'entry-b', yaml: entryYaml({ title: '乙活动', start: '2026-09-19', end: '2026-09-19' }) })
    void admin(`/api/submissions/${b.json.id}/approve`, {}).catch(() => undefined)
    // Killed while the new dataset is being written.
    const staging = join(site, 'data/.staging')
    for (let i = 0; i < 2000 && !existsSync(staging); i++) await new Promise((ok) => setTimeout(ok, 5))
    expect(existsSync(staging)).toBe(true)
    first.proc.kill('SIGKILL')
    await new Promise((ok) => first.proc.once('exit', ok))
    const cut = served()
    expect(cut).toMatchObject({ version: before.version, whole: true })
    expect(cut.uids).not.toContain('local.130283.entry-b@kepu-calendar')
    expect(cut.feed).toBe(before.feed)

    // Restarted: the approval was committed, so the service publishes it before serving.
    const second = await start()
    expect(second.invitation).toBeNull()
    const after = served()
    expect(after.whole).toBe(true)
    expect(after.uids).toEqual(expect.arrayContaining(['local.130283.entry-a@kepu-calendar', 'local.130283.entry-b@kepu-calendar']))
    expect(after.feed).toContain('乙活动')
    second.proc.kill('SIGTERM')
  }, 180_000)
})
