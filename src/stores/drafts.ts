import { openDB, type IDBPDatabase } from 'idb'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { EntryForm } from '@/domain/local/form'

export interface Draft {
  id: string
  /** The entry's file name without .yaml: its identity once published (part of its UID). */
  fileId: string
  form: EntryForm
  /** The revision of the published file this draft edits; null for a new entry. */
  baseRevision: number | null
  updatedAt: number
  /** Waiting to be submitted for review (offline, or signed out): sent when possible. */
  outbox?: { requestId: string; queuedAt: number }
  /** Submitted for review: the service's submission id. */
  submitted?: { id: number; at: number }
  /** The service refused it: its message, and the entry's problems. */
  submitError?: { message: string; problems: { line?: number; field?: string; message: string }[] }
}

const DB = 'kepu-organizer'
let db: Promise<IDBPDatabase> | null = null

// IndexedDB outlives reloads, going offline, closed tabs and app updates (caches are not touched).
function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore('drafts', { keyPath: 'id' })
    },
  })
  return db
}

export const useDraftsStore = defineStore('drafts', () => {
  const list = ref<Draft[]>([])
  const error = ref('')

  // Bumped as every save or removal begins. A load whose read began before one of them may return
  // the list as it was: it reads again rather than put an older list over a newer one (the outbox
  // saves a sent draft while a page's load is still reading, and the draft stayed 正在提交).
  let writes = 0

  async function load() {
    try {
      for (;;) {
        const began = writes
        const all = (await (await open()).getAll('drafts')) as Draft[]
        if (began !== writes) continue
        list.value = all.sort((a, b) => b.updatedAt - a.updatedAt)
        return
      }
    } catch {
      error.value = '此浏览器无法保存草稿（可能处于无痕模式）。请导出文件保存。'
    }
  }

  async function save(draft: Draft) {
    writes++
    const copy: Draft = JSON.parse(JSON.stringify({ ...draft, updatedAt: Date.now() }))
    await (await open()).put('drafts', copy)
    const i = list.value.findIndex((d) => d.id === draft.id)
    if (i >= 0) list.value[i] = copy
    else list.value.unshift(copy)
  }

  async function remove(id: string) {
    writes++
    await (await open()).delete('drafts', id)
    list.value = list.value.filter((d) => d.id !== id)
  }

  async function get(id: string): Promise<Draft | undefined> {
    return (await (await open()).get('drafts', id)) as Draft | undefined
  }

  return { list, error, load, save, remove, get }
})
