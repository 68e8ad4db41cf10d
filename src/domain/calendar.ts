import { compareInstances } from './instances'
import { uniqueSources } from './sources'
import { NATIONAL_CODE, type CalendarOrigin, type ListedInstance, type RegionCalendar, type RegionData, type RegionOwn, type RegionSources, type Source } from './types'

/**
 * A region's calendar: its own instances and those of every ancestor (national → province → city
 * → county). Instances that share a UID are views of one event (a province document ordering the
 * national 全国科普日): the deepest region's view stands, and carries every level's sources (when
 * the instances carry them: the published lists do not, see sourcesOf).
 */
export function calendarOf<T extends ListedInstance & { sources?: Source[] }>(chain: { instances: readonly T[] }[]): T[] {
  const byUid = new Map<string, T>()
  for (const level of chain) {
    for (const inst of level.instances) {
      const prev = byUid.get(inst.uid)
      if (!prev) byUid.set(inst.uid, inst)
      else
        byUid.set(inst.uid, {
          ...inst,
          start: inst.start ?? prev.start,
          end: inst.end ?? prev.end,
          sequence: Math.max(inst.sequence, prev.sequence),
          ...(inst.sources ? { sources: uniqueSources([...inst.sources, ...(prev.sources ?? [])]) } : {}),
        })
    }
  }
  return [...byUid.values()].sort(compareInstances)
}

/** A calendar from the published files of its path, national first (r/<code>.json of each). */
export function composeCalendar(chain: RegionOwn[]): RegionCalendar {
  const self = chain[chain.length - 1]!
  return { region: self.region, path: self.path, instances: calendarOf(chain), ...(self.origin ? { origin: self.origin } : {}) }
}

/**
 * Fetches a region's calendar: its own file first (it names the path), the national one alongside
 * (every path starts there), then the others of its path. `fetchOwn` should cache: a phone that
 * opens three counties of one city fetches the city's and the nation's files once.
 */
export async function loadComposed(code: string, fetchOwn: (code: string) => Promise<RegionOwn>): Promise<RegionCalendar> {
  const national = code === NATIONAL_CODE ? null : fetchOwn(NATIONAL_CODE)
  national?.catch(() => undefined)
  const self = await fetchOwn(code)
  const chain = await Promise.all(self.path.map((r) => (r.code === code ? self : r.code === NATIONAL_CODE && national ? national : fetchOwn(r.code))))
  return composeCalendar(chain)
}

/**
 * An event's sources: those of each level of the path whose own file lists it (s/<code>.json),
 * the deepest first, as calendarOf merges them.
 */
export async function sourcesOf(uid: string, chain: RegionOwn[], fetchSources: (code: string) => Promise<RegionSources>): Promise<Source[]> {
  const holding = chain.filter((own) => own.instances.some((i) => i.uid === uid)).reverse()
  const lists = await Promise.all(holding.map((own) => fetchSources(own.region.code)))
  return uniqueSources(lists.flatMap((list) => list[uid] ?? []))
}

/**
 * A region's own events as published: the list the first screen draws (r/<code>.json) and, apart,
 * the sources only the event page and exports show (s/<code>.json). Sources are most of a calendar's
 * bytes; leaving them out of the first fetch is what keeps the first screen small. `cal` holds the
 * region's own instances only (its ancestors' are in their own files).
 */
export function publishedCalendar(cal: RegionData, extra: Pick<CalendarOrigin, 'coverage' | 'counties'> = {}): { listed: RegionCalendar; sources: RegionSources } {
  return {
    listed: { region: cal.region, path: cal.path, instances: cal.instances.map(({ sources, ...rest }) => rest), origin: { ...originOf(cal), ...extra } },
    sources: Object.fromEntries(cal.instances.map((i) => [i.uid, i.sources])),
  }
}

/** The region's own events: how many, from how many documents, entries and customs. */
function originOf(cal: RegionData): CalendarOrigin {
  const own = cal.instances.filter((i) => i.region === cal.region.code && i.status !== 'cancelled')
  const documents = new Set(own.flatMap((i) => (i.carried ? [] : i.sources.flatMap((s) => (s.type === 'document' ? [s.document] : [])))))
  return {
    own: own.length,
    documents: documents.size,
    entries: own.filter((i) => i.basis === 'local').length,
    carried: own.filter((i) => i.carried).length,
  }
}
