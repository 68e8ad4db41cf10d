// The reference for the organiser service's load bench (scripts/bench/service.ts): the least a
// service that keeps submissions must do. Fastify on node:http and PGlite in a folder, as npm start
// runs them, and POST /api/submissions stores its body with one insert. No session, no CSRF, no
// validation: what the real service adds on top is what the bench's ratio measures.
//   PORT, SERVICE_DATA (PGlite's folder) — started by benchService in a process of its own.
// It uses PGlite and Fastify as the packages are, not the service's code: the bench drives the
// service only through its HTTP interface.
import { PGlite } from '@electric-sql/pglite'
import Fastify from 'fastify'

const db = new PGlite(process.env.SERVICE_DATA)
await db.waitReady
await db.query('create table if not exists bare_submissions (id serial primary key, body text not null)')
const app = Fastify({ bodyLimit: 256 * 1024, logger: false })
app.post('/api/submissions', async (req, reply) => {
  const [row] = (await db.query<{ id: number }>('insert into bare_submissions (body) values ($1) returning id', [JSON.stringify(req.body)])).rows
  return reply.code(201).send({ id: row!.id, state: 'pending' })
})
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
console.log(`bare service is served at http://127.0.0.1:${process.env.PORT}/`)
process.once('SIGTERM', () => void app.close().then(() => db.close()).then(() => process.exit(0)))
