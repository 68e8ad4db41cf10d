import { createServer } from 'node:http'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { readPointer } from '../scripts/pipeline/output'
import { staticHandler } from '../scripts/serve'
import { loadSettings } from '../scripts/settings'
import { chinaToday } from '../src/domain/dates'
import { buildApp } from './app'
import { newToken } from './auth'
import { openDb, type Db } from './db'
import { Proposer } from './proposal'
import { Publisher } from './publish'
import { loadCatalogue } from './validate'

export interface ServiceOptions {
  /** The built site (dist/), served and published into. */
  siteDir: string
  /** PGlite's folder; ignored when databaseUrl is set. Omitted: in memory (tests). */
  dataDir?: string
  databaseUrl?: string
  root?: string
  sessionHours?: number
  addressLimit?: number
  trustProxy?: boolean | string
}

export interface Service {
  app: FastifyInstance
  db: Db
  publisher: Publisher
  /** The first admin's invitation path when the database has no account yet. */
  firstInvitation: string | null
  close(): Promise<void>
}

/** The site and the organiser API on one port: /api/… to the service, everything else static. */
export async function startService(opts: ServiceOptions): Promise<Service> {
  const root = resolve(opts.root ?? join(import.meta.dirname, '..'))
  const siteDir = resolve(opts.siteDir)
  const settings = loadSettings(join(root, 'seeds/settings.json'))
  const catalogue = loadCatalogue(root)
  const db = await openDb({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl })
  const publisher = new Publisher(db, {
    dir: siteDir,
    documentsDir: join(root, 'seeds/documents'),
    catalogFile: join(root, 'seeds/catalog.yaml'),
    filesDir: join(root, 'seeds/local'),
    settings,
    workDir: join(root, '.tmp/service'),
  })
  const statics = staticHandler(siteDir)
  const app = await buildApp({
    db,
    publisher,
    catalogue,
    proposer: new Proposer(catalogue),
    dataDate: () => publishedDataDate(siteDir),
    sessionHours: opts.sessionHours,
    addressLimit: opts.addressLimit,
    trustProxy: opts.trustProxy,
    serverFactory: (handler) => createServer((req, res) => ((req.url ?? '').startsWith('/api/') ? handler(req, res) : statics(req, res))),
  })
  await app.ready()
  // A publish the last run did not finish (killed mid-build) is done now, before anyone reads.
  const caught = await publisher.catchUp()
  if (caught && !caught.ok) console.error(`publish after restart failed:\n${caught.problems.join('\n')}`)
  await forgetOld(db)
  const sweep = setInterval(() => void forgetOld(db).catch(() => undefined), 3600_000).unref()
  return {
    app,
    db,
    publisher,
    firstInvitation: await firstInvitation(db),
    close: async () => {
      clearInterval(sweep)
      await app.close()
      await db.close()
    },
  }
}

/** Ended sessions and request ids older than any session (replays of those are refused as signed out). */
async function forgetOld(db: Db) {
  await db.query(`delete from sessions where expires_at < now() - interval '1 day'`)
  await db.query(`delete from request_ids where at < now() - interval '2 days'`)
}

/** A fresh database has no account: the first admin signs up from a link printed at start. */
async function firstInvitation(db: Db): Promise<string | null> {
  const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from users')) as [{ n: number }]
  if (n > 0) return null
  const { token, hash } = newToken()
  await db.query(`insert into invitations (token_hash, role, region, expires_at) values ($1, 'admin', '000000', now() + interval '1 day')`, [hash])
  await db.query(`insert into audit (action, target) values ('invite', 'admin:000000 (first account)')`)
  return `/organizer/account?invite=${token}`
}

/** The data date of what the site shows (today, before anything was published). */
function publishedDataDate(siteDir: string): string {
  return readPointer(join(siteDir, 'data'))?.dataDate ?? chinaToday(Date.now())
}
