import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushOutbox } from '@/composables/outbox'
import { entryToForm } from '@/domain/local/form'
import { useAccountStore } from '@/stores/account'
import type { Draft } from '@/stores/drafts'

// The drafts live in IndexedDB in the app; here in memory, the same calls.
const saved = new Map<string, Draft>()
vi.mock('@/stores/drafts', () => ({
  useDraftsStore: () => ({
    get list() {
      return [...saved.values()]
    },
    load: async () => undefined,
    save: async (d: Draft) => void saved.set(d.id, structuredClone(d)),
    get: async (id: string) => saved.get(id),
  }),
}))

const USER = { id: 3, name: '迁安编辑', role: 'editor', region: '130283' }
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

/** fetch whose answers the test gives by hand, in the order it chooses; calls are recorded. */
function handFetch() {
  const waiting: { url: string; method: string; answer: (r: Response | Error) => void }[] = []
  const fetch = vi.fn(
    (url: string, init?: RequestInit) =>
      new Promise<Response>((ok, fail) => waiting.push({ url: String(url), method: init?.method ?? 'GET', answer: (r) => (r instanceof Error ? fail(r) : ok(r)) })),
  )
  /** Answers the oldest call to `path` still waiting (the newest with `newest`). */
  async function answer(path: string, r: Response | Error, newest = false) {
    await vi.waitFor(() => expect(waiting.some((w) => w.url.endsWith(path))).toBe(true))
    const i = newest ? waiting.findLastIndex((w) => w.url.endsWith(path)) : waiting.findIndex((w) => w.url.endsWith(path))
    waiting.splice(i, 1)[0]!.answer(r)
  }
  return { fetch, answer }
}

let net: ReturnType<typeof handFetch>
beforeEach(() => {
  setActivePinia(createPinia())
  saved.clear()
  net = handFetch()
  vi.stubGlobal('fetch', net.fetch)
})

describe('the outbox', () => {
  it('sends when the network returns while a pass begun offline is still failing', async () => {
    const signedIn = useAccountStore().load()
    await net.answer('/api/session', json({ user: USER, csrf: 'c' }))
    await signedIn
    const form = entryToForm({ activity: 'kepu-ri', region: '130283', start: '2027-09-18', end: '2027-09-18', organiser: '迁安市科学技术协会', status: 'planned', revision: 1 })
    saved.set('d1', { id: 'd1', fileId: '2027-kepu-ri', form, baseRevision: null, updatedAt: 1, outbox: { requestId: 'req-0001-abcdef', queuedAt: 1 } })

    const offlinePass = flushOutbox() // offline: its question is on its way to failing
    const onlinePass = flushOutbox() // the 'online' event, before that pass has failed
    await net.answer('/api/published', new TypeError('Failed to fetch'))
    await net.answer('/api/published', json({ entries: [] }))
    await net.answer('/api/submissions', json({ id: 7, state: 'pending' }, 201))
    await Promise.all([offlinePass, onlinePass])

    expect(saved.get('d1')).toMatchObject({ outbox: undefined, submitted: { id: 7 } })
    const posts = net.fetch.mock.calls.filter(([, init]) => init?.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(new Headers(posts[0]![1]!.headers).get('X-Request-Id')).toBe('req-0001-abcdef')
  })
})

describe('a replayed request id', () => {
  const form = () => entryToForm({ activity: 'kepu-ri', region: '130283', start: '2027-09-18', end: '2027-09-18', organiser: '迁安市科学技术协会', status: 'planned', revision: 1 })
  const replayed = () => json({ error: { zh: '这个请求已经处理过了（重复提交）', en: 'replayed' } }, 409)

  it.each([
    ['the service holds this draft’s submission', [{ id: 9, region: '130283', entry_id: '2027-kepu-ri', revision: 1, state: 'pending' }], { submitted: { id: 9 } }],
    ['the service holds nothing for it (the id was used by something else)', [{ id: 4, region: '130283', entry_id: 'other', revision: 1, state: 'pending' }], { submitError: { message: expect.stringContaining('服务器没有收到这份草稿') } }],
  ])('counts the draft sent only when %s', async (_when, held, expected) => {
    const signedIn = useAccountStore().load()
    await net.answer('/api/session', json({ user: USER, csrf: 'c' }))
    await signedIn
    saved.set('d1', { id: 'd1', fileId: '2027-kepu-ri', form: form(), baseRevision: null, updatedAt: 1, outbox: { requestId: 'req-0002-abcdef', queuedAt: 1 } })
    const pass = flushOutbox()
    await net.answer('/api/published', json({ entries: [] }))
    await net.answer('/api/submissions', replayed())
    await net.answer('/api/submissions', json({ submissions: held }))
    await pass
    expect(saved.get('d1')).toMatchObject({ outbox: undefined, ...expected })
    if (!('submitted' in expected)) expect(saved.get('d1')!.submitted).toBeUndefined()
  })
})

describe('who is signed in', () => {
  it('a late failure of a question asked offline does not sign the person out', async () => {
    const account = useAccountStore()
    const offline = account.load()
    const online = account.load()
    // Both questions are out; the second is answered first, then the first fails.
    await vi.waitFor(() => expect(net.fetch).toHaveBeenCalledTimes(2))
    await net.answer('/api/session', json({ user: USER, csrf: 'c' }), true)
    await online
    expect(account.account).toMatchObject({ name: '迁安编辑' })
    await net.answer('/api/session', new TypeError('Failed to fetch'))
    await offline
    expect(account.account).toMatchObject({ name: '迁安编辑' })
  })
})
