import type { Audience } from '../types'
import type { LocalEntry } from './schema'

/** What the editor holds: every field as the person typed it (strings), so nothing is lost. */
export interface EntryForm {
  activity: string
  region: string
  title: string
  start: string
  end: string
  startTime: string
  endTime: string
  venue: string
  address: string
  organiser: string
  contact: string
  audience: Audience[]
  description: string
  link: string
  status: 'planned' | 'cancelled'
  revision: number
  stops: { place: string; start: string; end: string }[]
}

export function emptyForm(): EntryForm {
  return { activity: '', region: '', title: '', start: '', end: '', startTime: '', endTime: '', venue: '', address: '', organiser: '', contact: '', audience: [], description: '', link: '', status: 'planned', revision: 1, stops: [] }
}

const OPTIONAL = ['title', 'startTime', 'endTime', 'venue', 'address', 'contact', 'description', 'link'] as const

/** The form as the object the schema checks: blank optional fields left out, required ones kept (to be flagged). */
export function formToEntry(f: EntryForm): Record<string, unknown> {
  const out: Record<string, unknown> = {
    activity: f.activity || undefined,
    region: f.region || undefined,
    start: f.start || undefined,
    end: f.end || undefined,
    organiser: f.organiser,
    status: f.status,
    revision: f.revision,
  }
  for (const k of OPTIONAL) if (f[k].trim()) out[k] = f[k]
  if (f.audience.length) out.audience = [...f.audience]
  if (f.stops.length) out.stops = f.stops.map((s) => ({ ...s }))
  return out
}

/** A published entry (or any parsed file) back into the form. */
export function entryToForm(e: Partial<LocalEntry> & Record<string, unknown>): EntryForm {
  const f = emptyForm()
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))
  for (const k of ['activity', 'region', 'title', 'start', 'end', 'startTime', 'endTime', 'venue', 'address', 'organiser', 'contact', 'description', 'link'] as const) f[k] = str(e[k])
  if (Array.isArray(e.audience)) f.audience = e.audience.filter((a): a is Audience => typeof a === 'string') as Audience[]
  f.status = e.status === 'cancelled' ? 'cancelled' : 'planned'
  f.revision = typeof e.revision === 'number' && e.revision >= 1 ? e.revision : 1
  if (Array.isArray(e.stops)) f.stops = e.stops.map((s: Record<string, unknown>) => ({ place: str(s.place), start: str(s.start), end: str(s.end) }))
  return f
}

/** A file name from the activity and year: 2026-kepu-ri.yaml, made unique by the caller. */
export function suggestFileId(f: EntryForm): string {
  const year = /^\d{4}/.exec(f.start)?.[0] ?? 'draft'
  return `${year}-${f.activity || 'entry'}`.toLowerCase().replace(/[^a-z0-9-]/g, '-')
}
