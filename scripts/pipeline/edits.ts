import type { Instance } from '../../src/domain/types'
import type { Problem } from '../problems'

/**
 * An organiser's entry whose dates, times, place or status changed since the last published build
 * while its `revision` stayed the same: subscribers' calendars would keep the old event (same
 * SEQUENCE, same DTSTAMP). The build refuses it and says what to do.
 */
export function unbumpedEdits(before: Instance[], after: Instance[]): Problem[] {
  const old = new Map(before.filter((i) => i.basis === 'local').map((i) => [i.uid, i]))
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const i of after) {
    const was = old.get(i.uid)
    if (i.basis !== 'local' || !was || i.sequence !== was.sequence) continue
    const what = changed(was, i)
    const file = i.sources.find((s) => s.type === 'local')
    const name = file?.type === 'local' ? file.file : i.uid
    if (!what.length || seen.has(name)) continue
    seen.add(name)
    problems.push({
      file: name,
      field: 'revision',
      message: `修改了${what.join('、')}，请把 revision 加 1（现在是 ${i.sequence}），订阅者的日历才会更新 (${what.length > 1 ? 'these fields' : 'this field'} changed since the last build: raise revision by one so subscribers' calendars update)`,
    })
  }
  return problems
}

function changed(a: Instance, b: Instance): string[] {
  const out: string[] = []
  if (a.start !== b.start || a.end !== b.end) out.push('日期')
  if (a.local?.startTime !== b.local?.startTime || a.local?.endTime !== b.local?.endTime) out.push('时间')
  if (a.local?.venue !== b.local?.venue || a.local?.address !== b.local?.address) out.push('地点')
  if (a.status !== b.status) out.push('状态')
  return out
}
