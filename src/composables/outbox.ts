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
      // Offline or signed out: it waits. Replayed: the service has it already.
      if (err.status === 0 || err.status === 401) return
      if (err.status === 409 && /重复/.test(err.message)) await drafts.save({ ...d, outbox: undefined, submitted: { id: 0, at: Date.now() } })
      else await drafts.save({ ...d, outbox: undefined, submitError: { message: err.message, problems: err.problems ?? [] } })
    }
  }
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

/** On the organiser pages: who is signed in, then anything waiting goes, now and whenever the network returns. */
export function useOutbox() {
  const account = useAccountStore()
  const flush = () => void account.load().then(() => (account.account ? flushOutbox() : undefined))
  onMounted(() => {
    flush()
    window.addEventListener('online', flush)
  })
  onBeforeUnmount(() => window.removeEventListener('online', flush))
  return account
}
