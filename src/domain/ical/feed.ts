import ical, { ICalCalendarMethod } from 'ical-generator'
import type { Instance } from '../types'
import { addEvent, type IcalContext } from './event'
import { escapeText } from './escape'
import { SHANGHAI, SHANGHAI_VTIMEZONE } from './timezone'

export interface FeedMeta {
  /** e.g. 科普日历 · 唐山市 */
  name: string
  description: string
  /** The feed's own address. */
  url: string
}

export const PRODID = { company: 'kepu-calendar', product: '科普日历', language: 'ZH' }

/**
 * A calendar holding `instances`, built with ical-generator: a feed to subscribe to (refreshed
 * daily). Every content line ends with CRLF, the last one too (RFC 5545 §3.1).
 */
export function buildCalendar(meta: FeedMeta, instances: Instance[], ctx: IcalContext): string {
  const cal = ical({
    prodId: PRODID,
    // ical-generator writes name and description as given: escape them here.
    name: escapeText(meta.name),
    description: escapeText(meta.description),
    url: meta.url,
    ttl: 24 * 60 * 60,
    // No calendar-wide zone: DTSTAMP stays in UTC. Timed events name Asia/Shanghai themselves
    // and the generator adds its VTIMEZONE for them.
    timezone: { name: null, generator: () => SHANGHAI_VTIMEZONE },
  })
  cal.x([['X-WR-TIMEZONE', SHANGHAI]])
  for (const inst of instances) addEvent(cal, inst, ctx)
  return withFinalCrlf(cal.toString())
}

/**
 * A single event, for 添加到日历: an import, not a subscription (METHOD:PUBLISH, no calendar name,
 * no REFRESH-INTERVAL or X-PUBLISHED-TTL, which some phones' importers reject), with the same UID
 * as in the feeds so a later subscription does not duplicate it.
 */
export function buildSingleEvent(inst: Instance, ctx: IcalContext): string {
  const cal = ical({ prodId: PRODID, method: ICalCalendarMethod.PUBLISH, timezone: { name: null, generator: () => SHANGHAI_VTIMEZONE } })
  addEvent(cal, inst, ctx)
  return withFinalCrlf(cal.toString())
}

const withFinalCrlf = (text: string) => (text.endsWith('\r\n') ? text : `${text}\r\n`)
