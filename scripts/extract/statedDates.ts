import { daysInMonth, isoDate, isValidDay } from '../../src/domain/dates'
import type { IsoDate } from '../../src/domain/types'

export interface StatedDate {
  start: IsoDate
  end: IsoDate
  text: string
  at: number
  /** 5月下旬至6月上旬: a period in words, not days. */
  tentative?: boolean
  /** 持续至9月9日: where a period that began on a day stated elsewhere ends, not a day of its own. */
  until?: boolean
}

export interface DateProblem {
  text: string
  at: number
  reason: string
}

// 9月17日, 9月17日—23日, 9月17-23日, 9月17至23日, 9月11~17日, 5月24日-6月2日, 2024年5月24日至6月2日,
// 5月20—28日, 9月17日至9月23日, 9月16日（星期六）.
const RANGE =
  /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日?(?:[（(]星期[一二三四五六日天][)）])?(?:\s*(?:—|–|-|~|～|至|到)+\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日)?/g
// 5月下旬至6月上旬, 9月中旬, 5月下旬.
const PART = /(?:(\d{4})年)?(\d{1,2})月(上旬|中旬|下旬)(?:\s*(?:—|–|-|~|～|至|到)+\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(上旬|中旬|下旬))?/g

/**
 * What follows a date when it is not the activity's period: a deadline (10月14日前), a news item's
 * dateline (5月21日讯, 8月7日电), a meeting or announcement about the activity (8月28日下午，…召开
 * 新闻发布会; 8月4日，中国科协…发布通知; 5月21日，记者…获悉), or a registration window.
 */
const NOT_PERIOD_RIGHT_AFTER = /^(?:[上下]午)?(?:前|以前|之前|讯|电|[,，]?\s*记者)/
// (联席会议 is a standing body, not a meeting.)
const NOT_PERIOD_IN_CLAUSE = /(召开|获悉|发布会|座谈会|调度会|协调会|筹备会|(?<!联席)会议|印发|发布|下发|报送|提交|填报|申报|注册|截止|征集)/

const SIGNED_BY = /(协会|科协|局|厅|委|政府|办公室|中心|学会)$/
// 活动将持续至9月9日, 巡展持续到4月30日, 展期至10月8日, 主场活动将持续到6月上旬; 至5月31日闭幕.
const UNTIL_VERB = '(?:持续|延续|展期|展出|开放)(?:至|到)'
const UNTIL = new RegExp(`${UNTIL_VERB}\\s*$`)
const UNTIL_CLOSE = { before: /至\s*$/, after: /^\s*(?:闭幕|结束)/ }
/** Where a text may say when a period ends (findStatedDates marks such a date `until`). */
export const PERIOD_END_WORDS = new RegExp(`${UNTIL_VERB}|至\\d{1,2}月\\d{1,2}日(?:闭幕|结束)`, 'g')

/** Whether the date at [at, end) ends a period that began on a day stated elsewhere. */
function endsPeriod(sentence: string, at: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, at - 6), at)
  return UNTIL.test(before) || (UNTIL_CLOSE.before.test(before) && UNTIL_CLOSE.after.test(sentence.slice(end)))
}

/** Dates a sentence states, in `year` unless it names its own; impossible days are problems. */
export function findStatedDates(sentence: string, year: number): { dates: StatedDate[]; problems: DateProblem[] } {
  const dates: StatedDate[] = []
  const problems: DateProblem[] = []
  for (const m of sentence.matchAll(RANGE)) {
    const text = m[0]
    // A day needs its 日: `9月17` alone or `9月` are not dates.
    if (!text.includes('日')) continue
    if (!isPeriod(sentence, m.index + text.length)) continue
    // The date under a signature run into the text (…科学技术协会2023年9月18日) is when it was signed.
    if (SIGNED_BY.test(sentence.slice(Math.max(0, m.index - 8), m.index))) continue
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
    const until = !hasEnd && endsPeriod(sentence, m.index, m.index + text.length)
    dates.push({ start, end, text, at: m.index, ...(until ? { until: true } : {}) })
  }
  for (const m of sentence.matchAll(PART)) {
    if (!isPeriod(sentence, m.index + m[0].length)) continue
    const y1 = m[1] ? Number(m[1]) : year
    const m1 = Number(m[2])
    if (m1 < 1 || m1 > 12) continue
    const y2 = m[4] ? Number(m[4]) : y1
    const m2 = m[5] ? Number(m[5]) : m1
    if (m2 < 1 || m2 > 12) continue
    const start = isoDate(y1, m1, partDays(y1, m1, m[3]!)[0])
    const end = isoDate(y2, m2, partDays(y2, m2, m[6] ?? m[3]!)[1])
    const until = !m[6] && endsPeriod(sentence, m.index, m.index + m[0].length)
    if (end >= start) dates.push({ start, end, text: m[0], at: m.index, tentative: true, ...(until ? { until: true } : {}) })
  }
  dates.sort((a, b) => a.at - b.at)
  return { dates, problems }
}

/** 上旬 1st–10th, 中旬 11th–20th, 下旬 21st to the month's end. */
function partDays(year: number, month: number, part: string): [number, number] {
  if (part === '上旬') return [1, 10]
  if (part === '中旬') return [11, 20]
  return [21, daysInMonth(year, month)]
}

function isPeriod(sentence: string, after: number): boolean {
  const rest = sentence.slice(after)
  if (NOT_PERIOD_RIGHT_AFTER.test(rest)) return false
  // The clause the date belongs to: up to the next comma or stop. A date that opens a sentence
  // (9月3日，…召开; 下午，…; 期间，注册…) belongs to the clause that follows it.
  const clauses = rest.slice(0, 60).split(/[，,。；;]/)
  const clause = clauses[0]!.length <= 3 ? `${clauses[0]}，${clauses[1] ?? ''}` : clauses[0]!
  return !NOT_PERIOD_IN_CLAUSE.test(clause)
}
