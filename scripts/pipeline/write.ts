import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Dataset } from './build'
import { regionCalendars } from './build'
import { regionFeeds } from '../feeds/regionFeeds'
import { summarize } from './summary'

/** What the app reads first: the build's version and where its data lives. */
export interface LatestPointer {
  version: string
  dataDate: string
  path: string
}

/**
 * Writes the dataset under OUT/data/<version>/ (immutable, so it can be cached for ever) and
 * OUT/data/latest.json (the pointer). <version> is a hash of the content: the same input gives the
 * same bytes and the same folder on any machine, in any time zone. Feeds go to OUT/feeds/, at
 * stable addresses that subscribers keep for years.
 */
export function writeDataset(data: Dataset, out: string): LatestPointer {
  const files = new Map<string, string>()
  const calendars = regionCalendars(data)
  for (const [code, cal] of calendars) files.set(`r/${code}.json`, json(cal))
  files.set(
    'regions.json',
    json(data.regions.all.map((r) => [r.code, r.name, r.level, r.parent])),
  )
  files.set('documents.json', json({ documents: data.documents, mentions: data.mentions, candidates: data.candidates }))
  files.set('instances.json', json(data.instances))
  // Each activity's instances in every region, for "other regions" on the event page.
  const byActivity = new Map<string, unknown[]>()
  for (const i of data.instances) {
    const list = byActivity.get(i.activity) ?? []
    list.push({ uid: i.uid, region: i.region, regionName: data.regions.get(i.region)?.name ?? i.region, year: i.year, title: i.title, start: i.start, end: i.end })
    byActivity.set(i.activity, list)
  }
  for (const a of data.activities) files.set(`a/${a.id}.json`, json(byActivity.get(a.id) ?? []))
  // Sub-regions' own entries, for a city or province view that asks for them.
  const local = data.instances.filter((i) => i.basis === 'local')
  for (const region of data.regions.all) {
    if (region.level === 'county') continue
    const below = new Set(data.regions.descendants(region.code).map((r) => r.code))
    files.set(`sub/${region.code}.json`, json(local.filter((i) => below.has(i.region))))
  }
  files.set(
    'index.json',
    json({
      dataDate: data.settings.dataDate,
      window: { from: data.settings.years[0], to: data.settings.years[data.settings.years.length - 1] },
      siteUrl: data.settings.siteUrl,
      summary: summarize(data),
      activities: data.activities,
      documents: data.documents,
    }),
  )
  const hash = createHash('sha256')
  for (const [name, body] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(name).update(body)
  const version = hash.digest('hex').slice(0, 12)

  const dataRoot = join(out, 'data')
  rmSync(dataRoot, { recursive: true, force: true })
  for (const [name, body] of files) write(join(dataRoot, version, name), body)
  const pointer: LatestPointer = { version, dataDate: data.settings.dataDate, path: `data/${version}/` }
  write(join(dataRoot, 'latest.json'), json(pointer))
  const feeds = regionFeeds(calendars, data.activities, data.settings.siteUrl, data.settings.dataDate)
  rmSync(join(out, 'feeds'), { recursive: true, force: true })
  for (const [name, body] of feeds) write(join(out, 'feeds', name), body)
  return pointer
}

function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`
}

function write(file: string, body: string) {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, body)
}
