import { randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions } from 'fastify'

/** A browser of the organiser pages, as the API sees it: a session cookie, the CSRF token, fresh request ids. */
export class Client {
  cookie = ''
  csrf = ''
  constructor(private readonly app: FastifyInstance) {}

  async call(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const opts: InjectOptions = {
      method,
      url,
      headers: {
        host: 'kepu.test',
        ...(method === 'POST' ? { origin: 'http://kepu.test', 'x-csrf-token': this.csrf, 'x-request-id': randomUUID() } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    }
    const res = await this.app.inject(opts)
    const set = res.cookies.find((c) => c.name === 'kepu_session')
    if (set) this.cookie = set.value ? `kepu_session=${set.value}` : ''
    const json = res.headers['content-type']?.toString().includes('json') ? (res.json() as Record<string, any>) : {} // eslint-disable-line @typescript-eslint/no-explicit-any
    if (json.csrf) this.csrf = json.csrf as string
    return { status: res.statusCode, json }
  }

  get = (url: string) => this.call('GET', url)
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.call('POST', url, body ?? {}, headers)
}

export const entryYaml = (fields: Record<string, string | number> = {}) =>
  Object.entries({ activity: 'kepu-ri', region: '"130283"', title: '迁安市科普日主场活动', start: '2026-09-12', end: '2026-09-12', organiser: '迁安市科学技术协会', status: 'planned', revision: 1, ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')
