import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { startService } from '../../server/service'
import { Client } from './client'
import { root, useService } from './setup'

// Every password check, recorded: what the stored side was (a real hash, or the decoy).
const checked = vi.hoisted(() => [] as string[])
vi.mock('../../server/auth', async (original) => {
  const real = await original<typeof import('../../server/auth')>()
  return { ...real, verifyPassword: (password: string, stored: string) => (checked.push(stored.split('$')[0]!), real.verifyPassword(password, stored)) }
})

// Sessions and accounts: what a 科协 admin expects, and what a proxy or a stopwatch must not learn.
const world = useService('sessions')

describe('sessions and sign-in', () => {
  it('no answer of the API is stored by a browser or a proxy (the session carries the CSRF token)', async () => {
    const r = await world.service.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: world.admin.cookie } })
    expect(r.statusCode).toBe(200)
    expect(r.headers['cache-control']).toBe('no-store')
    expect((await world.service.app.inject({ method: 'GET', url: '/api/nothing' })).headers['cache-control']).toBe('no-store')
  })

  it('signs out everywhere: every session of the person ends, not another person’s', async () => {
    const phone = await world.invite('editor', '130283', '两台设备')
    const laptop = new Client(world.service.app)
    expect((await laptop.post('/api/login', { name: '两台设备', password: 'correct horse battery' })).status).toBe(200)
    const other = await world.invite('editor', '130283', '旁人')
    expect((await phone.post('/api/logout-everywhere')).status).toBe(200)
    expect((await laptop.get('/api/session')).status).toBe(401)
    expect((await phone.get('/api/session')).status).toBe(401)
    expect((await other.get('/api/session')).status).toBe(200)
  })

  it('names are one account however they are capitalised', async () => {
    await world.invite('editor', '130283', 'Editor1')
    const inv = await world.admin.post('/api/invitations', { role: 'editor', region: '130283' })
    const again = await new Client(world.service.app).post('/api/signup', { token: inv.json.token, name: 'EDITOR1', password: 'correct horse battery' })
    expect(again.status).toBe(409)
    expect((await new Client(world.service.app).post('/api/login', { name: 'editor1', password: 'correct horse battery' })).status).toBe(200)
  })

  it('an unknown name is checked against a password hash too (no faster answer to tell names apart)', async () => {
    checked.length = 0
    const r = await new Client(world.service.app).post('/api/login', { name: 'nobody-at-all', password: 'whatever password' })
    expect(r.status).toBe(401)
    expect(r.json.error.zh).toBe('用户名或密码不对')
    expect(checked).toEqual(['scrypt'])
  })
})

describe('behind a TLS proxy', () => {
  it('marks the session cookie Secure when the trusted proxy says https, and not without TRUST_PROXY', async () => {
    for (const trustProxy of [true, false]) {
      const siteDir = join(root, '.tmp/service-tests/proxy')
      mkdirSync(siteDir, { recursive: true })
      const service = await startService({ siteDir, trustProxy })
      const token = new URL(service.firstInvitation!, 'http://x').searchParams.get('invite')
      const r = await service.app.inject({
        method: 'POST',
        url: '/api/signup',
        headers: { host: 'kepu.test', origin: 'https://kepu.test', 'x-forwarded-proto': 'https' },
        payload: { token, name: 'behind-proxy', password: 'correct horse battery' },
      })
      expect(r.statusCode).toBe(200)
      expect(String(r.headers['set-cookie']).includes('; Secure'), `trustProxy ${trustProxy}`).toBe(trustProxy)
      await service.close()
    }
  }, 60_000)
})
