import { buildCalendar, type FeedMeta } from '../../src/domain/ical/feed'
import type { IcalContext } from '../../src/domain/ical/event'
import { SHANGHAI_VTIMEZONE } from '../../src/domain/ical/timezone'
import type { Instance } from '../../src/domain/types'

/**
 * Feeds for thousands of regions share most of their events (every county carries the national
 * ones). Each distinct VEVENT is rendered once by ical-generator and reused; each feed is its
 * calendar header (also from ical-generator) plus those blocks. The result is byte for byte what
 * buildCalendar would write (tests/unit/ical/feeds.test.ts holds that).
 */
export class FeedAssembler {
  private readonly events = new Map<string, string>()

  constructor(private readonly ctx: IcalContext) {}

  private block(inst: Instance): string {
    const key = JSON.stringify(inst)
    let text = this.events.get(key)
    if (text === undefined) {
      const whole = buildCalendar({ name: 'x', description: 'x', url: 'x' }, [inst], this.ctx)
      const start = whole.indexOf('BEGIN:VEVENT')
      const end = whole.lastIndexOf('END:VEVENT\r\n')
      text = start < 0 ? '' : whole.slice(start, end + 'END:VEVENT\r\n'.length)
      this.events.set(key, text)
    }
    return text
  }

  feed(meta: FeedMeta, instances: Instance[]): string {
    const empty = buildCalendar(meta, [], this.ctx)
    // Events stand between the calendar's properties and its X- properties, which close it.
    const split = empty.indexOf('X-WR-TIMEZONE:')
    let head = empty.slice(0, split)
    const tail = empty.slice(split)
    if (instances.some((i) => i.start && i.local?.startTime && i.local.endTime)) {
      // ical-generator writes the zone right after the calendar's description.
      const at = head.indexOf('\r\n', head.indexOf('X-WR-CALDESC:')) + 2
      head = `${head.slice(0, at)}${SHANGHAI_VTIMEZONE}\r\n${head.slice(at)}`
    }
    return `${head}${instances.map((i) => this.block(i)).join('')}${tail}`
  }
}
