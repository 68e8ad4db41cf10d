import { addDays } from './dates'
import type { Instance, ListedInstance } from './types'

/** How far back a feed reaches from the data date (the app keeps the whole window). */
export const FEED_DAYS_BACK = 365

/** The first day a feed built on `dataDate` reaches back to: an event ending before it is only in the app. */
export function feedSince(dataDate: string): string {
  return addDays(dataDate, -FEED_DAYS_BACK)
}

/** A feed of a region: /feeds/<code><suffix>.ics. */
export interface FeedKind {
  id: 'all' | 'youth' | 'counties'
  suffix: string
  label: string
  includes: (i: Pick<Instance, 'audience'>) => boolean
  /** What the feed holds, for the subscribe page: `place` is the region's name, `counties` how many it has. */
  holds: (place: string, counties: number) => string
}

/** Youth activities only, for schools. */
export const YOUTH_FEED: FeedKind = { id: 'youth', suffix: '-youth', label: '青少年科普活动', includes: (i) => i.audience.includes('youth'), holds: () => '其中面向青少年和学校的活动' }

/** The feeds every region has. */
export const FEED_KINDS: FeedKind[] = [{ id: 'all', suffix: '', label: '全部科普活动', includes: () => true, holds: (place) => `全国、上级地区和${place}自己的活动` }, YOUTH_FEED]

/**
 * A city's (or a municipality's) calendar with its counties' own events as well: for a city 科协
 * or a school that serves the whole city. Only regions whose children are counties have it.
 */
export const COUNTIES_FEED: FeedKind = {
  id: 'counties',
  suffix: '-counties',
  label: '全部科普活动，含下辖区县',
  includes: () => true,
  holds: (place, counties) => `全部活动，另含${place}下辖 ${counties} 个区县自己的活动`,
}

/** The feeds of a region that has `counties` county-level regions directly below it. */
export function feedKindsOf(counties: number): FeedKind[] {
  return counties > 0 ? [...FEED_KINDS, COUNTIES_FEED] : FEED_KINDS
}

export function feedPath(regionCode: string, kind: FeedKind = FEED_KINDS[0]!): string {
  return `/feeds/${regionCode}${kind.suffix}.ics`
}

export function eventPath(slug: string): string {
  return `/e/${slug}`
}

/**
 * A region's calendar with its counties' own events: each event once (a county's view of a
 * national event has the national one's UID; the region's own calendar holds it already).
 */
export function withCounties<T extends { uid: string }>(calendar: T[], countiesOwn: T[]): T[] {
  const seen = new Set(calendar.map((i) => i.uid))
  return [...calendar, ...countiesOwn.filter((i) => !seen.has(i.uid) && seen.add(i.uid))]
}

/**
 * What a feed of this calendar holds now, for the subscribe page to say plainly: the events with
 * dates it carries, and those of the window whose dates are not out yet (they join once they are).
 */
export function feedCounts(instances: ListedInstance[], kind: FeedKind, dataDate: string): { dated: number; undated: number } {
  const since = feedSince(dataDate)
  const year = Number(dataDate.slice(0, 4))
  const live = instances.filter((i) => kind.includes(i) && i.status !== 'cancelled')
  return {
    dated: live.filter((i) => i.start && i.end! >= since).length,
    undated: live.filter((i) => !i.start && i.year >= year).length,
  }
}
