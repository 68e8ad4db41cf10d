import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Role } from '../src/domain/roles'
import { newToken, tokenHash } from './auth'
import type { Db } from './db'
import { ApiError } from './http'

// Who is asking: the session cookie (httpOnly, SameSite=Strict, only on /api), and for every change
// the same-site check, the session's CSRF token and a one-time request id. The routes (app.ts) ask
// these functions and never read cookies or headers for identity themselves.

export interface User {
  id: number
  name: string
  role: Role
  region: string
}

export interface Session {
  user: User
  csrf: string
  tokenHash: string
}

export const COOKIE = 'kepu_session'
type SessionRow = User & { csrf: string; expired: boolean }

const unauthenticated = () => new ApiError(401, '请先登录', 'Sign in first')

function sessionOf(row: SessionRow | undefined, hash: string): Session {
  if (!row) throw unauthenticated()
  if (row.expired) throw new ApiError(401, '登录已过期，请重新登录；未提交的草稿仍在本机', 'Session expired: sign in again (drafts stay on this device)')
  return { user: { id: row.id, name: row.name, role: row.role, region: row.region }, csrf: row.csrf, tokenHash: hash }
}

/** Sessions over `db`, lasting `sessionMs`; `regionName` names a user's region in what sign-in returns. */
export function sessions(db: Db, sessionMs: number, regionName: (code: string) => string) {
  async function session(req: FastifyRequest): Promise<Session> {
    const token = req.cookies[COOKIE]
    if (!token) throw unauthenticated()
    const hash = tokenHash(token)
    const [row] = await db.query<SessionRow>('select * from session_of($1)', [hash])
    return sessionOf(row, hash)
  }

  /** A change from a signed-in person: same-site, with the session's CSRF token and a fresh request id. */
  async function change(req: FastifyRequest): Promise<Session> {
    sameSite(req)
    const token = req.cookies[COOKIE]
    if (!token) throw unauthenticated()
    const header = req.headers['x-request-id']
    const id = typeof header === 'string' && /^[\w-]{8,64}$/.test(header) ? header : null
    const csrf = req.headers['x-csrf-token']
    const hash = tokenHash(token)
    // One round trip: the session, and the request id taken only if it is one and the session and
    // token hold (take_request, server/migrations/002_submission_paths.sql).
    const [row] = await db.query<SessionRow & { fresh: boolean }>('select * from take_request($1, $2, $3)', [hash, id, typeof csrf === 'string' ? csrf : ''])
    const s = sessionOf(row, hash)
    if (csrf !== s.csrf) throw new ApiError(403, '页面已过期，请刷新后再试（CSRF 校验失败）', 'CSRF token missing or wrong: reload the page')
    if (!id) throw new ApiError(400, '请求缺少编号，请用组织者页面提交', 'X-Request-Id header missing')
    if (!row!.fresh) throw new ApiError(409, '这个请求已经处理过了（重复提交）', 'This request was already handled (replayed)')
    return s
  }

  async function start(reply: FastifyReply, user: User, secure: boolean) {
    const { token, hash } = newToken()
    const csrf = newToken().token
    await db.query(`insert into sessions (token_hash, user_id, csrf, expires_at) values ($1, $2, $3, now() + ($4 || ' milliseconds')::interval)`, [hash, user.id, csrf, String(sessionMs)])
    reply.setCookie(COOKIE, token, { path: '/api', httpOnly: true, sameSite: 'strict', secure, maxAge: sessionMs / 1000 })
    return { user: { ...user, regionName: regionName(user.region) }, csrf }
  }

  return { session, change, start }
}

/** Refuses a request another site's page sent (the browser says where it came from). */
export function sameSite(req: FastifyRequest) {
  const origin = req.headers.origin
  if (origin === undefined) {
    if (req.headers['sec-fetch-site'] === 'cross-site') throw crossSite()
    return
  }
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    throw crossSite()
  }
  if (host !== req.headers.host) throw crossSite()
}

const crossSite = () => new ApiError(403, '拒绝来自其他网站的请求', 'Cross-site request refused')
