import { formatPeriodZh } from './dates'
import type { DocumentMeta, Instance, InstanceStatus, IsoDate } from './types'

/**
 * What changed between two published datasets, for people who do not subscribe: a school that
 * only checks a page still learns that its county's 科技活动周 moved.
 */
export type ChangeKind = 'new-event' | 'dates-moved' | 'status-changed' | 'cancelled' | 'new-document'

export interface Change {
  /** The data date of the build that made the change. */
  date: IsoDate
  kind: ChangeKind
  /** The region that holds the event, or that issued the document. */
  region: string | null
  title: string
  uid?: string
  year?: number
  before?: { start: string | null; end: string | null; status: InstanceStatus }
  after?: { start: string | null; end: string | null; status: InstanceStatus }
  document?: string
}

export const CHANGE_LABEL: Record<ChangeKind, string> = {
  'new-event': '新活动',
  'dates-moved': '日期变更',
  'status-changed': '状态变更',
  cancelled: '已取消',
  'new-document': '新文件',
}

interface Published {
  instances: Instance[]
  documents: DocumentMeta[]
}

const state = (i: Instance) => ({ start: i.start, end: i.end, status: i.status })

/** The changes from `before` to `after`, in a stable order (region, then title, then UID). */
export function diffDatasets(before: Published, after: Published, date: IsoDate): Change[] {
  const old = new Map(before.instances.map((i) => [`${i.region}|${i.uid}`, i]))
  const out: Change[] = []
  for (const i of after.instances) {
    const was = old.get(`${i.region}|${i.uid}`)
    const base = { date, region: i.region, title: i.title, uid: i.uid, year: i.year }
    if (!was) out.push({ ...base, kind: 'new-event', after: state(i) })
    else if (i.status === 'cancelled' && was.status !== 'cancelled') out.push({ ...base, kind: 'cancelled', before: state(was), after: state(i) })
    else if (was.start !== i.start || was.end !== i.end) out.push({ ...base, kind: 'dates-moved', before: state(was), after: state(i) })
    else if (was.status !== i.status) out.push({ ...base, kind: 'status-changed', before: state(was), after: state(i) })
  }
  const known = new Set(before.documents.map((d) => d.file))
  for (const d of after.documents) {
    if (!known.has(d.file)) out.push({ date, kind: 'new-document', region: d.regionCode, title: d.title || d.file, document: d.file })
  }
  const key = (c: Change) => `${c.region ?? ''}|${c.title}|${c.uid ?? c.document ?? ''}|${c.kind}`
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

/** The log the site keeps: this build's changes first, then earlier ones, at most `keep`. */
export function appendChanges(log: Change[], changes: Change[], keep = 500): Change[] {
  return [...changes, ...log].slice(0, keep)
}

const period = (p?: { start: string | null; end: string | null }) => (p?.start && p.end ? formatPeriodZh(p.start, p.end, true) : '日期待公布')

/** One sentence a person reads: what, where, from when to when. `placeName` gives 河北省 唐山市 for a code. */
export function describeChange(c: Change, placeName: (code: string) => string): string {
  const where = c.region ? placeName(c.region) || '全国' : '地区未定'
  switch (c.kind) {
    case 'dates-moved':
      return `${where}：${c.title}的日期由 ${period(c.before)} 改为 ${period(c.after)}`
    case 'cancelled':
      return `${where}：${c.title}（${period(c.before)}）已取消`
    case 'status-changed':
      return `${where}：${c.title}（${period(c.after)}）${c.after?.status === 'confirmed' ? '日期已确认' : '状态已更新'}`
    case 'new-event':
      return `${where}：新增${c.title}（${period(c.after)}）`
    case 'new-document':
      return `${where}：收录新文件《${c.title}》`
  }
}

