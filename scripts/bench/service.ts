// The organiser service under load, for npm run bench: many editors submitting at once, and the
// time from a reviewer's approval to the published site.
import { spawnSync } from 'node:child_process'
import { cpSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { HttpSession, startServiceProcess } from '../serviceProcess'
import { percentile } from './stats'

const entry = (i: number, round: number) =>
  [`activity: kepu-ri`, `region: "130283"`, `title: 第${round + 1}轮 第${i + 1}位编辑的活动`, `start: 2026-09-${String(10 + round).padStart(2, '0')}`, `end: 2026-09-${String(10 + round).padStart(2, '0')}`, `organiser: 迁安市科学技术协会`, `status: planned`, `revision: 1`].join('\n')

/**
 * `editors` accounts submit one entry each, all at once, `rounds` times: each round's p95 latency,
 * and how many submissions the service then holds (all of them: none may be lost). Each round is
 * run against the bare service too (bare-service.ts, its own process, the same bodies from the same
 * client), interleaved, so the budget is a ratio measured in the same run. Then `approvals`
 * approvals, each timed until the site is published (the response comes after the new dataset is in place).
 */
export async function benchService(site: string, work: string, opts: { editors: number; rounds: number; approvals: number; port: number; barePort: number }) {
  const siteDir = join(work, 'service-site')
  rmSync(siteDir, { recursive: true, force: true })
  cpSync(site, siteDir, { recursive: true })
  // The copy (a few thousand pages, ~100 MB) is flushed to disk before the clock starts: the
  // service's database writes must not queue behind the bench's own setup.
  spawnSync('sync')
  // The service as deployed (npm start: its own process, PGlite in a folder); the editors are this process.
  const db = join(work, 'service-db')
  const bareDb = join(work, 'bare-service-db')
  for (const dir of [db, bareDb]) rmSync(dir, { recursive: true, force: true })
  const { proc, invitation } = await startServiceProcess({ PORT: String(opts.port), SITE_DIR: siteDir, SERVICE_DATA: db, SIGNIN_LIMIT_PER_ADDRESS: '10000' })
  const bare = await startServiceProcess({ PORT: String(opts.barePort), SERVICE_DATA: bareDb }, 'scripts/bench/bare-service.ts').catch((e: unknown) => {
    proc.kill('SIGTERM')
    throw e
  })
  const base = `http://127.0.0.1:${opts.port}`
  try {
    const admin = new HttpSession(base)
    await admin.call('/api/signup', { token: invitation, name: 'admin', password: 'correct horse battery' })
    const editors: HttpSession[] = []
    for (let i = 0; i < opts.editors; i++) {
      const inv = await admin.call('/api/invitations', { role: 'editor', region: '130283' })
      const s = new HttpSession(base)
      const r = await s.call('/api/signup', { token: inv.json.token, name: `editor${i}`, password: 'correct horse battery' })
      if (r.status !== 200) throw new Error(`signup ${i}: ${JSON.stringify(r.json)}`)
      editors.push(s)
    }
    const bareClients = editors.map(() => new HttpSession(`http://127.0.0.1:${opts.barePort}`))
    const p95s: number[] = []
    const bareP95s: number[] = []
    let accepted = 0
    for (let round = 0; round < opts.rounds; round++) {
      const submit = (clients: HttpSession[]) =>
        allAtOnce(clients, async (s, i) => {
          const r = await s.call('/api/submissions', { fileId: `r${round}-e${i}`, yaml: entry(i, round) })
          return r.status === 201
        })
      // Which goes first alternates, so neither always meets a freshly idle machine.
      let real, reference
      if (round % 2) {
        reference = await submit(bareClients)
        real = await submit(editors)
      } else {
        real = await submit(editors)
        reference = await submit(bareClients)
      }
      if (reference.ok !== bareClients.length) throw new Error(`bare service refused ${bareClients.length - reference.ok} submissions`)
      accepted += real.ok
      p95s.push(real.p95)
      bareP95s.push(reference.p95)
    }
    const all = (await admin.call('/api/submissions')).json.submissions as { id: number; state: string }[]
    const stored = all.filter((s) => s.state === 'pending').length
    const pending = all.slice(0, opts.approvals)
    const approveMs: number[] = []
    for (const sub of pending) {
      const before = readFileSync(join(siteDir, 'data/latest.json'), 'utf8')
      const started = performance.now()
      const r = await admin.call(`/api/submissions/${sub.id}/approve`, {})
      approveMs.push(performance.now() - started)
      if (r.status !== 200 || readFileSync(join(siteDir, 'data/latest.json'), 'utf8') === before) throw new Error(`approve ${sub.id}: ${JSON.stringify(r.json)}`)
    }
    return { p95s, bareP95s, submitted: opts.editors * opts.rounds, accepted, stored, approveMs }
  } finally {
    proc.kill('SIGTERM')
    bare.proc.kill('SIGTERM')
  }
}

/** Every client sends at once: the p95 latency, and how many were accepted. */
async function allAtOnce(clients: HttpSession[], send: (s: HttpSession, i: number) => Promise<boolean>): Promise<{ p95: number; ok: number }> {
  let ok = 0
  const times = await Promise.all(
    clients.map(async (s, i) => {
      const started = performance.now()
      if (await send(s, i)) ok++
      return performance.now() - started
    }),
  )
  return { p95: percentile(times, 95), ok }
}
