import { computed, type Ref } from 'vue'
import type { Instance, RegionCalendar } from '@/domain/types'
import { useDataStore } from '@/stores/data'
import { usePrefsStore } from '@/stores/prefs'
import { useLatest } from './latest'

// None asked for is answered at once, and always by the same empty list: the list on screen is
// not recomputed (nor a pre-rendered agenda drawn again) for an answer that changes nothing.
const NONE: Instance[] = []

/**
 * The counties' own entries below a city or province calendar, when the person asks for them
 * (筛选 › 含下级地区的本地活动). Follows the loaded calendar, not the route: on a new region the
 * level is known only once it loads.
 */
export function useSubRegionEntries(calendar: Ref<RegionCalendar | null>) {
  const data = useDataStore()
  const prefs = usePrefsStore()
  const sub = useLatest(
    () => [prefs.withSubRegions, calendar.value] as const,
    async ([on, cal]): Promise<Instance[]> => {
      if (!on || !cal || cal.region.level === 'county') return NONE
      // The region list names the counties the entries come from.
      const [entries] = await Promise.all([data.loadSubRegionEntries(cal.region.code).catch(() => []), data.loadRegions().catch(() => null)])
      return entries
    },
    ([on, cal]) => (!on || !cal || cal.region.level === 'county' ? NONE : null),
  )
  return computed(() => sub.value.value ?? NONE)
}
