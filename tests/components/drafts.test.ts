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
