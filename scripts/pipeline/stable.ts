import { createHash } from 'node:crypto'
import { FEED_DAYS_BACK } from '../../src/domain/feeds'
import { DATA_FORMAT } from '../../src/domain/format'
import { groupBy } from '../../src/domain/group'
import type { Dataset } from './build'
import type { Previous } from './output'

/**
 * Raise when the build writes a file differently within the same data format (a field added to
 * r/<code>.json, a feed added): the next build then makes every file again instead of taking
 * the last build's.
 *   2: origin.counties in r/<code>.json, and feeds/<code>-counties.ics.
 */
export const OUTPUT_REVISION = 2

/**
 * Everything a region's calendar and feeds are made of, except the regions' own instances: the
 * data date (DTSTAMP, how long cancellations stay), settings, catalogue and documents, and the
 * shape the files are written in (files of another shape are never taken over).
 */
export function datasetBase(data: Dataset): string {
  const shape = [DATA_FORMAT, OUTPUT_REVISION, FEED_DAYS_BACK]
  return createHash('sha1').update(JSON.stringify([shape, data.dataDate, data.settings, data.activities, data.documents])).digest('base64url')
}

/**
 * The regions whose calendars cannot have changed since `previous`, built on the same base: none
 * of the regions on their path (itself and its ancestors) has other own instances than before.
 * An approved county entry changes that county's own instances only, so every other region's
 * calendar, sources and feeds are taken from the previous build as they are.
 */
export function stableRegions(data: Dataset, previous: Previous): Set<string> {
  const own = (list: Previous['instances']) => new Map([...groupBy(list, (i) => i.region)].map(([code, l]) => [code, JSON.stringify(l)]))
  const before = own(previous.instances)
  const now = own(data.instances)
  const changed = new Set([...before.keys(), ...now.keys()].filter((code) => before.get(code) !== now.get(code)))
  return new Set(data.regions.all.filter((r) => !data.regions.path(r.code).some((up) => changed.has(up.code))).map((r) => r.code))
}
