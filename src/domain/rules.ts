import { addDays, daysInMonth, isoDate, weekday } from './dates'
import type { Activity, IsoDate, OfficialDate } from './types'

export interface Period {
  start: IsoDate
  end: IsoDate
  /** Certain: set by law or decree (a fixed day) rather than projected. */
  certain: boolean
  authority?: string
}

/** The official entry for a year, if the catalogue has one. */
export function officialFor(activity: Activity, year: number): OfficialDate | undefined {
  return activity.official?.find((o) => o.year === year)
}

/**
 * The period a rule gives for a year, or null when the activity has no rule (its date is then
 * "not yet announced" unless an official or stated date exists). `lookup` resolves `with` rules.
 */
export function projectRule(
  activity: Activity,
  year: number,
  lookup: (id: string) => Activity | undefined,
  depth = 0,
): Period | null {
  const rule = activity.rule
  if (!rule || depth > 3) return null
  if (activity.since && year < activity.since) return null
  switch (rule.type) {
    case 'fixed': {
      const start = isoDate(year, rule.month, rule.day)
      return { start, end: addDays(start, (rule.length ?? 1) - 1), certain: true, authority: rule.authority }
    }
    case 'month': {
      if (rule.from && year < rule.from) return null
      return {
        start: isoDate(year, rule.month, 1),
        end: isoDate(year, rule.month, daysInMonth(year, rule.month)),
        certain: true,
        authority: rule.authority,
      }
    }
    case 'weekday-on-or-after': {
      const from = isoDate(year, rule.month, rule.day)
      const start = addDays(from, (rule.weekday - weekday(from) + 7) % 7)
      return { start, end: addDays(start, rule.length - 1), certain: false }
    }
    case 'with': {
      const other = lookup(rule.activity)
      if (!other) return null
      const official = officialFor(other, year)
      const period = official
        ? { start: official.start, end: official.end }
        : projectRule(other, year, lookup, depth + 1)
      return period ? { start: period.start, end: period.end, certain: false } : null
    }
  }
}

/** The activity's name in a year (全国科普日 became 全国科普月 in 2025). */
export function nameInYear(activity: Activity, year: number): string {
  let name = activity.name
  for (const r of activity.renamed ?? []) if (year >= r.from) name = r.name
  return name
}

/** 第N届 for a numbered series in a year. */
export function editionInYear(activity: Activity, year: number): number | undefined {
  if (!activity.edition) return undefined
  const n = activity.edition.baseEdition + (year - activity.edition.baseYear)
  return n > 0 ? n : undefined
}
