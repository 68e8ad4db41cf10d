import type { WatchSource } from 'vue'
import { useDataStore } from '@/stores/data'
import { useLatest } from './latest'

/** A region's calendar (its own events and its ancestors'), for whichever code is current; null loads nothing. */
export function useRegionCalendar(code: WatchSource<string | null | undefined>) {
  const data = useDataStore()
  return useLatest(
    code,
    (c) => (c ? data.loadCalendar(c) : Promise.resolve(null)),
    (c) => (c ? data.calendarNow(c) : null),
  )
}
