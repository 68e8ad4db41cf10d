import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { DocumentKind } from '../src/domain/types'
import type { Db } from './db'
import { ApiError } from './http'
import type { Proposer } from './proposal'
import type { PublishOutcome } from './publish'
import type { Session, User } from './sessions'

/** A document as sent: a file (base64), or text pasted from a page. */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
const KINDS: DocumentKind[] = ['notice', 'plan', 'news', 'page']

export interface DocumentRoutesContext {
  db: Db
  proposer: Proposer
  session(req: FastifyRequest): Promise<Session>
  change(req: FastifyRequest): Promise<Session>
  /** Whether `code` is the user's region or below it (an admin answers for all). */
  inScope(user: User, code: string): boolean
  /** The regions a user answers for, for a query; null for an admin (all). */
  scopeOf(user: User): string[] | null
  regionName(code: string): string
  regionExists(code: string): boolean
  /** The item, if this person may decide on it now (a reviewer of its region, not its author, while it waits). */
  reviewable<T extends { region: string; author_id: number | null; state: string }>(s: Session, item: T): T
  audit(user: User | null, action: string, target: string, detail?: string): Promise<unknown>
  /** Publishes what is approved; on failure the caller's change is undone and reported. */
  publishApproved(undo: () => Promise<void>): Promise<PublishOutcome>
}

interface Sent {
  fileName: string
  bytes: Uint8Array
}

/**
 * Documents in through the service: a county editor hands in the notice they already wrote (.docx,
 * PDF, a saved page or pasted text), sees what the pipeline reads in it (region with its evidence,
 * year, 文号, each activity with its clause and dates), confirms or corrects it and submits; a
 * reviewer of that region approves, and the document joins the corpus the site is built from,
 * its confirmed facts as its sidecar (publish.ts).
 */
export function documentRoutes(app: FastifyInstance, ctx: DocumentRoutesContext) {
  const { db, proposer } = ctx
  // base64 is a third larger than the file; a little room for the JSON around it.
  const bodyLimit = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024

  app.post('/api/documents/preview', { bodyLimit }, async (req) => {
    const s = await ctx.change(req)
    const sent = readSent(req.body)
    const result = await proposer.propose(sent.fileName, sent.bytes)
    if ('unreadable' in result) throw unreadable(sent.fileName, result.unreadable)
    await ctx.audit(s.user, 'document-preview', sent.fileName)
    return { proposal: result.proposal, inScope: !!result.proposal.region && ctx.inScope(s.user, result.proposal.region.code) }
  })

  app.post('/api/documents', { bodyLimit }, async (req, reply) => {
    const s = await ctx.change(req)
    const body = (req.body ?? {}) as Record<string, unknown>
    const sent = readSent(body)
    const facts = readFacts(body, ctx)
    if (!ctx.inScope(s.user, facts.region))
      throw new ApiError(403, `你只能提交${ctx.regionName(s.user.region)}及下辖地区的文件，这里选的是${ctx.regionName(facts.region)}`, 'You may hand in documents for your own region only')
    const result = await proposer.propose(sent.fileName, sent.bytes, { region: facts.region, year: facts.year, ...(facts.docNumber ? { docNumber: facts.docNumber } : {}), ...(facts.kind ? { kind: facts.kind } : {}) })
    if ('unreadable' in result) throw unreadable(sent.fileName, result.unreadable)
    if (!result.proposal.activities.length)
      throw new ApiError(422, `《${sent.fileName}》里没有找到日历收录的活动（如全国科普月、科技活动周、科普大篷车），不能作为活动依据提交`, 'No catalogued activity found in the document')
    const digest = createHash('sha256').update(sent.bytes).digest('hex')
    const [twin] = await db.query<{ id: number; state: string }>(`select id, state from document_submissions where digest = $1 and state <> 'rejected'`, [digest])
    if (twin) throw new ApiError(409, twin.state === 'approved' ? '这份文件已经收录，不用再提交' : '这份文件已经提交过，正在等待审核', `The same file was handed in already (${twin.state})`)
    const [row] = await db.query<{ id: number }>(
      `insert into document_submissions (region, file_name, content_base64, digest, year, doc_number, kind, title, proposal, state, author_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10) returning id`,
      [facts.region, sent.fileName, Buffer.from(sent.bytes).toString('base64'), digest, facts.year, facts.docNumber, facts.kind, result.proposal.title.slice(0, 200), JSON.stringify(result.proposal), s.user.id],
    )
    await ctx.audit(s.user, 'document-submit', `${facts.region}/${row!.id}`, sent.fileName)
    return reply.code(201).send({ id: row!.id, state: 'pending' })
  })

  app.get('/api/documents', async (req) => {
    const s = await ctx.session(req)
    const editor = s.user.role === 'editor'
    const rows = await db.query<{ id: number; region: string; author_id: number | null; proposal: string } & Record<string, unknown>>(
      `select d.id, d.region, d.file_name, d.year, d.doc_number, d.kind, d.title, d.proposal, d.state, d.reason, d.created_at, d.decided_at, d.author_id, a.name as author
         from document_submissions d left join users a on a.id = d.author_id
        where ($1::int is null or d.author_id = $1::int) and ($2::text[] is null or d.region = any($2::text[]))
        order by d.id desc limit 200`,
      [editor ? s.user.id : null, editor ? null : ctx.scopeOf(s.user)],
    )
    return {
      documents: rows.map(({ proposal, ...r }) => ({ ...r, proposal: JSON.parse(proposal) as unknown, regionName: ctx.regionName(r.region), canReview: !editor && r.author_id !== s.user.id })),
    }
  })

  async function pendingFor(s: Session, id: string) {
    const [doc] = await db.query<{ id: number; region: string; state: string; author_id: number | null; file_name: string }>('select id, region, state, author_id, file_name from document_submissions where id = $1', [Number(id) || 0])
    if (!doc) throw new ApiError(404, '没有这份提交的文件', 'No such document submission')
    return ctx.reviewable(s, doc)
  }

  app.post('/api/documents/:id/reject', async (req) => {
    const s = await ctx.change(req)
    const doc = await pendingFor(s, (req.params as { id: string }).id)
    const reason = String((req.body as { reason?: unknown } | undefined)?.reason ?? '').trim()
    if (!reason || reason.length > 500) throw new ApiError(400, '请写明退回原因（500 字以内），提交人会看到它', 'A reason (up to 500 characters) is required')
    await db.query(`update document_submissions set state = 'rejected', reason = $1, reviewer_id = $2, decided_at = now() where id = $3`, [reason, s.user.id, doc.id])
    await ctx.audit(s.user, 'document-reject', `${doc.region}/${doc.id}`, reason)
    return { id: doc.id, state: 'rejected' }
  })

  app.post('/api/documents/:id/approve', async (req) => {
    const s = await ctx.change(req)
    const doc = await pendingFor(s, (req.params as { id: string }).id)
    await db.transaction(async (q) => {
      await q(`update document_submissions set state = 'approved', reviewer_id = $1, decided_at = now() where id = $2`, [s.user.id, doc.id])
      await q('update site_state set wanted = wanted + 1 where id = 1')
    })
    await ctx.audit(s.user, 'document-approve', `${doc.region}/${doc.id}`, doc.file_name)
    const result = await ctx.publishApproved(async () => {
      await db.query(`update document_submissions set state = 'pending', reviewer_id = null, decided_at = null where id = $1`, [doc.id])
    })
    return { id: doc.id, state: 'approved', version: result.version, publishMs: result.ms }
  })
}

function readSent(body: unknown): Sent {
  const { fileName, base64, text } = (body ?? {}) as { fileName?: unknown; base64?: unknown; text?: unknown }
  if (typeof text === 'string') {
    if (!text.trim()) throw new ApiError(400, '粘贴的文字是空的，请把通知全文粘贴进来', 'The pasted text is empty')
    const bytes = new TextEncoder().encode(text)
    if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge()
    return { fileName: '粘贴的文字.txt', bytes }
  }
  if (typeof fileName !== 'string' || typeof base64 !== 'string') throw new ApiError(400, '请选择一个文件，或粘贴通知的文字', 'fileName and base64, or text, are required')
  const name = safeFileName(fileName)
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new ApiError(400, `《${name}》没有完整上传，请重新选择文件`, 'The file is not valid base64')
  const bytes = Buffer.from(base64, 'base64')
  if (!bytes.length) throw new ApiError(400, `《${name}》是空文件，请检查是否选错了文件`, 'The file is empty')
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge()
  return { fileName: name, bytes }
}

/** The name as the person sees it, without folders or characters that could forge a path or a line. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = base.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '').trim().slice(-120)
  if (!clean || clean.startsWith('.')) throw new ApiError(400, '文件名不对，请重新选择文件', 'Bad file name')
  return clean
}

function readFacts(body: Record<string, unknown>, ctx: DocumentRoutesContext) {
  const { region, year, docNumber, kind } = body
  if (typeof region !== 'string' || !ctx.regionExists(region)) throw new ApiError(400, '请选择这份文件所属的地区', 'region: a region code is required', { problems: [{ field: 'region', message: '请选择这份文件所属的地区' }] })
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100)
    throw new ApiError(400, '请填写活动所在的年份，如 2026', 'year: a year such as 2026', { problems: [{ field: 'year', message: '请填写活动所在的年份，如 2026' }] })
  let number: string | null = null
  if (docNumber !== undefined && docNumber !== null && docNumber !== '') {
    if (typeof docNumber !== 'string' || docNumber.length > 60 || /[\p{Cc}\p{Cf}\u2028\u2029]/u.test(docNumber))
      throw new ApiError(400, '文号应为一行文字（60 字以内），如 桐科协〔2026〕3号', 'docNumber: one line of text', { problems: [{ field: 'docNumber', message: '文号应为一行文字（60 字以内）' }] })
    number = docNumber.trim()
  }
  if (kind !== undefined && kind !== null && !KINDS.includes(kind as DocumentKind)) throw new ApiError(400, '文件类型只能是通知、方案、报道或网页', 'kind: notice, plan, news or page')
  return { region, year, docNumber: number, kind: (kind as DocumentKind | undefined) ?? null }
}

const tooLarge = () => new ApiError(413, `文件超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB；一份通知用不了这么大，请去掉图片后另存，或粘贴文字`, 'The document is larger than 8 MB')
const unreadable = (name: string, why: string) => new ApiError(422, `读不了《${name}》：${why}`, `Cannot read ${name}: ${why}`, { problems: [{ field: 'file', message: why }] })
