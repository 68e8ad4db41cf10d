import { addDays } from '../../src/domain/dates'
import { COUNTIES_FEED, FEED_KINDS, feedPath, feedSince, withCounties, type FeedKind } from '../../src/domain/feeds'
import type { IcalContext } from '../../src/domain/ical/event'
import { compareInstances } from '../../src/domain/instances'
import type { Activity, Instance, RegionData } from '../../src/domain/types'
import { FeedAssembler } from './assemble'

type Write = (name: string, text: string) => void

/**
 * Writes feeds: feeds/<code>.ics and feeds/<code>-youth.ics for every calendar in `calendars`, and
 * feeds/<code>-counties.ics for every entry of `counties` (a calendar with its counties' own events).
 */
export function writeRegionFeeds(
  calendars: Map<string, RegionData>,
  counties: { cal: RegionData; countiesOwn: Instance[] }[],
  activities: Activity[],
  siteUrl: string,
  dataDate: string,
  write: Write,
): void {
  const ctx: IcalContext = { siteUrl, activities: new Map(activities.map((a) => [a.id, a])), dataDate }
  const assembler = new FeedAssembler(ctx)
  const keepCancelledSince = addDays(dataDate, -90)
  // A feed is for what is coming: it starts one year back (the app keeps the whole window). Every
  // region's feed repeats the national events, so this halves the site (README › Feeds).
  const since = feedSince(dataDate)
  // A cancellation stays in feeds for 90 days after the event, so subscribers see it.
  const inFeeds = (list: Instance[]) => list.filter((i) => i.start && i.end! >= since && (i.status !== 'cancelled' || i.end! >= keepCancelledSince))
  const feed = (cal: RegionData, kind: FeedKind, instances: Instance[]) => {
    const place = cal.path.filter((r) => r.code !== '000000').map((r) => r.name)
    const name = cal.region.code === '000000' ? '全国' : cal.region.name
    const path = feedPath(cal.region.code, kind)
    const meta = {
      name: `科普日历 · ${name}${kind.id === 'all' ? '' : ` · ${kind.label}`}`,
      description: `${place.length ? place.join(' ') : '全国'}的${kind.label}：全国、省、市、县各级科普工作文件安排的活动，附文件依据。来源 ${siteUrl}`,
      url: `${siteUrl}${path}`,
    }
    write(path.replace(/^\/feeds\//, ''), assembler.feed(meta, instances.filter(kind.includes)))
  }
  for (const cal of calendars.values()) {
    const dated = inFeeds(cal.instances)
    for (const kind of FEED_KINDS) feed(cal, kind, dated)
  }
  for (const { cal, countiesOwn } of counties) feed(cal, COUNTIES_FEED, inFeeds(withCounties(cal.instances, countiesOwn).sort(compareInstances)))
}
