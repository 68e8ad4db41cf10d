import ical from 'ical-generator'
import { eventData, type IcalContext } from '../../src/domain/ical/event'
import { PRODID, type FeedMeta } from '../../src/domain/ical/feed'
import { escapeText } from '../../src/domain/ical/escape'
import { SHANGHAI, SHANGHAI_VTIMEZONE } from '../../src/domain/ical/timezone'
import type { Instance } from '../../src/domain/types'

/**
 * Feeds for thousands of regions share most of their events (every county carries the national
 * ones). Each distinct VEVENT is written once by ical-generator and reused; the calendar lines and
 * the line folding are done here in ical-generator's exact format (its own folding creates a
 * TextEncoder per character, which dominated the nationwide build). The result is byte for byte what
 * buildCalendar writes (tests/unit/ical/feeds.test.ts holds that, hostile text included).
 */
export class FeedAssembler {
  // By identity: calendars share instance objects, so each is rendered once.
  private readonly events = new WeakMap<Instance, string>()
  // One scratch calendar: each event is created in it, written out and cleared.
  private readonly scratch = ical({ timezone: { name: null, generator: () => SHANGHAI_VTIMEZONE } })

  constructor(private readonly ctx: IcalContext) {}

  private block(inst: Instance): string {
    let text = this.events.get(inst)
    if (text === undefined) {
      const data = eventData(inst, this.ctx)
      text = data ? `${fold(this.scratch.createEvent(data).toString().replace(/\r\n$/, ''))}\r\n` : ''
      this.scratch.clear()
      this.events.set(inst, text)
    }
    return text
  }

  feed(meta: FeedMeta, instances: Instance[]): string {
    const timed = instances.some((i) => i.start && i.local?.startTime && i.local.endTime)
    const name = escapeText(meta.name)
    const head = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:-//${PRODID.company}//${PRODID.product}//${PRODID.language}`,
      `URL:${meta.url}`,
      `NAME:${name}`,
      `X-WR-CALNAME:${name}`,
      `X-WR-CALDESC:${escapeText(meta.description)}`,
      ...(timed ? [SHANGHAI_VTIMEZONE] : []),
      'REFRESH-INTERVAL;VALUE=DURATION:P1D',
      'X-PUBLISHED-TTL:P1D',
    ]
    const events = instances.map((i) => this.block(i)).join('')
    return `${fold(head.join('\r\n'))}\r\n${events}X-WR-TIMEZONE:${SHANGHAI}\r\nEND:VCALENDAR\r\n`
  }
}

const encoder = new TextEncoder()

/** RFC 5545 folding as ical-generator does it: a break before the octet that would pass 74. */
export function fold(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (line.length <= 24 || encoder.encode(line).length <= 74) return line
      let out = ''
      let n = 0
      for (const ch of line) {
        const bytes = ch.length === 2 ? 4 : ch.charCodeAt(0) < 0x80 ? 1 : ch.charCodeAt(0) < 0x800 ? 2 : 3
        n += bytes
        if (n > 74) {
          out += '\r\n '
          n = bytes
        }
        out += ch
      }
      return out
    })
    .join('\r\n')
}
