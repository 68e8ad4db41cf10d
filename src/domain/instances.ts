import { preferredPeriod } from './dates'
import { groupBy } from './group'
import { editionInYear, nameInYear, officialFor, projectRule, type Period } from './rules'
import type { Activity, Basis, DocumentMeta, Instance, InstanceStatus, Mention, Source } from './types'
import { NATIONAL_CODE } from './types'
import { noticeDates, type NoticeDate } from './notices'
import { documentSource, uniqueSources } from './sources'
import { seriesUid } from './uid'

export interface ExpandInput {
  activities: Activity[]
  documents: DocumentMeta[]
  mentions: Mention[]
  years: number[]
  /** The national notices' dates, when the caller has them already (noticeDates). */
  notices?: NoticeDate[]
}

interface Dated {
  start: string | null
  end: string | null
  basis: Basis | null
  status: InstanceStatus
  sequence: number
  sources: Source[]
}

/**
 * Instances per region and year, each in the region that holds it:
 * - national activities with a date (a national notice, the catalogue's table, or a rule) get
 *   one national instance a year; a notice that states the year's dates wins over the table;
 * - a document's mention gives its issuer region an instance for the plan year: with the dates
 *   the document states (basis `document`), else a view of the series' instance (same UID,
 *   the document's clause added to its sources), else "date not yet announced";
 * - a regional series with a rule is projected (tentative) into the later years of the window.
 * A region's calendar adds its ancestors' instances (see calendar.ts).
 */
export function expandInstances({ activities, documents, mentions, years, notices: given }: ExpandInput): Instance[] {
  const byId = new Map(activities.map((a) => [a.id, a]))
  const notices = new Map((given ?? noticeDates(documents, mentions, activities)).map((n) => [`${n.activity}|${n.year}`, n]))
  const lookup = (id: string) => byId.get(id)
  const datedFor = (activity: Activity, year: number, look = lookup): Dated => {
    const notice = notices.get(`${activity.id}|${year}`)
    return notice ? fromNotice(activity, notice) : fromTable(activity, year, look)
  }
  const out = new Map<string, Instance>()
  const put = (i: Instance) => {
    const key = `${i.region}|${i.uid}`
    const prev = out.get(key)
    out.set(key, prev ? mergeSameRegion(prev, i) : i)
  }

  for (const activity of activities) {
    if (activity.owner !== 'national') continue
    for (const year of years) {
      const dated = datedFor(activity, year, lookup)
      if (dated.start) put(instance(activity, NATIONAL_CODE, NATIONAL_CODE, year, dated))
    }
  }

  const docs = new Map(documents.map((d) => [d.id, d]))
  const groups = groupBy(mentions, (m) => `${m.document}|${m.activity}`)
  for (const list of groups.values()) {
    const first = list[0]!
    const doc = docs.get(first.document)
    const activity = byId.get(first.activity)
    if (!doc?.regionCode || !doc.year || !activity) continue
    const region = doc.regionCode
    const year = doc.year
    const docSources = list.map((m) => documentSource(doc, m))
    // A national notice's dates for a national activity are that year's official dates (above).
    const notice = region === NATIONAL_CODE && activity.owner === 'national' && notices.has(`${activity.id}|${year}`)
    const stated = notice ? undefined : preferredPeriod(list.flatMap((m) => (m.stated ? [m.stated] : [])))
    const owner = activity.owner === 'national' ? NATIONAL_CODE : activity.owner === 'issuer' ? region : activity.owner
    const edition = list.find((m) => m.edition !== undefined)?.edition
    if (stated) {
      put(
        instance(activity, region, region, year, {
          start: stated.start,
          end: stated.end,
          basis: 'document',
          status: stated.tentative ? 'tentative' : 'confirmed',
          sequence: 1,
          sources: docSources,
        }, edition),
      )
      continue
    }
    const joint = jointWithOfficial(activity, list, year, lookup)
    const dated = joint ?? datedFor(activity, year, lookup)
    put(instance(activity, owner, region, year, { ...dated, sources: [...docSources, ...dated.sources] }, edition))
    // A regional series with a rule recurs: project it into the window's later years.
    if (owner !== NATIONAL_CODE && activity.rule) {
      for (const later of years.filter((y) => y > year)) {
        const projected = datedFor(activity, later, lookup)
        if (projected.start) put(instance(activity, owner, owner, later, projected))
      }
    }
  }
  return [...out.values()].sort(compareInstances)
}

/** The notice's dates; SEQUENCE one above the table's when they moved the table's dates. */
function fromNotice(activity: Activity, n: NoticeDate): Dated {
  const table = officialFor(activity, n.year)
  const moved = !!table && (table.start !== n.start || table.end !== n.end)
  return {
    start: n.start,
    end: n.end,
    basis: 'official',
    status: n.tentative ? 'tentative' : 'confirmed',
    sequence: 1 + (table?.revision ?? 0) + (moved ? 1 : 0),
    sources: n.sources,
  }
}

function fromTable(activity: Activity, year: number, lookup: (id: string) => Activity | undefined): Dated {
  const official = officialFor(activity, year)
  if (official) {
    return {
      start: official.start,
      end: official.end,
      basis: 'official',
      status: 'confirmed',
      sequence: 1 + (official.revision ?? 0),
      sources: [{ type: 'official', text: official.source, ...(official.note ? { note: official.note } : {}) }],
    }
  }
  const period = projectRule(activity, year, lookup)
  if (period) return fromRule(activity, period)
  return { start: null, end: null, basis: null, status: 'undated', sequence: 0, sources: [] }
}

function fromRule(activity: Activity, period: Period): Dated {
  // A day fixed by law or decree is as good as an official date; other rules only project.
  if (period.certain) {
    return {
      start: period.start,
      end: period.end,
      basis: 'official',
      status: 'confirmed',
      sequence: 1,
      sources: [{ type: 'official', text: period.authority ?? activity.ruleText ?? '' }],
    }
  }
  return {
    start: period.start,
    end: period.end,
    basis: 'rule',
    status: 'tentative',
    sequence: 0,
    sources: [{ type: 'rule', text: activity.ruleText ?? '按往年惯例推算' }],
  }
}

/**
 * 全国科普日暨吉林省科普周: when the document names the activity together with the one its rule
 * ties it to, and that one has an official date this year, the date is official too.
 */
function jointWithOfficial(
  activity: Activity,
  list: Mention[],
  year: number,
  lookup: (id: string) => Activity | undefined,
): Dated | null {
  if (activity.rule?.type !== 'with') return null
  const partner = lookup(activity.rule.activity)
  if (!partner) return null
  const together = list.some((m) => partner.aliases.some((a) => m.quote.includes(a)))
  const official = officialFor(partner, year)
  if (!together || !official) return null
  return {
    start: official.start,
    end: official.end,
    basis: 'official',
    status: 'confirmed',
    sequence: 1 + (official.revision ?? 0),
    sources: [{ type: 'official', text: `与${nameInYear(partner, year)}同期：${official.source}` }],
  }
}

function instance(activity: Activity, owner: string, region: string, year: number, d: Dated, edition?: number): Instance {
  const n = edition ?? editionInYear(activity, year)
  return {
    uid: seriesUid(activity.id, owner, year),
    activity: activity.id,
    kind: activity.kind,
    region,
    year,
    title: `${n ? `第${n}届` : ''}${nameInYear(activity, year)}`,
    start: d.start,
    end: d.end,
    basis: d.basis,
    status: d.status,
    sequence: d.sequence,
    audience: activity.audience,
    ...(n ? { edition: n } : {}),
    sources: d.sources,
  }
}

function mergeSameRegion(a: Instance, b: Instance): Instance {
  return { ...a, sources: uniqueSources([...a.sources, ...b.sources]) }
}

/** Dated first by start, undated after; ties by title then UID, so output order is stable. */
export function compareInstances(a: Pick<Instance, 'start' | 'title' | 'uid' | 'region'>, b: Pick<Instance, 'start' | 'title' | 'uid' | 'region'>): number {
  if (a.start !== b.start) {
    if (a.start === null) return 1
    if (b.start === null) return -1
    return a.start < b.start ? -1 : 1
  }
  // Code-point order, not locale collation: the same on every machine.
  for (const k of ['title', 'uid', 'region'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1
  return 0
}
