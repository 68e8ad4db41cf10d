import type { Server } from 'node:http'
import { join } from 'node:path'
import { startServer } from '../../../scripts/serve'
import { buildSite, deploy, PORT, root, siteDir } from './site'

let server: Server | undefined

// One production build of the seeds, served the way `npm start` serves it.
export async function setup() {
  const dist = buildSite('a', join(root, 'tests/fixtures/seeds'))
  deploy(dist)
  server = await startServer(siteDir, PORT)
}

export async function teardown() {
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)))
}
