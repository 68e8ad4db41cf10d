import { isValidDay } from '../../src/domain/dates'
import type { Activity } from '../../src/domain/types'
import { parseNumeral } from './numerals'

/**
 * The year of a report whose title and fields do not say it, from what else it says, strongest
 * first: an edition ordinal of a series whose first year the catalogue knows (第二十五个全国科技
 * 活动周 is 2025, the first having been 2001), a full date in the body (2024年9月13日上午, 2025年9月
 * 是…首个全国科普月), the date in the address the copy was saved from (…/202208/26/…, t20230526_),
 * and last the first year it names that is not a target (2035年建成…).
 */
export function fallbackYear(text: string, hits: Hit[], source: string | null): number | null {
  return editionYear(text, hits) ?? bodyDateYear(text) ?? sourceYear(source) ?? firstYear(text)
}

type Hit = { start: number; matched: string; activity: Activity }
const ORDINAL_BEFORE = /(?:第(\d{1,3}|[一二三四五六七八九十百]{1,5})(?:个|届|次)|(首)(?:个|届|次))(?:全国)?$/

function editionYear(text: string, hits: Hit[]): number | null {
  for (const h of hits) {
    const m = ORDINAL_BEFORE.exec(text.slice(Math.max(0, h.start - 10), h.start))
    if (!m) continue
    const n = m[2] ? 1 : parseNumeral(m[1]!)
    const a = h.activity
    // 首个全国科普月: the first of the series under its new name.
    const renamed = a.renamed?.find((r) => h.matched.includes(r.name))
    const year = renamed ? renamed.from + n - 1 : a.edition ? a.edition.baseYear + (n - a.edition.baseEdition) : a.since ? a.since + n - 1 : NaN
    if (Number.isFinite(year) && year >= 1990 && year <= 2100) return year
  }
  return null
}

function bodyDateYear(text: string): number | null {
  const m = /(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?/.exec(text)
  if (!m) return null
  return !m[3] || isValidDay(Number(m[1]), Number(m[2]), Number(m[3])) ? Number(m[1]) : null
}

/** Portals put the publication date in their addresses: /2021/6/1/, /202208/26/, t20230526_, %2F20230526%2F. */
export function sourceYear(source: string | null): number | null {
  if (!source) return null
  let url = source
  try {
    url = decodeURIComponent(source)
  } catch {
    // A malformed escape: read it as it is.
  }
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '')
  const patterns = [
    /(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/, // 20230526
    /(?<!\d)(20\d{2})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/, // 2021/6/1, 2023-05-26
    /(?<!\d)(20\d{2})(0[1-9]|1[0-2])\/(\d{1,2})(?!\d)/, // 202208/26
    /(?<!\d)(20\d{2})-(\d{1,2})\/(\d{1,2})(?!\d)/, // 2025-05/19
  ]
  for (const re of patterns) {
    const m = re.exec(path)
    if (m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) return Number(m[1])
  }
  return null
}

/** The first year a text names that is not a target (2035年建成…, 2025年前). */
function firstYear(text: string): number | null {
  const m = /(?<![\d〔[（(])((?:19|20)\d{2})年(?!(?:前|以前|以后|左右|远景|基本|建成|实现|目标))/.exec(text)
  return m ? Number(m[1]) : null
}
