import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import { DataOutdatedError, dataVersion, fetchData, isCurrentVersion, UnknownRegionError } from '@/composables/dataUrl'
import type { Change } from '@/domain/changes'
import type { RegionIndex } from '@/domain/regions'
import { composeCalendar, loadComposed, sourcesOf } from '@/domain/calendar'
import type { Activity, DocumentMeta, Instance, Region, RegionCalendar, RegionLevel, RegionOwn, RegionSources, Source } from '@/domain/types'

export interface DataIndex {
  dataDate: string
  window: { from: number; to: number }
  siteUrl: string
  activities: Activity[]
  documents: DocumentMeta[]
}

export interface ActivityOccurrence {
  uid: string
  region: string
  regionName: string
  year: number
  title: string
  start: string | null
  end: string | null
}

type RegionRow = [string, string, RegionLevel, string | null]

/** The dataset, fetched piece by piece as views need it and kept for the session. */
export const useDataStore = defineStore('data', () => {
  const index = shallowRef<DataIndex | null>(null)
  const activities = shallowRef(new Map<string, Activity>())
  const regions = shallowRef<RegionIndex | null>(null)
  const owns = new Map<string, Promise<RegionOwn>>()
  const calendars = new Map<string, Promise<RegionCalendar>>()
  /** Calendars already in hand (the one a pre-rendered page carries, those loaded since). */
  const ready = new Map<string, RegionCalendar>()
  let indexPromise: Promise<DataIndex> | null = null
  let regionsPromise: Promise<RegionIndex> | null = null

  // A newer dataset was published: what was fetched is the old one's. Views load again (useLatest).
  watch(dataVersion, () => {
    owns.clear()
    calendars.clear()
    ready.clear()
    indexPromise = null
    regionsPromise = null
    if (index.value) void loadIndex().catch(() => undefined)
  })

  function loadIndex(): Promise<DataIndex> {
    indexPromise ??= fetchData<DataIndex>('index.json').then((data) => {
      index.value = data
      activities.value = new Map(data.activities.map((a) => [a.id, a]))
      return data
    })
    indexPromise.catch(() => (indexPromise = null))
    return indexPromise
  }

  /** A region's own events (r/<code>.json), fetched once per dataset. */
  function loadOwn(code: string): Promise<RegionOwn> {
    let p = owns.get(code)
    if (!p) {
      // A missing region file means a new deployment, unless the data is current: then no such region.
      p = fetchData<RegionOwn>(`r/${code}.json`).catch(async (e) => {
        if (e instanceof DataOutdatedError && (await isCurrentVersion())) throw new UnknownRegionError(code)
        throw e
      })
      owns.set(code, p)
      p.catch(() => owns.delete(code))
    }
    return p
  }

  /** A region's calendar: its own events and its ancestors' (composeCalendar). */
  function loadCalendar(code: string): Promise<RegionCalendar> {
    let p = calendars.get(code)
    if (!p) {
      p = loadComposed(code, loadOwn)
      calendars.set(code, p)
      p.then((cal) => ready.set(code, cal)).catch(() => calendars.delete(code))
    }
    return p
  }

  /** The calendar if it is already here: the first render can show it without waiting a turn. */
  function calendarNow(code: string): RegionCalendar | null {
    return ready.get(code) ?? null
  }

  /** The files a pre-rendered page brought (its path's, national first): its calendar is ready at once. */
  function seedChain(chain: RegionOwn[]) {
    for (const own of chain) owns.set(own.region.code, Promise.resolve(own))
    const calendar = composeCalendar(chain)
    ready.set(calendar.region.code, calendar)
    calendars.set(calendar.region.code, Promise.resolve(calendar))
  }

  /** Where an event of a region's calendar comes from: only the event page and exports need it. */
  async function loadSources(code: string, uid: string): Promise<Source[]> {
    const self = await loadOwn(code)
    const chain = await Promise.all(self.path.map((r) => loadOwn(r.code)))
    return sourcesOf(uid, chain, (c) => fetchData<RegionSources>(`s/${c}.json`))
  }

  /** The full list of regions (≈3,300), only for the picker. */
  function loadRegions(): Promise<RegionIndex> {
    // The tree code comes with the list: neither is part of the first screen.
    regionsPromise ??= Promise.all([fetchData<RegionRow[]>('regions.json'), import('@/domain/regions')]).then(([rows, { RegionIndex }]) => {
      const list: Region[] = rows.map(([code, name, level, parent]) => ({ code, name, level, parent }))
      regions.value = new RegionIndex(list)
      return regions.value
    })
    regionsPromise.catch(() => (regionsPromise = null))
    return regionsPromise
  }

  /** Entries that organisers below a city or province published (only when asked for). */
  function loadSubRegionEntries(code: string): Promise<Instance[]> {
    return fetchData<Instance[]>(`sub/${code}.json`)
  }

  function loadActivityOccurrences(activity: string): Promise<ActivityOccurrence[]> {
    return fetchData<ActivityOccurrence[]>(`a/${activity}.json`)
  }

  /** What changed in the last builds (最近更新): this build's log. */
  function loadChanges(): Promise<{ first: boolean; log: Change[] }> {
    return fetchData<{ first: boolean; log: Change[] }>('changes.json')
  }

  return { index, activities, regions, loadIndex, loadCalendar, calendarNow, seedChain, loadSources, loadRegions, loadSubRegionEntries, loadActivityOccurrences, loadChanges }
})
