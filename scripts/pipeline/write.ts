import { createHash } from 'node:crypto'
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { publishedCalendar } from '../../src/domain/calendar'
import { appendChanges, diffDatasets } from '../../src/domain/changes'
import { COUNTIES_FEED, FEED_KINDS } from '../../src/domain/feeds'
import { DATA_FORMAT } from '../../src/domain/format'
import { NATIONAL_CODE } from '../../src/domain/types'
import { groupBy } from '../../src/domain/group'
import { countyParents } from '../../src/domain/regions'
import { changesFeeds } from '../feeds/changesAtom'
import type { Dataset } from './build'
import { FolderWriter } from './folderWriter'
import { datasetBase, stableRegions } from './stable'
import { regionCalendars } from './build'
import { writeRegionFeeds } from '../feeds/regionFeeds'
import type { LatestPointer, Previous } from './output'
import { summarize } from './summary'

/**
 * Writes the dataset under OUT/data/<version>/ (immutable, so it can be cached for ever) and
 * OUT/data/latest.json (the pointer). <version> is a hash of the content: the same input gives the
 * same bytes and the same folder on any machine, in any time zone. Files are written as they are
 * made (into a staging folder, renamed once the hash is known), so memory stays flat however many
 * regions there are; a file the previous build already wrote is linked from it (folderWriter.ts).
 * Feeds go to OUT/feeds/, at stable addresses subscribers keep for years.
 */
export function writeDataset(data: Dataset, out: string, previous: Previous | null): LatestPointer & { changes: number; first: boolean } {
  const dataRoot = join(out, 'data')
  const staging = join(dataRoot, '.staging')
  // The previous published version (read by the caller, see output.ts) stays until the next build:
  // a copy of the app that is still open keeps reading its own data.
  rmSync(staging, { recursive: true, force: true })
  const files = new FolderWriter(staging, previous ? join(dataRoot, previous.version) : null)
  const hash = createHash('sha256')
  // The version is a hash of every file's name and hash, whether written or taken from the last build.
  const emit = (name: string, value: unknown) => void hash.update(name).update(files.put(name, Buffer.from(`${JSON.stringify(value)}\n`)))
  const reuse = (name: string) => {
    const sum = files.reuse(name)
    if (sum) hash.update(name).update(sum)
    return !!sum
  }
  // Built on the same documents, catalogue and data date as the last build: the regions whose
  // calendars did not change are taken from it without being made again (stable.ts).
  const base = datasetBase(data)
  const stable = previous && files.recorded('base') === base ? stableRegions(data, previous) : new Set<string>()

  const calendars = regionCalendars(data)
  const summary = summarize(data)
  emit('index.json', {
    dataDate: data.dataDate,
    window: { from: data.settings.years[0], to: data.settings.years[data.settings.years.length - 1] },
    siteUrl: data.settings.siteUrl,
    summary,
    activities: data.activities,
    documents: data.documents,
  })
  emit('regions.json', data.regions.all.map((r) => [r.code, r.name, r.level, r.parent]))
  emit('documents.json', { documents: data.documents, mentions: data.mentions, candidates: data.candidates })
  emit('instances.json', data.instances)
  // The national calendar, every first visit's screen, says how regional the whole calendar is:
  // it changes with any region, so it is always made anew.
  const { coverage: c } = summary
  const coverage = { regions: c.regions, provinces: c.provinces, documents: c.documents, current: c.current, thisYear: c.thisYear }
  // Each region's own events, once: the app makes a calendar from the files of its path
  // (composeCalendar), so the national events are not copied into every region's file. Sources
  // only for regions that have events of their own.
  const own = groupBy(data.instances, (i) => i.region)
  const countiesOf = countyParents(data.regions)
  for (const [code, cal] of calendars) {
    const national = code === NATIONAL_CODE
    const mine = own.get(code) ?? []
    if (!national && stable.has(code) && reuse(`r/${code}.json`) && (mine.length === 0 || reuse(`s/${code}.json`))) continue
    const counties = countiesOf.get(code)?.length
    const { listed, sources } = publishedCalendar({ ...cal, instances: mine }, { ...(national ? { coverage } : {}), ...(counties ? { counties } : {}) })
    emit(`r/${code}.json`, listed)
    if (mine.length) emit(`s/${code}.json`, sources)
  }

  // Each activity's instances in every region, for "other regions" on the event page.
  const byActivity = groupBy(data.instances, (i) => i.activity)
  for (const a of data.activities) {
    const list = byActivity.get(a.id) ?? []
    emit(`a/${a.id}.json`, list.map((i) => ({ uid: i.uid, region: i.region, regionName: data.regions.get(i.region)?.name ?? i.region, year: i.year, title: i.title, start: i.start, end: i.end })))
  }

  // Sub-regions' own entries, for a city or province view that asks for them.
  const local = data.instances.filter((i) => i.basis === 'local')
  const ancestry = local.flatMap((i) => data.regions.path(i.region).filter((up) => up.code !== i.region).map((up) => ({ up: up.code, i })))
  const below = groupBy(ancestry, (a) => a.up)
  for (const region of data.regions.all) if (region.level !== 'county') emit(`sub/${region.code}.json`, (below.get(region.code) ?? []).map((a) => a.i))

  const changes = previous ? diffDatasets(previous, data, data.dataDate) : []
  const log = appendChanges(previous?.log ?? [], changes)
  emit('changes.json', { first: !previous, log })

  files.finish({ base })
  const version = hash.digest('hex').slice(0, 12)
  rmSync(join(dataRoot, version), { recursive: true, force: true })
  renameSync(staging, join(dataRoot, version))
  // Only dataset folders this pipeline made (a 12-hex-digit name) are removed, and never the previous.
  for (const name of readdirSync(dataRoot)) {
    if (/^[0-9a-f]{12}$/.test(name) && name !== version && name !== previous?.version) rmSync(join(dataRoot, name), { recursive: true, force: true })
  }
  const window = { from: data.settings.years[0]!, to: data.settings.years[data.settings.years.length - 1]! }
  const pointer: LatestPointer = { version, format: DATA_FORMAT, dataDate: data.dataDate, window, path: `data/${version}/` }
  // The pointer is what readers follow: replaced in one rename, never seen half-written.
  writeFileSync(join(dataRoot, '.latest.json.next'), `${JSON.stringify(pointer)}\n`)
  renameSync(join(dataRoot, '.latest.json.next'), join(dataRoot, 'latest.json'))

  // Feeds are written beside the live folder and swapped in: readers never see half of them.
  const feeds = join(out, 'feeds')
  const next = join(out, '.feeds-next')
  rmSync(next, { recursive: true, force: true })
  const feedFiles = new FolderWriter(next, existsSync(feeds) ? feeds : null)
  // Feeds are taken from the live folder only when it was made for the dataset this build follows:
  // a publish cut off between the pointer and the feeds left feeds of the version before it, and
  // its regions must be made again, not trusted (every region, since which changed is not known).
  const sameFeeds = feedFiles.recorded('base') === base && feedFiles.recorded('version') === previous?.version
  const kept = (code: string) => sameFeeds && stable.has(code)
  const remade = new Map([...calendars].filter(([code]) => !(kept(code) && FEED_KINDS.every((k) => feedFiles.reuse(`${code}${k.suffix}.ics`)))))
  // A city's feed with its counties changes with any of them too.
  const remadeCounties = [...countiesOf]
    .filter(([code, kids]) => !(kept(code) && kids.every((k) => kept(k.code)) && feedFiles.reuse(`${code}${COUNTIES_FEED.suffix}.ics`)))
    .map(([code, kids]) => ({ cal: calendars.get(code)!, countiesOwn: kids.flatMap((k) => own.get(k.code) ?? []) }))
  writeRegionFeeds(remade, remadeCounties, data.activities, data.settings.siteUrl, data.dataDate, (name, text) => void feedFiles.put(name, text))
  for (const [name, text] of changesFeeds(log, data.regions, data.settings.siteUrl, data.dataDate)) feedFiles.put(name, text)
  feedFiles.finish({ base, version })
  const old = join(out, '.feeds-old')
  rmSync(old, { recursive: true, force: true })
  if (existsSync(feeds)) renameSync(feeds, old)
  renameSync(next, feeds)
  rmSync(old, { recursive: true, force: true })
  return { ...pointer, changes: changes.length, first: !previous }
}
