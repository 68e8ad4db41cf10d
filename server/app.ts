import cookie from '@fastify/cookie'
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify'
import { entryToYaml } from '../src/domain/local/yaml'
import { isRole, type Role } from '../src/domain/roles'
import { hashPassword, newToken, passwordProblem, tokenHash, verifyPassword } from './auth'
import type { Db } from './db'
import { ApiError, RateLimit, sendError } from './http'
import { documentRoutes } from './documents'
import type { Proposer } from './proposal'
import type { PublishOutcome, Publisher } from './publish'
import { COOKIE, sameSite, sessions, type Session, type User } from './sessions'
import { checkSubmission, type Catalogue } from './validate'

const INVITE_DAYS = 14

/** A hash of a password nobody has, made once: what an unknown name is checked against. */
let decoy: Promise<string> | null = null
const decoyHash = () => (decoy ??= hashPassword(newToken().token))

export interface AppOptions {
  db: Db
  publisher: Publisher
  catalogue: Catalogue
  /** Reads handed-in documents as the build does (server/proposal.ts). */
  proposer: Proposer
  /** The data date the build uses, for the entry rules ("ended long ago"). */
  dataDate: () => string
  sessionHours?: number
  /** Sign-ins and sign-ups per address and minute (default 60; the bench's 100 editors share one). */
  addressLimit?: number
  /** The reverse proxies to trust (their X-Forwarded-* headers): true, or their addresses. */
  trustProxy?: boolean | string
  /** The fastify server factory (main.ts passes one that serves the static site beside /api). */
  serverFactory?: FastifyServerFactory
}

/**
 * The organiser service's API (/api/…): accounts by invitation, sessions in httpOnly SameSite
 * cookies, CSRF tokens and replay ids on every change, rate limits, an audit log, and the
 * submit → review → publish flow. The public site stays static; this only writes into it.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { db, catalogue } = opts
  // Behind a TLS proxy (TRUST_PROXY), the proxy's X-Forwarded-Proto says the request was https, so
  // the session cookie gets Secure.
  const app = Fastify({ bodyLimit: 256 * 1024, logger: false, trustProxy: opts.trustProxy ?? false, ...(opts.serverFactory ? { serverFactory: opts.serverFactory } : {}) })
  await app.register(cookie)
  // Guessing one account's password is slow; a school or office behind one address still signs in.
  const loginLimit = new RateLimit(10, 60_000)
  const addressLimit = new RateLimit(opts.addressLimit ?? 60, 60_000)
  const submitLimit = new RateLimit(30, 60_000)
  const sessionMs = (opts.sessionHours ?? 12) * 3600_000

  app.setErrorHandler((e: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (e instanceof ApiError) return sendError(reply, e)
    if (e.statusCode === 413) return sendError(reply, new ApiError(413, '提交的内容太大（上限 256 KB），一项活动用不了这么多', 'Payload too large (limit 256 KB)'))
    if (e.statusCode && e.statusCode < 500) return sendError(reply, new ApiError(e.statusCode, '请求格式有误，请用组织者页面提交', `Bad request: ${e.message}`))
    console.error('api:', e)
    return sendError(reply, new ApiError(500, '服务器内部错误，请稍后再试', 'Internal error'))
  })
  // Answers carry the CSRF token and people's data: never kept by a browser or a proxy.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('Cache-Control', 'no-store')
  })
  app.setNotFoundHandler((_req, reply) => sendError(reply, new ApiError(404, '没有这个接口', 'No such API endpoint')))

  const audit = (user: User | null, action: string, target: string, detail = '') =>
    db.query('insert into audit (user_id, action, target, detail) values ($1, $2, $3, $4)', [user?.id ?? null, action, target, detail])

  const within = (code: string, ancestor: string) => catalogue.regions.path(code).some((r) => r.code === ancestor)
  const regionName = (code: string) => catalogue.regions.path(code).map((r) => r.name).join(' ')
  const { session, change, start: startSession } = sessions(db, sessionMs, regionName)
  /** The regions a user answers for: theirs and every one below it; null for an admin (all). */
  const scopeOf = (user: User) => (user.role === 'admin' ? null : [user.region, ...catalogue.regions.descendants(user.region).map((r) => r.code)])
  const inScope = (user: User, code: string) => user.role === 'admin' || within(code, user.region)

  /**
   * Publishes what is approved. When the build refuses it, or publishing fails (a full disk, a
   * crash of the build), `undo` puts the approval back to waiting: what the database calls
   * published is always what the site shows, and the reviewer can try again.
   */
  async function publishApproved(undo: () => Promise<void>): Promise<PublishOutcome> {
    let result
    try {
      result = await opts.publisher.publish()
    } catch (e) {
      console.error('publish:', e)
      await undo()
      throw new ApiError(503, '发布没有完成（服务器写入失败），已撤回为待审核；请稍后再点“通过并发布”', 'Publishing failed; the approval was undone, try again later')
    }
    if (!result.ok) {
      await undo()
      throw new ApiError(422, '构建没有通过，未发布；请按提示处理', 'The build refused it: nothing was published', { problems: result.problems.map((message) => ({ message })) })
    }
    return { version: result.version, ms: result.ms }
  }

  app.get('/api/health', async () => ({ ok: true, db: db.kind }))

  app.get('/api/session', async (req) => {
    const s = await session(req)
    return { user: { ...s.user, regionName: regionName(s.user.region) }, csrf: s.csrf }
  })

  app.post('/api/login', async (req, reply) => {
    sameSite(req)
    addressLimit.take(`login:${req.ip}`)
    const { name, password } = (req.body ?? {}) as { name?: unknown; password?: unknown }
    if (typeof name !== 'string' || typeof password !== 'string') throw new ApiError(400, '请填写用户名和密码', 'name and password are required')
    loginLimit.take(`name:${name}`)
    const [u] = await db.query<User & { password_hash: string }>('select id, name, role, region, password_hash from users where lower(name) = lower($1)', [name])
    // An unknown name costs the same hash as a known one: the time of the answer says nothing.
    const matches = await verifyPassword(password, u?.password_hash ?? (await decoyHash()))
    if (!u || !matches) {
      await audit(u ?? null, 'login-failed', name)
      throw new ApiError(401, '用户名或密码不对', 'Wrong name or password')
    }
    await audit(u, 'login', name)
    return startSession(reply, { id: u.id, name: u.name, role: u.role, region: u.region }, req.protocol === 'https')
  })

  // Signs out every device of the person (a lost phone, a shared computer).
  app.post('/api/logout-everywhere', async (req, reply) => {
    const s = await change(req)
    const gone = await db.query('delete from sessions where user_id = $1 returning 1', [s.user.id])
    await audit(s.user, 'logout-everywhere', s.user.name, `${gone.length} sessions`)
    reply.clearCookie(COOKIE, { path: '/api' })
    return { ok: true, sessions: gone.length }
  })

  app.post('/api/logout', async (req, reply) => {
    const s = await change(req)
    await db.query('delete from sessions where token_hash = $1', [s.tokenHash])
    await audit(s.user, 'logout', s.user.name)
    reply.clearCookie(COOKIE, { path: '/api' })
    return { ok: true }
  })

  app.post('/api/signup', async (req, reply) => {
    sameSite(req)
    addressLimit.take(`signup:${req.ip}`)
    const { token, name, password } = (req.body ?? {}) as { token?: unknown; name?: unknown; password?: unknown }
    if (typeof token !== 'string') throw new ApiError(400, '缺少邀请码，请用邀请链接打开', 'Invitation token missing')
    if (typeof name !== 'string' || !/^[\p{L}\p{N}_.-]{2,32}$/u.test(name)) throw new ApiError(400, '用户名 2—32 个字，只用汉字、字母、数字和 _ . -', 'Name: 2–32 letters, digits, _ . -')
    const weak = passwordProblem(password)
    if (weak) throw new ApiError(400, weak.split(' (')[0]!, weak)
    const hash = await hashPassword(password as string)
    const user = await db.transaction(async (q) => {
      // Taken in the same statement that checks it: two sign-ups with one link cannot both pass.
      const [inv] = await q<{ role: Role; region: string }>(
        `update invitations set used_at = now() where token_hash = $1 and used_at is null and expires_at > now() returning role, region`,
        [tokenHash(token)],
      )
      if (!inv) {
        const [known] = await q<{ used: boolean }>('select used_at is not null as used from invitations where token_hash = $1', [tokenHash(token)])
        throw known?.used
          ? new ApiError(410, '这个邀请链接已经用过了，请向邀请人要一个新的', 'This invitation was already used')
          : new ApiError(410, '邀请链接无效或已过期，请向邀请人要一个新的', 'Invitation unknown or expired')
      }
      // ADMIN1 and admin1 are one name to the people reading an audit log.
      const taken = await q('select 1 from users where lower(name) = lower($1)', [name])
      if (taken.length) throw new ApiError(409, '这个用户名已被使用，请换一个', 'Name already taken')
      const [u] = await q<{ id: number }>('insert into users (name, password_hash, role, region) values ($1, $2, $3, $4) returning id', [name, hash, inv.role, inv.region])
      await q('update invitations set used_by = $1 where token_hash = $2', [u!.id, tokenHash(token)])
      return { id: u!.id, name, role: inv.role, region: inv.region }
    })
    await audit(user, 'signup', `${user.role}:${user.region}`)
    return startSession(reply, user, req.protocol === 'https')
  })

  app.post('/api/invitations', async (req) => {
    const s = await change(req)
    const { role, region } = (req.body ?? {}) as { role?: unknown; region?: unknown }
    if (!isRole(role)) throw new ApiError(400, '角色应为 editor、reviewer 或 admin', 'role must be editor, reviewer or admin')
    if (typeof region !== 'string' || !catalogue.regions.byCode.has(region)) throw new ApiError(400, '没有这个地区代码', 'Unknown region code')
    if (s.user.role === 'editor') throw new ApiError(403, '编辑不能邀请他人，请联系审核人', 'Editors cannot invite')
    if (s.user.role === 'reviewer' && (role === 'admin' || !within(region, s.user.region)))
      throw new ApiError(403, '只能邀请本辖区的编辑和审核人', 'Reviewers invite editors and reviewers inside their own region only')
    const { token, hash } = newToken()
    await db.query(`insert into invitations (token_hash, role, region, created_by, expires_at) values ($1, $2, $3, $4, now() + interval '${INVITE_DAYS} days')`, [hash, role, region, s.user.id])
    await audit(s.user, 'invite', `${role}:${region}`)
    return { token, path: `/organizer/account?invite=${token}`, role, region, regionName: regionName(region), expiresInDays: INVITE_DAYS }
  })

  app.post('/api/submissions', async (req, reply) => {
    const s = await change(req)
    submitLimit.take(`user:${s.user.id}`)
    const { fileId, yaml } = (req.body ?? {}) as { fileId?: unknown; yaml?: unknown }
    const { entry, problems } = checkSubmission(fileId, yaml, catalogue, opts.dataDate())
    if (!entry) throw new ApiError(422, '活动内容有错误，请按提示修改', 'The entry has errors', { problems })
    // Every role, a reviewer's too: nobody submits for, or supersedes a submission of, a region they do not answer for.
    if (!inScope(s.user, entry.region))
      throw new ApiError(403, `你只能提交${regionName(s.user.region)}及下辖地区的活动，这里写的是 ${entry.region}`, `You may submit for your own region only (${s.user.region})`)
    const id = fileId as string
    // One statement (submit_entry, server/migrations/002_submission_paths.sql), so one round trip
    // and atomic: refused if that revision is already published; else a newer submission of the
    // same entry replaces the one still waiting, with its audit line.
    const [row] = await db.query<{ submission_id: number | null; published_revision: number | null }>('select * from submit_entry($1, $2, $3, $4, $5, $6)', [
      entry.region,
      id,
      entryToYaml(entry),
      entry.revision,
      entry.title ?? '',
      s.user.id,
    ])
    const { submission_id: submissionId, published_revision: pub } = row!
    if (submissionId === null)
      throw new ApiError(409, `这项活动已发布第 ${pub} 版；修改后请把 revision 改为 ${pub! + 1}`, `Already published at revision ${pub}: raise revision`, {
        problems: [{ field: 'revision', message: `修改了已发布的活动，请把 revision 加 1（改为 ${pub! + 1}）` }],
      })
    return reply.code(201).send({ id: submissionId, state: 'pending' })
  })

  app.get('/api/submissions', async (req) => {
    const s = await session(req)
    // Filtered in the query, so the 500 newest are the user's own: editors see theirs, reviewers their regions'.
    const editor = s.user.role === 'editor'
    const rows = await db.query<Record<string, unknown> & { region: string }>(
      `select s.id, s.region, s.entry_id, s.yaml, s.revision, s.title, s.state, s.reason, s.created_at, s.decided_at, s.author_id, a.name as author,
              p.yaml as published_yaml, p.revision as published_revision
         from submissions s left join users a on a.id = s.author_id
         left join published p on p.region = s.region and p.entry_id = s.entry_id
        where s.state <> 'superseded' and ($1::text[] is null or s.region = any($1::text[])) and ($2::int is null or s.author_id = $2::int)
        order by s.id desc limit 500`,
      [editor ? null : scopeOf(s.user), editor ? s.user.id : null],
    )
    return { submissions: rows.map((r) => ({ ...r, regionName: regionName(r.region), canReview: !editor })) }
  })

  app.get('/api/published', async (req) => {
    const s = await session(req)
    const entries = await db.query<{ region: string; entry_id: string; yaml: string; revision: number }>(
      'select region, entry_id, yaml, revision from published where $1::text[] is null or region = any($1::text[]) order by region, entry_id',
      [scopeOf(s.user)],
    )
    return { entries }
  })

  /** A reviewer's decision on a pending submission inside their region. */
  async function pendingFor(s: Session, id: string) {
    if (s.user.role === 'editor') throw new ApiError(403, '只有审核人可以审核', 'Only reviewers review')
    const [sub] = await db.query<{ id: number; region: string; entry_id: string; yaml: string; revision: number; state: string; author_id: number | null }>(
      'select id, region, entry_id, yaml, revision, state, author_id from submissions where id = $1',
      [Number(id) || 0],
    )
    if (!sub) throw new ApiError(404, '没有这条提交', 'No such submission')
    return reviewable(s, sub, { item: '这条提交', own: '活动', en: 'submission' })
  }

  /**
   * Whether this person may decide on a waiting item (an entry or a handed-in document): a
   * reviewer of its region, not its author (four eyes), and only while it waits.
   */
  function reviewable<T extends { region: string; author_id: number | null; state: string }>(s: Session, item: T, words: { item: string; own: string; en: string }): T {
    if (s.user.role === 'editor') throw new ApiError(403, '只有审核人可以审核', 'Only reviewers review')
    if (!inScope(s.user, item.region)) throw new ApiError(403, `${words.item}属于${regionName(item.region)}，不在你的审核范围`, `This ${words.en} is outside your region`)
    if (item.author_id === s.user.id) throw new ApiError(403, `不能审核自己提交的${words.own}，请由另一位审核人处理`, 'Another reviewer must approve your own submission')
    if (item.state !== 'pending') throw new ApiError(409, `${words.item}已经处理过了`, `Already ${item.state}`)
    return item
  }

  app.post('/api/submissions/:id/reject', async (req) => {
    const s = await change(req)
    const sub = await pendingFor(s, (req.params as { id: string }).id)
    const reason = String((req.body as { reason?: unknown } | undefined)?.reason ?? '').trim()
    if (!reason || reason.length > 500) throw new ApiError(400, '请写明退回原因（500 字以内），编辑会看到它', 'A reason (up to 500 characters) is required')
    await db.query(`update submissions set state = 'rejected', reason = $1, reviewer_id = $2, decided_at = now() where id = $3`, [reason, s.user.id, sub.id])
    await audit(s.user, 'reject', `${sub.region}/${sub.entry_id}`, reason)
    return { id: sub.id, state: 'rejected' }
  })

  app.post('/api/submissions/:id/approve', async (req) => {
    const s = await change(req)
    const sub = await pendingFor(s, (req.params as { id: string }).id)
    const again = checkSubmission(sub.entry_id, sub.yaml, catalogue, opts.dataDate())
    if (!again.entry) throw new ApiError(422, '活动内容有错误，不能发布', 'The entry has errors', { problems: again.problems })
    const [before] = await db.query<{ yaml: string; revision: number; submission_id: number }>('select yaml, revision, submission_id from published where region = $1 and entry_id = $2', [sub.region, sub.entry_id])
    await db.transaction(async (q) => {
      await q(`update submissions set state = 'approved', reviewer_id = $1, decided_at = now() where id = $2`, [s.user.id, sub.id])
      await q(
        `insert into published (region, entry_id, yaml, revision, submission_id) values ($1, $2, $3, $4, $5)
         on conflict (region, entry_id) do update set yaml = excluded.yaml, revision = excluded.revision, submission_id = excluded.submission_id, published_at = now()`,
        [sub.region, sub.entry_id, sub.yaml, sub.revision, sub.id],
      )
      await q('update site_state set wanted = wanted + 1 where id = 1')
    })
    await audit(s.user, 'approve', `${sub.region}/${sub.entry_id}`, `revision ${sub.revision}`)
    // Not published after all: the site is unchanged, and so is what is called published.
    const result = await publishApproved(() =>
      db.transaction(async (q) => {
        if (before) await q('update published set yaml = $1, revision = $2, submission_id = $3 where region = $4 and entry_id = $5', [before.yaml, before.revision, before.submission_id, sub.region, sub.entry_id])
        else await q('delete from published where region = $1 and entry_id = $2', [sub.region, sub.entry_id])
        await q(`update submissions set state = 'pending', reviewer_id = null, decided_at = null where id = $1`, [sub.id])
      }),
    )
    return { id: sub.id, state: 'approved', version: result.version, publishMs: result.ms }
  })

  documentRoutes(app, {
    db,
    proposer: opts.proposer,
    session,
    change,
    inScope,
    scopeOf,
    regionName,
    regionExists: (code) => catalogue.regions.byCode.has(code),
    reviewable: (s, doc) => reviewable(s, doc, { item: '这份文件', own: '文件', en: 'document' }),
    audit,
    publishApproved,
  })

  return app
}
