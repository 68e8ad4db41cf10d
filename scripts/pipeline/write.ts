import { createHash } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { groupBy } from '../../src/domain/group'
import type { Dataset } from './build'
import { regionCalendars } from './build'
import { writeRegionFeeds } from '../feeds/regionFeeds'
import { summarize } from './summary'

/** What the app reads first: the build's version and where its data lives. */
export interface LatestPointer {
  version: string
  dataDate: string
  window: { from: number; to: number }
  path: string
}

/**
 * Writes the dataset under OUT/data/<version>/ (immutable, so it can be cached for ever) and
 * OUT/data/latest.json (the pointer). <version> is a hash of the content: the same input gives the
 * same bytes and the same folder on any machine, in any time zone. Files are written as they are
 * made (into a staging folder, renamed once the hash is known), so memory stays flat however many
 * regions there are. Feeds go to OUT/feeds/, at stable addresses subscribers keep for years.
 */
export function writeDataset(data: Dataset, out: string): LatestPointer {
  const dataRoot = join(out, 'data')
  const staging = join(dataRoot, '.staging')
  rmSync(dataRoot, { recursive: true, force: true })
  made.clear()
  const hash = createHash('sha256')
  const emit = (name: string, value: unknown) => {
    const body = Buffer.from(`${JSON.stringify(value)}\n`)
    hash.update(name).update(body)
    write(join(staging, name), body)
  }

  const calendars = regionCalendars(data)
  emit('index.json', {
    dataDate: data.dataDate,
    window: { from: data.settings.years[0], to: data.settings.years[data.settings.years.length - 1] },
    siteUrl: data.settings.siteUrl,
    summary: summarize(data),
    activities: data.activities,
    documents: data.documents,
  })
  emit('regions.json', data.regions.all.map((r) => [r.code, r.name, r.level, r.parent]))
  emit('documents.json', { documents: data.documents, mentions: data.mentions, candidates: data.candidates })
  emit('instances.json', data.instances)
  for (const [code, cal] of calendars) emit(`r/${code}.json`, cal)

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

  const version = hash.digest('hex').slice(0, 12)
  renameSync(staging, join(dataRoot, version))
  const window = { from: data.settings.years[0]!, to: data.settings.years[data.settings.years.length - 1]! }
  const pointer: LatestPointer = { version, dataDate: data.dataDate, window, path: `data/${version}/` }
  write(join(dataRoot, 'latest.json'), `${JSON.stringify(pointer)}\n`)

  rmSync(join(out, 'feeds'), { recursive: true, force: true })
  writeRegionFeeds(calendars, data.activities, data.settings.siteUrl, data.dataDate, (name, text) => write(join(out, 'feeds', name), text))
  return pointer
}

const made = new Set<string>()

function write(file: string, body: string | Buffer) {
  const dir = dirname(file)
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true })
    made.add(dir)
  }
  writeFileSync(file, body)
}
