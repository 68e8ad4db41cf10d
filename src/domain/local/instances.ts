import { nameInYear } from '../rules'
import type { Activity, Instance, LocalDetails, Source } from '../types'
import { localUid } from '../uid'
import type { LocalEntry } from './schema'

export interface LocalContext {
  activity: Activity
  /** Path of the file, for the source line: seeds/local/130283/2026-kepu-yue.yaml */
  file: string
  /** The documents that order this activity for the region or its ancestors that year. */
  documentSources: Source[]
}

/**
 * An organiser's entry as instances: one, or one per stop for a tour. The UID comes from the
 * region and the file name, so editing dates keeps it; SEQUENCE is the entry's revision.
 */
export function localInstances(id: string, e: LocalEntry, ctx: LocalContext): Instance[] {
  const year = Number(e.start.slice(0, 4))
  const title = e.title ?? nameInYear(ctx.activity, year)
  const details: LocalDetails = {
    ...(e.venue ? { venue: e.venue } : {}),
    ...(e.address ? { address: e.address } : {}),
    organiser: e.organiser,
    ...(e.contact ? { contact: e.contact } : {}),
    ...(e.description ? { description: e.description } : {}),
    ...(e.link ? { link: e.link } : {}),
    ...(e.startTime && e.endTime ? { startTime: e.startTime, endTime: e.endTime } : {}),
    ...(e.updated ? { updated: e.updated } : {}),
  }
  const base: Instance = {
    uid: localUid(e.region, id),
    activity: ctx.activity.id,
    kind: ctx.activity.kind,
    region: e.region,
    year,
    title,
    start: e.start,
    end: e.end,
    basis: 'local',
    status: e.status === 'cancelled' ? 'cancelled' : 'confirmed',
    sequence: e.revision,
    audience: e.audience ?? ctx.activity.audience,
    sources: [{ type: 'local', file: ctx.file, revision: e.revision }, ...ctx.documentSources],
    local: details,
  }
  if (!e.stops?.length) return [base]
  // A stop is where the tour is that day: its place, not the entry's main venue and address (the
  // county seat's museum is not in the township the caravan visits).
  const { venue: _venue, address: _address, ...rest } = details
  return e.stops.map((s, n) => ({
    ...base,
    uid: localUid(e.region, `${id}.${n + 1}`),
    title: `${title} · ${s.place}`,
    start: s.start,
    end: s.end,
    local: { ...rest, venue: s.place, stops: e.stops },
  }))
}
