import ical from 'ical-generator'
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

/** A calendar holding `instances`, built with ical-generator. */
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
  return cal.toString()
}

/** A single event, for 添加到日历: same UID as in the feeds. */
export function buildSingleEvent(inst: Instance, ctx: IcalContext, regionName: string): string {
  return buildCalendar(
    { name: `科普日历 · ${inst.title}`, description: `${regionName} · ${inst.title}`, url: `${ctx.siteUrl}/` },
    [inst],
    ctx,
  )
}
