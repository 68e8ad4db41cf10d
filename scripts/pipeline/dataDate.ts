import type { Activity, DocumentMeta, Instance, IsoDate } from '../../src/domain/types'

/**
 * The date of the data: the newest date among the inputs — documents' dates issued, the
 * catalogue's sources' publication dates, organisers' `updated`. A change to any input moves it;
 * the same inputs give the same date (no clock). Dates after the window's last year are typos,
 * not news, and are left out. With no dated input at all, the first day of the window.
 */
export function deriveDataDate(input: { documents: DocumentMeta[]; activities: Activity[]; local: Instance[]; years: number[] }): IsoDate {
  const last = `${input.years[input.years.length - 1]}-12-31`
  const dates = [
    ...input.documents.map((d) => d.issued),
    ...input.activities.flatMap((a) => (a.official ?? []).map((o) => o.published)),
    ...input.local.map((i) => i.local?.updated),
  ].filter((d): d is IsoDate => !!d && d <= last)
  return dates.reduce((a, b) => (b > a ? b : a), `${input.years[0]}-01-01`)
}
