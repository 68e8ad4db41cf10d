// The organiser service as `npm start` runs it, in a process of its own, and a browser-like client
// of its API: what the bench loads and what the crash test kills.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

/**
 * Starts `script` (server/main.ts, or the bench's bare service) with `env`; resolves once it
 * serves, with the first admin's invitation token if it printed one.
 */
export function startServiceProcess(env: Record<string, string>, script = 'server/main.ts'): Promise<{ proc: ChildProcess; invitation: string | null }> {
  const root = join(import.meta.dirname, '..')
  const proc = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  return new Promise((ok, fail) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      // main.ts prints the invitation (on a fresh database) before the line that says it serves.
      if (/is served at/.test(out)) ok({ proc, invitation: /invite=([\w-]+)/.exec(out)?.[1] ?? null })
    })
    proc.once('exit', (code) => fail(new Error(`service exited (${code}): ${out}`)))
  })
}

/** One signed-in person over HTTP: the session cookie, the CSRF token, a fresh request id each change. */
export class HttpSession {
  private cookie = ''
  private csrf = ''

  constructor(private readonly base: string) {}

  async call(path: string, body?: unknown): Promise<{ status: number; json: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(`${this.base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', origin: this.base, cookie: this.cookie, 'x-csrf-token': this.csrf, 'x-request-id': crypto.randomUUID() },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const set = res.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0]!
    const json = (await res.json()) as Record<string, unknown>
    if (typeof json.csrf === 'string') this.csrf = json.csrf
    return { status: res.status, json }
  }
}
