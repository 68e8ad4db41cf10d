import { addDays } from '../../src/domain/dates'
import { FEED_KINDS, feedPath } from '../../src/domain/feeds'
import type { IcalContext } from '../../src/domain/ical/event'
import type { Activity, RegionData } from '../../src/domain/types'
import { FeedAssembler } from './assemble'

/** How far back a feed reaches from the data date. */
export const FEED_DAYS_BACK = 365

/** feeds/<code>.ics and feeds/<code>-youth.ics for every region, handed to `write` one by one. */
export function writeRegionFeeds(
  calendars: Map<string, RegionData>,
  activities: Activity[],
  siteUrl: string,
  dataDate: string,
  write: (name: string, text: string) => void,
): void {
  const ctx: IcalContext = { siteUrl, activities: new Map(activities.map((a) => [a.id, a])), dataDate }
  const assembler = new FeedAssembler(ctx)
  const keepCancelledSince = addDays(dataDate, -90)
  // A feed is for what is coming: it starts one year back (the app keeps the whole window). Every
  // region's feed repeats the national events, so this halves the site (README › Feeds).
  const since = addDays(dataDate, -FEED_DAYS_BACK)
  for (const [code, cal] of calendars) {
    // A cancellation stays in feeds for 90 days after the event, so subscribers see it.
    const dated = cal.instances.filter((i) => i.start && i.end! >= since && (i.status !== 'cancelled' || i.end! >= keepCancelledSince))
    const place = cal.path.filter((r) => r.code !== '000000').map((r) => r.name)
    const name = cal.region.code === '000000' ? '全国' : cal.region.name
    for (const kind of FEED_KINDS) {
      const path = feedPath(code, kind)
      const meta = {
        name: `科普日历 · ${name}${kind.id === 'all' ? '' : ` · ${kind.label}`}`,
        description: `${place.length ? place.join(' ') : '全国'}的${kind.label}：全国、省、市、县各级科普工作文件安排的活动，附文件依据。来源 ${siteUrl}`,
        url: `${siteUrl}${path}`,
      }
      write(path.replace(/^\/feeds\//, ''), assembler.feed(meta, dated.filter(kind.includes)))
    }
  }
}
