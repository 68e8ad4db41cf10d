import { onBeforeUnmount, onMounted } from 'vue'
import { formToEntry } from '@/domain/local/form'
import { checkEntry } from '@/domain/local/schema'
import { entryToYaml } from '@/domain/local/yaml'
import { ServiceError, useAccountStore, requestId } from '@/stores/account'
import { useDraftsStore, type Draft } from '@/stores/drafts'

/**
 * Submitting a draft for review. The draft is marked first (in IndexedDB, with the id of its
 * request), then sent: offline, or with the session expired, it waits and goes when the network or
 * the person is back. A retry reuses the id, so the service never takes it twice.
 */
export async function submitDraft(draft: Draft): Promise<Draft> {
  const drafts = useDraftsStore()
  const marked: Draft = { ...draft, outbox: { requestId: requestId(), queuedAt: Date.now() }, submitError: undefined }
  await drafts.save(marked)
  await flushOutbox()
  return (await drafts.get(draft.id)) ?? marked
}

let flushing: Promise<void> | null = null
let askedAgain = false

/**
 * Sends every waiting draft, one at a time. Never throws; each draft records how it went. Asked
 * while a pass is under way (the network came back while a pass begun offline was still failing),
 * it runs one more pass after it: the answer covers both.
 */
export function flushOutbox(): Promise<void> {
  if (flushing) {
    askedAgain = true
    return flushing
  }
  flushing = (async () => {
    do {
      askedAgain = false
      await send()
    } while (askedAgain)
  })().finally(() => (flushing = null))
  return flushing
}

async function send() {
  const drafts = useDraftsStore()
  const account = useAccountStore()
  await drafts.load()
  const waiting = drafts.list.filter((x) => x.outbox)
  if (!waiting.length || !account.account) return
  // What is published, asked once for the whole outbox.
  const published = await account.call<{ entries: Published[] }>('GET', 'published').then((r) => r.entries, () => null)
  if (!published) return
  for (const d of waiting) {
    if (!account.account) return
    try {
      const form = withPublishedRevision(d, published)
      const entry = checkEntry(formToEntry(form.form)).entry
      if (!entry) throw new ServiceError(422, '活动内容有错误，请打开草稿按提示修改。')
      const r = await account.call<{ id: number }>('POST', 'submissions', { fileId: d.fileId, yaml: entryToYaml(entry) }, d.outbox!.requestId)
      await drafts.save({ ...form, outbox: undefined, submitted: { id: r.id, at: Date.now() } })
    } catch (e) {
      const err = e as ServiceError
      // Offline or signed out: it waits.
      if (err.status === 0 || err.status === 401) return
      // Replayed: sent only if the service shows it holds this draft's submission (the id could
      // have been taken by something else); otherwise the person is asked to send it again.
      if (err.status === 409 && /重复/.test(err.message)) {
        const held = await heldSubmission(d)
        if (held) await drafts.save({ ...d, outbox: undefined, submitted: { id: held, at: Date.now() } })
        else await drafts.save({ ...d, outbox: undefined, submitError: { message: '服务器没有收到这份草稿（请求编号已被使用），请再点一次“提交审核”。', problems: [] } })
      } else await drafts.save({ ...d, outbox: undefined, submitError: { message: err.message, problems: err.problems ?? [] } })
    }
  }
}

/** The id of the submission the service holds for this draft's entry and revision, if it holds one. */
async function heldSubmission(d: Draft): Promise<number | null> {
  const list = await useAccountStore()
    .call<{ submissions: Submitted[] }>('GET', 'submissions')
    .then((r) => r.submissions, () => [])
  return list.find((s) => s.region === d.form.region && s.entry_id === d.fileId && s.revision === d.form.revision)?.id ?? null
}

/** A submission as the editor's list returns it: where it stands, and why when it was returned. */
export interface Submitted {
  id: number
  region: string
  entry_id: string
  revision: number
  state: 'pending' | 'approved' | 'rejected' | 'superseded'
  reason: string | null
  decided_at: string | null
}

interface Published {
  region: string
  entry_id: string
  revision: number
}

/** An edit of a published entry goes out as the next revision, whatever the form says. */
function withPublishedRevision(d: Draft, published: Published[]): Draft {
  const pub = published.find((e) => e.region === d.form.region && e.entry_id === d.fileId)
  if (!pub || d.form.revision > pub.revision) return d
  return { ...d, baseRevision: pub.revision, form: { ...d.form, revision: pub.revision + 1 } }
}

/**
 * On the organiser pages: who is signed in, then anything waiting goes, now and whenever the network
 * returns. The 'online' event can come before the network really answers: while drafts still wait
 * and the phone says it is online, it tries again a few times, a little later each time.
 */
export function useOutbox() {
  const account = useAccountStore()
  const drafts = useDraftsStore()
  let retry: ReturnType<typeof setTimeout> | undefined
  let tries = 0
  const flush = () =>
    void account
      .load()
      .then(() => (account.account ? flushOutbox() : undefined))
      .then(() => {
        clearTimeout(retry)
        const waiting = drafts.list.some((d) => d.outbox)
        if (waiting && navigator.onLine && tries < 6) retry = setTimeout(flush, 1000 * 2 ** tries++)
        if (!waiting) tries = 0
      })
  const online = () => {
    tries = 0
    flush()
  }
  onMounted(() => {
    flush()
    window.addEventListener('online', online)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('online', online)
    clearTimeout(retry)
  })
  return account
}
