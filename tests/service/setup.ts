import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { startService, type Service } from '../../server/service'
import { Client } from './client'

export const root = join(import.meta.dirname, '../..')

export interface World {
  service: Service
  siteDir: string
  admin: Client
  /** Signs up a new account from an invitation the admin (or `by`) makes. */
  invite(role: 'editor' | 'reviewer' | 'admin', region: string, name: string, by?: Client): Promise<Client>
}

/**
 * A database of the test file's own on the PostgreSQL server KEPU_TEST_DATABASE_URL names (CI sets
 * it, see .ci/run), created afresh; without it, undefined: in-memory PGlite.
 */
export async function freshPostgres(name: string): Promise<string | undefined> {
  const admin = process.env.KEPU_TEST_DATABASE_URL
  if (!admin) return undefined
  const { default: pg } = await import('pg')
  const db = `kepu_test_${name.replace(/\W/g, '_')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`drop database if exists ${db}`)
  await client.query(`create database ${db}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${db}`
  return url.toString()
}

/**
 * One service per test file: in-memory PGlite (or a fresh PostgreSQL database, see above), a site
 * folder of its own (published into as the real one is), the first admin signed up from the
 * start-up invitation.
 */
export function useService(name: string): World {
  const world = {} as World
  beforeAll(async () => {
    world.siteDir = join(root, '.tmp/service-tests', name)
    rmSync(world.siteDir, { recursive: true, force: true })
    mkdirSync(world.siteDir, { recursive: true })
    world.service = await startService({ siteDir: world.siteDir, databaseUrl: await freshPostgres(name) })
    const token = new URL(world.service.firstInvitation!, 'http://x').searchParams.get('invite')
    world.admin = new Client(world.service.app)
    const r = await world.admin.post('/api/signup', { token, name: 'admin', password: 'correct horse battery' })
    if (r.status !== 200) throw new Error(`admin signup: ${JSON.stringify(r.json)}`)
    world.invite = async (role, region, userName, by = world.admin) => {
      const inv = await by.post('/api/invitations', { role, region })
      if (inv.status !== 200) throw new Error(`invite: ${JSON.stringify(inv.json)}`)
      const c = new Client(world.service.app)
      const s = await c.post('/api/signup', { token: inv.json.token, name: userName, password: 'correct horse battery' })
      if (s.status !== 200) throw new Error(`signup: ${JSON.stringify(s.json)}`)
      return c
    }
  }, 120_000)
  afterAll(async () => world.service?.close())
  return world
}
