import { compareInstances } from './instances'
import { uniqueSources } from './sources'
import type { CalendarOrigin, Instance, RegionCalendar, RegionData, RegionSources } from './types'

/**
 * A region's calendar: its own instances and those of every ancestor (national → province → city
 * → county). Instances that share a UID are views of one event (a province document ordering the
 * national 全国科普日): the deepest region's view stands, and carries every level's sources.
 */
export function calendarOf(chain: RegionData[]): Instance[] {
  const byUid = new Map<string, Instance>()
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
          sources: uniqueSources([...inst.sources, ...prev.sources]),
        })
    }
  }
  return [...byUid.values()].sort(compareInstances)
}

/**
 * A calendar as it is published: the list the first screen draws (r/<code>.json) and, apart, the
 * sources only the event page and exports show (s/<code>.json). Sources are most of a calendar's
 * bytes; leaving them out of the first fetch is what keeps the first screen small.
 */
export function publishedCalendar(cal: RegionData, coverage?: CalendarOrigin['coverage']): { listed: RegionCalendar; sources: RegionSources } {
  return {
    listed: { region: cal.region, path: cal.path, instances: cal.instances.map(({ sources, ...rest }) => rest), origin: originOf(cal, coverage) },
    sources: Object.fromEntries(cal.instances.map((i) => [i.uid, i.sources])),
  }
}

/** The region's own events: how many, from how many documents, entries and customs. */
function originOf(cal: RegionData, coverage?: CalendarOrigin['coverage']): CalendarOrigin {
  const own = cal.instances.filter((i) => i.region === cal.region.code && i.status !== 'cancelled')
  const documents = new Set(own.flatMap((i) => (i.carried ? [] : i.sources.flatMap((s) => (s.type === 'document' ? [s.document] : [])))))
  return {
    own: own.length,
    documents: documents.size,
    entries: own.filter((i) => i.basis === 'local').length,
    carried: own.filter((i) => i.carried).length,
    ...(coverage ? { coverage } : {}),
  }
}
