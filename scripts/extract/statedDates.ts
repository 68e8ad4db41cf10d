import { isoDate, isValidDay } from '../../src/domain/dates'
import type { IsoDate } from '../../src/domain/types'

export interface StatedDate {
  start: IsoDate
  end: IsoDate
  text: string
  at: number
}

export interface DateProblem {
  text: string
  at: number
  reason: string
}

// 9月17日, 9月17日—23日, 9月17-23日, 5月24日-6月2日, 2024年5月24日至6月2日, 9月17日至9月23日.
const RANGE =
  /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日?(?:\s*(?:—|–|-|~|～|至|到)+\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日)?/g

/** Dates a sentence states, in `year` unless it names its own; impossible days are problems. */
export function findStatedDates(sentence: string, year: number): { dates: StatedDate[]; problems: DateProblem[] } {
  const dates: StatedDate[] = []
  const problems: DateProblem[] = []
  RANGE.lastIndex = 0
  for (let m = RANGE.exec(sentence); m; m = RANGE.exec(sentence)) {
    const text = m[0]
    // A day needs its 日: `9月17` alone or `9月` are not dates.
    if (!text.includes('日')) continue
    const y1 = m[1] ? Number(m[1]) : year
    const m1 = Number(m[2])
    const d1 = Number(m[3])
    const hasEnd = m[6] !== undefined
    let y2 = m[4] ? Number(m[4]) : y1
    const m2 = m[5] ? Number(m[5]) : m1
    const d2 = hasEnd ? Number(m[6]) : d1
    if (!isValidDay(y1, m1, d1) || !isValidDay(y2, m2, d2)) {
      problems.push({ text, at: m.index, reason: `不存在的日期 (no such day): ${text}` })
      continue
    }
    const start = isoDate(y1, m1, d1)
    let end = isoDate(y2, m2, d2)
    if (end < start && !m[4]) {
      // 12月28日至1月3日 runs into the next year.
      y2 += 1
      end = isoDate(y2, m2, d2)
    }
    if (end < start) {
      problems.push({ text, at: m.index, reason: `结束早于开始 (end before start): ${text}` })
      continue
    }
    dates.push({ start, end, text, at: m.index })
  }
  return { dates, problems }
}
