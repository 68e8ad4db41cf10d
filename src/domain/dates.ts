import type { IsoDate } from './types'

// Calendar dates as strings; arithmetic goes through UTC so the host time zone never matters.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** True when y-m-d is a real calendar day (no 2月30日). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

export function isValidIso(value: string): boolean {
  const m = ISO.exec(value)
  return !!m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function toUtc(date: IsoDate): number {
  const m = ISO.exec(date)
  if (!m) throw new Error(`not an ISO date: ${date}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
}

function fromUtc(ms: number): IsoDate {
  const d = new Date(ms)
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * 86_400_000)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toUtc(date)).getUTCDay()
}

export function monthKey(date: IsoDate): string {
  return date.slice(0, 7)
}

/** Inclusive overlap of two periods. */
export function overlaps(aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate): boolean {
  return aStart <= bEnd && bStart <= aEnd
}

/** Today in China (UTC+8, no DST), from an instant. The app passes Date.now(); the build never calls it. */
export function chinaToday(nowMs: number): IsoDate {
  return fromUtc(Math.floor((nowMs + 8 * 3_600_000) / 86_400_000) * 86_400_000)
}

/** 9月17日 or 9月17日—23日, 2023年 prefixed when `withYear`. */
export function formatPeriodZh(start: IsoDate, end: IsoDate, withYear = false): string {
  const [y1, m1, d1] = start.split('-').map(Number)
  const [y2, m2, d2] = end.split('-').map(Number)
  const head = `${withYear ? `${y1}年` : ''}${m1}月${d1}日`
  if (start === end) return head
  if (y1 !== y2) return `${head}—${y2}年${m2}月${d2}日`
  if (m1 !== m2) return `${head}—${m2}月${d2}日`
  return `${head}—${d2}日`
}

/**
 * The best of the periods a document states for one activity: days over words (9月17日至23日 over
 * 12月下旬), then the longest range (the activity's period, not its main event's two days), else
 * the first single day (a launch).
 */
export function preferredPeriod<T extends { start: string; end: string; tentative?: boolean }>(list: T[]): T | undefined {
  const exact = list.filter((d) => !d.tentative)
  const pool = exact.length ? exact : list
  let best = pool[0]
  for (const d of pool) if (best && daysBetween(d.start, d.end) > daysBetween(best.start, best.end)) best = d
  return best
}

/** Whole days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return (Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86_400_000
}
