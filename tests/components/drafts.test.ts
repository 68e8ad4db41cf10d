import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Draft } from '@/stores/drafts'

// IndexedDB in memory, with reads the test lets through when it chooses: what a slow phone does.
const rows = new Map<string, Draft>()
const pending: (() => void)[] = []
let holdReads = false
vi.mock('idb', () => ({
  openDB: async () => ({
    getAll: () => {
      const snapshot = [...rows.values()].map((d) => structuredClone(d))
      return holdReads ? new Promise<Draft[]>((ok) => pending.push(() => ok(snapshot))) : Promise.resolve(snapshot)
    },
    put: async (_store: string, d: Draft) => void rows.set(d.id, structuredClone(d)),
    delete: async (_store: string, id: string) => void rows.delete(id),
    get: async (_store: string, id: string) => rows.get(id),
  }),
}))

const draft = (over: Partial<Draft> = {}): Draft => ({ id: 'd1', fileId: 'f', form: {} as Draft['form'], baseRevision: null, updatedAt: 1, ...over })

beforeEach(() => {
  setActivePinia(createPinia())
  rows.clear()
  pending.length = 0
  holdReads = false
})

describe('the drafts kept on this device', () => {
  it('a load that began before a save does not put the older list over the newer one', async () => {
    const { useDraftsStore } = await import('@/stores/drafts')
    const drafts = useDraftsStore()
    rows.set('d1', draft({ outbox: { requestId: 'r-0001-abcdef', queuedAt: 1 } }))
    holdReads = true
    const loading = drafts.load() // the page's load: its read is slow
    await vi.waitFor(() => expect(pending).toHaveLength(1))
    holdReads = false
    await drafts.save(draft({ submitted: { id: 7, at: 2 } })) // the outbox: sent
    pending.shift()!() // the slow read answers, with the list as it was before the save
    await loading
    expect(drafts.list).toHaveLength(1)
    expect(drafts.list[0]).toMatchObject({ submitted: { id: 7 } })
    expect(drafts.list[0]!.outbox).toBeUndefined()
  })
})

describe('the editor page’s saving as the person types', () => {
  it('never puts an older standing back: a save after the page is left does not undo the outbox’s', async () => {
    const { mount, flushPromises } = await import('@vue/test-utils')
    const { defineComponent, h } = await import('vue')
    const { useEntryDraft } = await import('@/composables/entryDraft')
    const { useDraftsStore } = await import('@/stores/drafts')
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 404 }))
    rows.set('d1', draft({ form: { title: '草稿' } as Draft['form'], outbox: { requestId: 'r-0002-abcdef', queuedAt: 1 } }))
    let state: ReturnType<typeof useEntryDraft> | undefined
    const Page = defineComponent({ setup: () => ((state = useEntryDraft(() => 'd1')), () => h('div')) })
    const page = mount(Page)
    await vi.waitFor(() => expect(state!.draft.value).not.toBeNull())
    state!.form.value = { ...state!.form.value, title: '改过的标题' } // typed, then the page is left at once
    await flushPromises()
    page.unmount()
    await flushPromises()
    // The network returns: the outbox sends the draft and saves it as sent.
    const drafts = useDraftsStore()
    await drafts.save({ ...rows.get('d1')!, outbox: undefined, submitted: { id: 9, at: 3 } })
    await new Promise((ok) => setTimeout(ok, 400)) // longer than the typing delay
    expect(rows.get('d1')).toMatchObject({ submitted: { id: 9 }, form: { title: '改过的标题' } })
    expect(rows.get('d1')!.outbox).toBeUndefined()
  })
})
