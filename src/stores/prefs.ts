import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { ActivityKind, Audience } from '@/domain/types'

const KEY = 'kepu.prefs'

interface Saved {
  elder: boolean
  view: 'agenda' | 'month'
}

function load(): Partial<Saved> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Saved>
  } catch {
    return {}
  }
}

/** How the person likes to read: 长辈模式, agenda or month; filters last only for the visit. */
export const usePrefsStore = defineStore('prefs', () => {
  const saved = load()
  const elder = ref(saved.elder ?? false)
  const view = ref<'agenda' | 'month'>(saved.view ?? 'agenda')
  const kinds = ref<ActivityKind[]>([])
  const audience = ref<Audience | ''>('')
  const ownOnly = ref(false)
  /** A city or province view with its counties' own entries. */
  const withSubRegions = ref(false)
  const query = ref('')

  watch([elder, view], () => {
    try {
      localStorage.setItem(KEY, JSON.stringify({ elder: elder.value, view: view.value }))
    } catch {
      // Not persisted in private mode; the session still works.
    }
  })
  // (No document when pages are pre-rendered at build time.)
  if (typeof document !== 'undefined') watch(elder, (on) => document.documentElement.classList.toggle('elder', on), { immediate: true })

  function clearFilters() {
    kinds.value = []
    audience.value = ''
    ownOnly.value = false
    withSubRegions.value = false
    query.value = ''
  }

  return { elder, view, kinds, audience, ownOnly, withSubRegions, query, clearFilters }
})
