import { addDays, overlaps } from '../dates'
import type { Activity, ListedInstance } from '../types'
import type { FieldProblem, LocalEntry } from './schema'

export interface EntryContext {
  activities: Map<string, Activity>
  regionExists: (code: string) => boolean
  years: number[]
  /** The folder the file sits in (seeds/local/<code>/), when checking a file. */
  folder?: string
  /** The activity's instances in the region's calendar (national, provincial …), for the period check. */
  calendar?: ListedInstance[]
  /** The build's data date: entries long past are suspicious. */
  dataDate: string
}

/** Rules that need the catalogue and the region list. Errors stop the build; warnings do not. */
export function checkEntryContext(e: LocalEntry, ctx: EntryContext): { errors: FieldProblem[]; warnings: FieldProblem[] } {
  const errors: FieldProblem[] = []
  const warnings: FieldProblem[] = []
  const activity = ctx.activities.get(e.activity)
  if (!activity) errors.push({ field: 'activity', message: `活动目录中没有 ${e.activity}；请从 seeds/catalog.yaml 中选择 id (unknown activity: pick an id from the catalogue)` })
  if (!ctx.regionExists(e.region)) errors.push({ field: 'region', message: `没有地区代码 ${e.region}；请核对 6 位行政区划代码 (unknown region code)` })
  if (ctx.folder !== undefined && ctx.folder !== e.region)
    errors.push({ field: 'region', message: `文件在 seeds/local/${ctx.folder}/ 下，只能发布地区 ${ctx.folder} 的活动，这里写的是 ${e.region}；请移到 seeds/local/${e.region}/ 或改正代码 (a file may only publish for its folder's region)` })
  const year = Number(e.start.slice(0, 4))
  if (!ctx.years.includes(year))
    errors.push({ field: 'start', message: `${year} 年不在日历范围 ${ctx.years[0]}—${ctx.years[ctx.years.length - 1]} 年内 (outside the calendar's years)` })
  if (activity && ctx.calendar) {
    const same = ctx.calendar.filter((i) => i.activity === activity.id && i.year === year && i.start && i.end && i.basis !== 'local')
    if (same.length && !same.some((i) => overlaps(e.start, e.end, i.start!, i.end!))) {
      const p = same[0]!
      warnings.push({ field: 'start', message: `日期不在${activity.name} ${year} 年的活动期 ${p.start}—${p.end} 内，请确认 (dates are outside the activity's period for that year)` })
    }
  }
  if (e.end < addDays(ctx.dataDate, -180)) warnings.push({ field: 'end', message: `活动已结束半年以上（${e.end}），请确认日期 (the entry ended long ago)` })
  return { errors, warnings }
}
