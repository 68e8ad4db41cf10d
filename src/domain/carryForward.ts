import { groupBy } from './group'
import { nameInYear, projectRule } from './rules'
import type { Activity, Instance, IsoDate, Source } from './types'
import { NATIONAL_CODE } from './types'
import { seriesUid } from './uid'

/** Custom goes stale: a series last held more than this many years before is not carried forward. */
export const CUSTOM_YEARS = 3

export interface CarryInput {
  instances: Instance[]
  activities: Activity[]
  years: number[]
  /** The data's date: editions whose period ended before it are not projected. */
  today: IsoDate
  /** The period an activity has in a year (its notice, its table or its rule), if any. */
  periodOf: (activity: Activity, year: number) => { start: IsoDate; end: IsoDate } | null
}

/**
 * Local series carried forward (往年惯例). A region that held its own dated edition of an
 * activity in the last CUSTOM_YEARS years gets its next edition in the window as a projection:
 * the activity's period that year, no venue, STATUS:TENTATIVE, its basis the past editions and
 * their documents. Evidence is only what the region held itself with a date (a document's, an
 * official one, an organiser's entry): never an undated mention, never another projection. The
 * projection keeps the UID the year's own edition would have, so a document or an entry for that
 * year replaces it; any instance the region already has for that activity and year wins.
 */
export function carryForward({ instances, activities, years, today, periodOf }: CarryInput): Instance[] {
  const byId = new Map(activities.map((a) => [a.id, a]))
  const held = instances.filter((i) => i.region !== NATIONAL_CODE && i.start && i.status !== 'cancelled' && i.basis !== 'rule')
  const taken = new Set(instances.map((i) => `${i.region}|${i.activity}|${i.year}`))
  const out: Instance[] = []
  for (const editions of groupBy(held, (i) => `${i.region}|${i.activity}`).values()) {
    const { region, activity: id } = editions[0]!
    const activity = byId.get(id)
    if (!activity) continue
    const last = Math.max(...editions.map((e) => e.year))
    for (const year of years) {
      if (year <= last || year - last > CUSTOM_YEARS) continue
      const period = periodOf(activity, year)
      if (!period || period.end < today) continue
      if (!taken.has(`${region}|${id}|${year}`)) out.push(projection(activity, region, year, period, editions))
      break
    }
  }
  return out
}

function projection(activity: Activity, region: string, year: number, period: { start: IsoDate; end: IsoDate }, editions: Instance[]): Instance {
  const past = [...editions].sort((a, b) => a.year - b.year)
  const held = [...new Set(past.map((e) => `${e.year}年`))].join('、')
  const custom: Source = {
    type: 'rule',
    text: `往年惯例：本地${held}举办过${nameInYear(activity, past[past.length - 1]!.year)}（见下列文件）；${year}年的日期按活动惯例推算，以当年通知为准`,
  }
  const documents = past.flatMap((e) => e.sources.filter((s) => s.type === 'document' || s.type === 'local'))
  return {
    uid: seriesUid(activity.id, region, year),
    activity: activity.id,
    kind: activity.kind,
    region,
    year,
    title: nameInYear(activity, year),
    start: period.start,
    end: period.end,
    basis: 'rule',
    status: 'tentative',
    sequence: 0,
    audience: activity.audience,
    sources: [custom, ...documents],
    carried: [...new Set(past.map((e) => e.year))],
  }
}

/**
 * An activity's period in a year, from the instances already made: the national instance's
 * (notice, table or rule), or for a series held with another (与全国科技活动周同期) that one's,
 * else its own rule.
 */
export function periodFromNational(instances: Instance[], activities: Activity[]): CarryInput['periodOf'] {
  const national = new Map(instances.filter((i) => i.region === NATIONAL_CODE && i.start).map((i) => [`${i.activity}|${i.year}`, i]))
  const byId = new Map(activities.map((a) => [a.id, a]))
  return (activity, year) => {
    const partner = activity.rule?.type === 'with' ? activity.rule.activity : activity.id
    const own = national.get(`${activity.id}|${year}`) ?? national.get(`${partner}|${year}`)
    if (own?.start && own.end) return { start: own.start, end: own.end }
    const rule = projectRule(activity, year, (id) => byId.get(id))
    return rule ? { start: rule.start, end: rule.end } : null
  }
}
