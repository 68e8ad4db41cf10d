import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Role } from '@/domain/roles'

export interface Account {
  id: number
  name: string
  role: Role
  region: string
  regionName: string
}

export interface ApiProblem {
  line?: number
  field?: string
  message: string
}

/** A refusal from the organiser service: its Chinese message, and the entry's problems if any. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: ApiProblem[] = [],
  ) {
    super(message)
  }
}

/** How long a question to the service may take; a change (an 8 MB document on a slow phone) gets longer. */
const GET_TIMEOUT_MS = 10_000
const POST_TIMEOUT_MS = 90_000

/** An id for each change the service is asked for: a retried request is recognised, not repeated. */
export function requestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The organiser service, when the site runs one (npm start): who is signed in, and every call to
 * /api/. A static deployment has none; the editor then exports files as before.
 */
export const useAccountStore = defineStore('account', () => {
  /** null until asked; false on a static site or offline. */
  const available = ref<boolean | null>(null)
  const account = ref<Account | null>(null)
  let csrf = ''

  async function call<T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown, id = requestId()): Promise<T> {
    let res: Response
    try {
      res = await fetch(`/api/${path}`, {
        method,
        credentials: 'same-origin',
        headers: method === 'POST' ? { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'X-Request-Id': id } : {},
        // A POST always carries a JSON body (an empty one for approve): the service parses every POST as JSON.
        ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
        // A request a flaky network never answers fails instead of waiting for ever: the outbox then
        // tries again, rather than every later send queueing behind one that hangs.
        signal: AbortSignal.timeout(method === 'GET' ? GET_TIMEOUT_MS : POST_TIMEOUT_MS),
      })
    } catch {
      throw new ServiceError(0, '网络不通：草稿已保存在本机，联网后再试。')
    }
    const json = (await res.json().catch(() => null)) as (T & { error?: { zh: string }; problems?: ApiProblem[]; csrf?: string }) | null
    if (!json) throw new ServiceError(res.status, '本站没有运行发布服务。请导出文件，交给有权限的人发布。')
    if (!res.ok) {
      if (res.status === 401) account.value = null
      throw new ServiceError(res.status, json.error?.zh ?? `请求失败（HTTP ${res.status}）`, json.problems ?? [])
    }
    if (json.csrf) csrf = json.csrf
    return json
  }

  /**
   * Who is signed in (and whether there is a service at all). The latest question wins: an answer
   * to one asked offline that arrives after the network came back must not sign the person out.
   */
  let asked = 0
  async function load() {
    const mine = ++asked
    try {
      const s = await call<{ user: Account }>('GET', 'session')
      if (mine !== asked) return
      account.value = s.user
      available.value = true
    } catch (e) {
      if (mine !== asked) return
      account.value = null
      available.value = e instanceof ServiceError && e.status === 401
    }
  }

  async function signIn(name: string, password: string) {
    account.value = (await call<{ user: Account }>('POST', 'login', { name, password })).user
  }

  async function signUp(token: string, name: string, password: string) {
    account.value = (await call<{ user: Account }>('POST', 'signup', { token, name, password })).user
  }

  /** Signs out here, or on every device (a lost phone, a shared computer). */
  async function signOut(everywhere = false) {
    await call('POST', everywhere ? 'logout-everywhere' : 'logout').catch(() => undefined)
    account.value = null
  }

  return { available, account, call, load, signIn, signUp, signOut }
})
