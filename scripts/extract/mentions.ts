import type { Activity } from '../../src/domain/types'
import { Intervals } from './intervals'
import { parseNumeral } from './numerals'

export interface Hit {
  start: number
  end: number
  activity: Activity
  matched: string
  edition?: number
}

/** One compiled matcher per catalogue: every alias and pattern of every activity. */
export class ActivityMatcher {
  private readonly rules: { activity: Activity; re: RegExp }[]

  constructor(activities: Activity[]) {
    this.rules = activities.map((activity) => {
      const alts = [
        ...activity.aliases.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
        ...(activity.patterns ?? []),
      ]
      // Longest alternatives first, so a regex alternation prefers 全国科普日 over 科普日.
      alts.sort((a, b) => b.length - a.length)
      return { activity, re: new RegExp(alts.join('|'), 'g') }
    })
  }

  /**
   * Every activity named in `text`, outside book titles (《全国中学生五项学科竞赛管理条例》 names a
   * regulation, not the contest) other than the notice or plan the text passes on. Where names
   * overlap the longest wins: 全国科普日 is not also a bare 科普日, and 全国科普日暨吉林省科普周
   * gives two hits side by side.
   */
  find(text: string): Hit[] {
    const titles = bookTitleSpans(text).filter(([s, e]) => !passedOn(text, s, e))
    const all: Hit[] = []
    for (const { activity, re } of this.rules) {
      re.lastIndex = 0
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++
          continue
        }
        all.push({ start: m.index, end: m.index + m[0].length, activity, matched: m[0] })
      }
    }
    all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
    const inTitle = new Intervals(titles.map(([s, e]) => [s, e, e] as const))
    const kept: Hit[] = []
    // Hits come by start, so a kept hit that ends before this one starts can never overlap a later
    // one: only the few still open are compared, which keeps a 20 MB document linear.
    let open: Hit[] = []
    for (const hit of all) {
      const titleEnd = inTitle.at(hit.start)
      if (titleEnd !== undefined && hit.end <= titleEnd) continue
      open = open.filter((k) => k.end > hit.start)
      if (open.some((k) => k.end - k.start >= hit.end - hit.start)) continue
      const found = withEdition(text, hit)
      open.push(found)
      kept.push(found)
    }
    return kept
  }
}

const EDITION_BEFORE = /第(\d{1,3}|[一二三四五六七八九十百]{1,5})届$/

/** 第38届青海省青少年科技创新大赛: the edition belongs to the hit. */
function withEdition(text: string, hit: Hit): Hit {
  const m = EDITION_BEFORE.exec(text.slice(Math.max(0, hit.start - 8), hit.start))
  if (!m) return hit
  const edition = parseNumeral(m[1]!)
  if (!Number.isFinite(edition)) return hit
  return { ...hit, start: hit.start - m[0].length, matched: m[0] + hit.matched, edition }
}

// 转发《中国科协关于举办2025年全国科普月活动的通知》的通知, 现将《…实施方案》印发给你们: the notice or
// plan a notice passes on is what it orders, so the activities its title names count.
const PASSED_ON_BEFORE = /(转发|转载|印发|下发)[^，。；,;\n《]{0,16}$/
const NOTICE_TITLE = /(通知|方案|要点|安排|计划|意见)》$/

function passedOn(text: string, start: number, end: number): boolean {
  return PASSED_ON_BEFORE.test(text.slice(Math.max(0, start - 18), start)) && NOTICE_TITLE.test(text.slice(start, end))
}

/** Spans of 《…》, nested 〈〉 included. */
export function bookTitleSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '《') {
      if (depth === 0) start = i
      depth++
    } else if (c === '》' && depth > 0) {
      depth--
      if (depth === 0) spans.push([start, i + 1])
    } else if (c === '\n') depth = 0
  }
  return spans
}
