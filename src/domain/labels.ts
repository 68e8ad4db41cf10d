import type { ActivityKind, Audience, Basis, IsoDate, RegionLevel } from './types'

// Chinese labels for the domain's codes, shared by the app and the feeds.

export const KIND_LABEL: Record<ActivityKind, string> = {
  day: '主题日',
  week: '活动周',
  month: '活动月',
  tour: '巡展',
  contest: '竞赛',
  camp: '营地',
  lecture: '讲座',
  campaign: '专项活动',
}

export const AUDIENCE_LABEL: Record<Audience, string> = {
  public: '公众',
  youth: '青少年',
  farmers: '农民',
  elderly: '老年人',
  workers: '产业工人',
  officials: '领导干部',
}

export const BASIS_LABEL: Record<Basis, string> = {
  official: '官方公布',
  document: '文件规定',
  local: '本地发布',
  rule: '按惯例推算',
}

export const LEVEL_LABEL: Record<RegionLevel, string> = {
  national: '全国',
  province: '省级',
  city: '市级',
  county: '县级',
}

/** `16.` → 第16条; `四、（三）` stays as it is. */
export function clauseLabel(clause: string): string {
  const n = /^(\d+)\.$/.exec(clause)
  return n ? `第${n[1]}条` : clause
}

/**
 * How a projected (tentative) date is worded: 预计 while it is ahead; once it has passed with no
 * notice found, 日期未核实 — not a promise about a day that is over.
 */
export function tentativeWording(end: IsoDate | null, today: IsoDate): { badge: string; suffix: string; explain: string } {
  return end && end < today
    ? { badge: '日期未核实', suffix: '（日期未核实，往年惯例推算）', explain: '这是按往年惯例推算的日期，当年的正式通知未收录，实际日期可能不同。' }
    : { badge: '预计', suffix: '（预计）', explain: '按往年惯例推算，以正式通知为准。' }
}

/** 本省 / 本市 / 本县 for a region code (GB/T 2260: xx0000 a province, xxxx00 a city, else a county). */
export function ownLevelWord(code: string): string {
  return code.endsWith('0000') ? '本省' : code.endsWith('00') ? '本市' : '本县'
}
