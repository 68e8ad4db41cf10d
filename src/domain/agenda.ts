import { addDays, daysInMonth, isoDate, monthKey, overlaps, weekday } from './dates'
import type { Activity, ActivityKind, Audience, ListedInstance, IsoDate } from './types'

export interface Filters {
  kinds: ActivityKind[]
  audience: Audience | ''
  ownOnly: boolean
  query: string
}

/** `activities` (the catalogue, once loaded) lets a search find an event by its activity's aliases too. */
export function filterInstances(list: ListedInstance[], f: Filters, regionCode: string, activities?: Map<string, Activity>): ListedInstance[] {
  const q = f.query.trim()
  return list.filter((i) => {
    if (f.ownOnly && i.region !== regionCode) return false
    if (f.audience && !i.audience.includes(f.audience)) return false
    if (f.kinds.length && !f.kinds.includes(i.kind)) return false
    if (q && !i.title.includes(q) && !(activities?.get(i.activity)?.aliases ?? []).some((a) => a.includes(q))) return false
    return true
  })
}

export interface MonthGroup {
  month: string
  items: ListedInstance[]
}

export interface Agenda {
  /** Under way today. */
  ongoing: ListedInstance[]
  /** The main list, by month: what comes next, or a whole past or future year. */
  months: MonthGroup[]
  /** Ended earlier in the current year (only when the current year is shown). */
  past: MonthGroup[]
  /** This year's activities whose dates are not announced yet. */
  undated: ListedInstance[]
}

/**
 * Now and next. With no year: what is on today, then everything after it. With the current year:
 * the same, and the year's ended events apart. With another year: that whole year by month.
 * Undated items of the year shown come last.
 */
export function buildAgenda(list: ListedInstance[], today: IsoDate, year: number | null): Agenda {
  const thisYear = Number(today.slice(0, 4))
  const shownYear = year ?? thisYear
  const dated = list.filter((i) => i.start && i.end && (year === null || i.year === year))
  const undated = list.filter((i) => !i.start && i.year === shownYear)
  if (year !== null && year !== thisYear) return { ongoing: [], months: byMonth(dated), past: [], undated }
  return {
    ongoing: dated.filter((i) => i.start! <= today && today <= i.end!),
    months: byMonth(dated.filter((i) => i.start! > today)),
    past: year === null ? [] : byMonth(dated.filter((i) => i.end! < today)),
    undated,
  }
}

function byMonth(list: ListedInstance[]): MonthGroup[] {
  const groups = new Map<string, ListedInstance[]>()
  for (const i of list) {
    const key = monthKey(i.start!)
    const group = groups.get(key)
    if (group) group.push(i)
    else groups.set(key, [i])
  }
  return [...groups].map(([month, items]) => ({ month, items }))
}

export interface GridDay {
  date: IsoDate
  inMonth: boolean
  events: ListedInstance[]
}

/** Weeks of a month, Monday first (as Chinese calendars print them), with each day's events. */
export function monthGrid(year: number, month: number, list: ListedInstance[]): GridDay[][] {
  const first = isoDate(year, month, 1)
  const last = isoDate(year, month, daysInMonth(year, month))
  const start = addDays(first, -((weekday(first) + 6) % 7))
  const inRange = list.filter((i) => i.start && i.end && overlaps(i.start, i.end, start, addDays(last, 7)))
  const weeks: GridDay[][] = []
  for (let day = start; day <= last || weeks.length === 0; ) {
    const week: GridDay[] = []
    for (let d = 0; d < 7; d++) {
      week.push({ date: day, inMonth: day >= first && day <= last, events: inRange.filter((i) => i.start! <= day && day <= i.end!) })
      day = addDays(day, 1)
    }
    weeks.push(week)
  }
  return weeks
}

export interface AgendaSection {
  id: string
  title: string
  note?: string
  items: ListedInstance[]
  /** Ended events: folded away until asked for. */
  folded?: boolean
}

const monthTitle = (key: string) => `${Number(key.slice(0, 4))}年${Number(key.slice(5, 7))}月`

/** The agenda as titled sections in reading order. */
export function agendaSections(a: Agenda): AgendaSection[] {
  return [
    ...(a.ongoing.length ? [{ id: 'ongoing', title: '正在进行', items: a.ongoing }] : []),
    ...a.months.map((g) => ({ id: `m-${g.month}`, title: monthTitle(g.month), items: g.items })),
    ...(a.undated.length ? [{ id: 'undated', title: '日期待公布', note: '这些活动已列入工作安排，具体日期尚未公布或需关注当地通知。', items: a.undated }] : []),
    ...a.past.map((g) => ({ id: `p-${g.month}`, title: `${monthTitle(g.month)}（已结束）`, items: g.items, folded: true })),
  ]
}

/**
 * The first `limit` events, section by section: a region with thousands of events shows its
 * first screen at once and renders the rest as the person scrolls.
 */
export function firstEvents(sections: AgendaSection[], limit: number): { sections: AgendaSection[]; hidden: number } {
  let left = limit
  let hidden = 0
  const out: AgendaSection[] = []
  for (const s of sections) {
    const take = Math.max(0, Math.min(left, s.items.length))
    hidden += s.items.length - take
    left -= take
    if (take) out.push(take === s.items.length ? s : { ...s, items: s.items.slice(0, take) })
  }
  return { sections: out, hidden }
}

/**
 * What a small list (the embeddable widget) shows: the next `limit` dated events that have not
 * ended, for one audience if asked, cancelled ones left out. Under way today comes first.
 */
export function nextEvents<T extends ListedInstance>(list: T[], today: IsoDate, opts: { audience?: Audience | null; limit: number }): T[] {
  return list
    .filter((i) => i.start && i.end && i.end >= today && i.status !== 'cancelled' && (!opts.audience || i.audience.includes(opts.audience)))
    .sort((a, b) => (a.start! < b.start! ? -1 : a.start! > b.start! ? 1 : a.title.localeCompare(b.title, 'zh')))
    .slice(0, Math.max(0, opts.limit))
}
