import type { FastifyReply } from 'fastify'

/** Every refusal says what happened in Chinese and in English, and what to do. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(en)
  }
}

export function sendError(reply: FastifyReply, e: ApiError) {
  return reply.code(e.status).send({ error: { zh: e.zh, en: e.en }, ...e.extra })
}

/** Counts per key in a fixed window: enough for one process guarding login and submission. */
export class RateLimit {
  private readonly hits = new Map<string, { count: number; resetAt: number }>()

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Throws 429 when `key` has used up its window. */
  take(key: string, now = Date.now()) {
    let h = this.hits.get(key)
    if (!h || h.resetAt <= now) {
      if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k)
      h = { count: 0, resetAt: now + this.windowMs }
      this.hits.set(key, h)
    }
    if (++h.count > this.max) {
      const wait = Math.ceil((h.resetAt - now) / 1000)
      throw new ApiError(429, `尝试太频繁，请 ${wait} 秒后再试`, `Too many requests: try again in ${wait} s`, { retryAfter: wait })
    }
  }
}
