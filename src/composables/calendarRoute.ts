import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { WINDOW_YEARS } from '@/composables/years'
import { usePrefsStore } from '@/stores/prefs'

/**
 * What a calendar page shows, read from its address so that a link or a reload keeps it: the view
 * (agenda or month), the year (null: upcoming) and the month shown.
 */
export function useCalendarRoute(today: string, span: { from: number; to: number }) {
  const route = useRoute()
  const router = useRouter()
  const prefs = usePrefsStore()
  const view = computed(() => (route.query.view === 'month' || route.query.view === 'agenda' ? route.query.view : prefs.view))
  const year = computed(() => {
    const y = Number(route.query.y)
    return WINDOW_YEARS.includes(y) ? y : null
  })
  const month = computed(() => {
    const m = Number(route.query.m)
    return m >= 1 && m <= 12 ? m : Number(today.slice(5, 7))
  })
  const monthYear = computed(() => year.value ?? Math.min(Math.max(Number(today.slice(0, 4)), span.from), span.to))

  function setQuery(q: Record<string, string | undefined>) {
    router.replace({ query: { ...route.query, ...q } })
  }
  function setView(v: 'agenda' | 'month') {
    prefs.view = v
    setQuery({ view: v })
  }
  const goMonth = (y: number, m: number) => setQuery({ y: String(y), m: String(m) })
  return { view, year, month, monthYear, setQuery, setView, goMonth }
}
