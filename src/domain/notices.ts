import { preferredPeriod } from './dates'
import { groupBy } from './group'
import { documentSource } from './sources'
import { officialFor } from './rules'
import type { Activity, DocumentMeta, Mention, Source } from './types'
import { NATIONAL_CODE } from './types'

/** The dates a national body's yearly notice fixes for a national activity (科技部等关于举办2024年全国科技活动周的通知). */
export interface NoticeDate {
  activity: string
  year: number
  start: string
  end: string
  tentative: boolean
  document: string
  sources: Source[]
}

/**
 * National notices are documents like any other; what they state for the national activities
 * they announce, that year, is that year's official date. The first notice (by file) wins when
 * two state the same activity and year.
 */
export function noticeDates(documents: DocumentMeta[], mentions: Mention[], activities: Activity[]): NoticeDate[] {
  const national = new Map(documents.filter((d) => d.regionCode === NATIONAL_CODE && d.year).map((d) => [d.id, d]))
  const byId = new Map(activities.map((a) => [a.id, a]))
  const out = new Map<string, NoticeDate>()
  for (const list of groupBy(mentions, (m) => `${m.document}|${m.activity}`).values()) {
    const doc = national.get(list[0]!.document)
    const activity = byId.get(list[0]!.activity)
    if (!doc || activity?.owner !== 'national') continue
    const stated = preferredPeriod(list.flatMap((m) => (m.stated && m.stated.start.startsWith(String(doc.year)) ? [m.stated] : [])))
    const key = `${activity.id}|${doc.year}`
    if (!stated || out.has(key)) continue
    out.set(key, {
      activity: activity.id,
      year: doc.year!,
      start: stated.start,
      end: stated.end,
      tentative: !!stated.tentative,
      document: doc.id,
      sources: list.filter((m) => m.stated).map((m) => documentSource(doc, m)),
    })
  }
  return [...out.values()]
}

/** Where a notice and the catalogue's table disagree: the notice wins, and the build says so. */
export function noticeConflicts(notices: NoticeDate[], activities: Activity[]): { notice: NoticeDate; table: { start: string; end: string; source: string } }[] {
  const byId = new Map(activities.map((a) => [a.id, a]))
  return notices.flatMap((n) => {
    const table = officialFor(byId.get(n.activity)!, n.year)
    return table && (table.start !== n.start || table.end !== n.end) ? [{ notice: n, table: { start: table.start, end: table.end, source: table.source } }] : []
  })
}
