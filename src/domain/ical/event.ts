import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { ICalCalendar, ICalEventData } from 'ical-generator'
import { ICalEventStatus } from 'ical-generator'
import { addDays } from '../dates'
import { eventPath } from '../feeds'
import { AUDIENCE_LABEL, KIND_LABEL, tentativeWording } from '../labels'
import type { Activity, Instance } from '../types'
import { eventSlug } from '../uid'
import { describeInstance } from './describe'
import { SHANGHAI } from './timezone'

dayjs.extend(utc)

export interface IcalContext {
  siteUrl: string
  activities: Map<string, Activity>
  /** YYYY-MM-DD: DTSTAMP and LAST-MODIFIED come from the data, never from the clock. */
  dataDate: string
}

/** Dates go in as UTC-mode dayjs values holding the wall-clock date: no host time zone applies. */
const wall = (value: string) => dayjs.utc(value)

export function eventUrl(ctx: IcalContext, inst: Instance): string {
  return `${ctx.siteUrl}${eventPath(eventSlug(inst.uid))}`
}

/** The VEVENT data for a dated instance (undated ones have no place in a calendar). */
export function eventData(inst: Instance, ctx: IcalContext): ICalEventData | null {
  if (!inst.start || !inst.end) return null
  const activity = ctx.activities.get(inst.activity)
  const url = eventUrl(ctx, inst)
  const timed = inst.local?.startTime && inst.local.endTime
  const stamp = wall(`${ctx.dataDate}T00:00:00`)
  const categories = [activity ? KIND_LABEL[activity.kind] : null, ...inst.audience.map((a) => AUDIENCE_LABEL[a])]
    .filter((c): c is string => !!c)
    .map((name) => ({ name }))
  const location = [inst.local?.venue, inst.local?.address].filter(Boolean).join('，')
  return {
    id: inst.uid,
    sequence: inst.sequence,
    stamp,
    lastModified: inst.local?.updated ? wall(`${inst.local.updated}T00:00:00`) : stamp,
    // The feed's "today" is its data date: a feed is the same file whenever it is built.
    summary: `${inst.title}${inst.status === 'tentative' ? tentativeWording(inst.end, ctx.dataDate).suffix : ''}`,
    description: describeInstance(inst, url, ctx.dataDate),
    url,
    categories,
    ...(location ? { location } : {}),
    status:
      inst.status === 'cancelled' ? ICalEventStatus.CANCELLED : inst.status === 'tentative' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    ...(timed
      ? {
          start: wall(`${inst.start}T${inst.local!.startTime}:00`),
          end: wall(`${inst.end}T${inst.local!.endTime}:00`),
          timezone: SHANGHAI,
        }
      : {
          allDay: true,
          start: wall(inst.start),
          // All-day DTEND is exclusive: the day after the last day.
          end: wall(addDays(inst.end, 1)),
        }),
  }
}

export function addEvent(cal: ICalCalendar, inst: Instance, ctx: IcalContext): void {
  const data = eventData(inst, ctx)
  if (data) cal.createEvent(data)
}
