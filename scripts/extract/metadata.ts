import { isoDate, isValidDay } from '../../src/domain/dates'
import type { DocumentKind, IsoDate } from '../../src/domain/types'

/**
 * The facts a document states about itself, read as a person reads a notice, a plan, a portal
 * page or a news report: by what each line is (a metadata field, a letterhead, a title, a
 * signature, a 文号 on its own line), not by where it happens to sit.
 */
export interface HeaderFacts {
  title: string
  planTitle: string | null
  issuers: string[]
  /** The document's own 文号; numbers it cites (根据…（国发〔2021〕9号）) are in `cited`. */
  docNumber: string | null
  cited: string[]
  issued: IsoDate | null
  year: number | null
  kind: DocumentKind
  /** Lines with a role, as offsets into the text: where region names weigh most. */
  spans: LineSpan[]
}

export type LineRole = 'title' | 'issuer' | 'signature' | 'metadata' | 'site'
export interface LineSpan {
  role: LineRole
  start: number
  end: number
}

interface Line {
  text: string
  start: number
  end: number
}

const DOC_NUMBER = /([\u4e00-\u9fff]{1,14})[〔[［(（【﹝](\d{4})[〕\]］)）】﹞](\d{1,4})号/g
// What may stand before a 文号's abbreviation on the same run of characters, and is not part of it.
const NUMBER_LEAD = /^.*(?:的通知|通知|的|》|文件|公告|附件|号|发布|印发|转发)/
const NUMBER_LABEL = /^(?:[•·\-*]\s*)?(?:备注\/文号|发文文号|发文字号|文\s*号|字号)\s*[:：|]?\s*/
const ORG_END = /(协会|科协|厅|部|司|委员会|委|局|小组|政府|办公室|办公厅|院|中心|学会|联合会|总工会|团委|团省委|妇联|纲要办)$/
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:印发)?$/
const TITLE_END = /(通知|通报|决定|函|要点|方案|计划|规划|意见|办法|细则|纪要|报告|总结)$/
const NEWS_VERB = /(启动|举办|举行|开展|召开|部署|安排|落幕|收官|启航|拉开序幕|圆满|组织|印发|发布)/
// A metadata field: 索引号, 发布机构, 来源…, as portals print them (label, colon or bar, value).
const META_LABEL =
  /^(?:[•·\-*]\s*)?(索\s*引\s*号|发布机构|发文机关|发文部门|发文单位|发布单位|主题分类|组配分类|信息分类|成文日期|发文日期|发文时间|公文生成日期|生成日期|发布日期|发布时间|实施时间|生效日期|生效时间|废止日期|废止时间|有效性|文\s*号|备注\/文号|发文文号|名称|发文标题|标题|来源|稿件来源|信息来源|供稿|作者|所属区域|所属主题|关\s*键\s*词|体\s*裁|时间|日期|浏览次数|阅读次数)\s*[:：|]/
const SITE_LINE = /(您的位置|当前位置|您当前的位置|首\s*页\s*(>|》|»)|版权所有|网站|主办单位|ICP备|公网安备|联系我们|扫一扫|供稿[)）]?$|联系人[:：])/

/** Title, 文号, issuing bodies, date issued, the year planned for, and the kind of text. */
export function readHeader(text: string): HeaderFacts {
  const lines = splitLines(text)
  const spans: LineSpan[] = []
  const mark = (role: LineRole, l: Line) => spans.push({ role, start: l.start, end: l.end })
  for (const l of lines) {
    if (META_LABEL.test(l.text)) mark('metadata', l)
    else if (SITE_LINE.test(l.text) && l.text.length <= 80) mark('site', l)
  }

  const { docNumber, cited } = findNumbers(lines)
  const titleLine = findTitle(lines)
  const title = titleLine?.title ?? ''
  if (titleLine?.line) mark('title', titleLine.line)
  const inner = /《([^》]+)》/.exec(title)
  // The plan a notice issues: 《…》 in its title, 关于印发…的通知, or …工作要点的通知.
  const issuing = /关于(?:印发|转发|下发)(.+)的通知$/.exec(title)
  const planTitle = inner ? inner[1]! : issuing ? issuing[1]! : /^(?!.*关于).+的通知$/.test(title) ? title.replace(/的通知$/, '') : null

  const issuedOn = findIssued(lines)
  const year = planYear(planTitle ?? title, issuedOn) ?? planYear(title, issuedOn) ?? yearOfBody(text) ?? (issuedOn ? Number(issuedOn.slice(0, 4)) : null)
  const issuers = findIssuers(lines, titleLine?.line ?? null, mark, spans)
  return { title, planTitle, issuers, docNumber, cited, issued: issuedOn, year, kind: kindOf(title, text), spans }
}

function splitLines(text: string): Line[] {
  const out: Line[] = []
  let start = 0
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length
    const t = raw.trim()
    if (t) out.push({ text: t, start: start + lead, end: start + lead + t.length })
    start += raw.length + 1
  }
  return out
}

/** The abbreviation and number, without the words that ran into it (…的通知鄂科协办〔2024〕15号). */
function numberOf(m: RegExpExecArray): string {
  const prefix = m[1]!.replace(NUMBER_LEAD, '')
  return prefix ? `${prefix}〔${m[2]}〕${m[3]}号` : ''
}

/**
 * A 文号 is the document's own when it stands on a line by itself (or after a 文号 label): the
 * way notices print it under the letterhead and portals in their metadata. One inside a sentence
 * or after 附件 is a number the document cites.
 */
function findNumbers(lines: Line[]): { docNumber: string | null; cited: string[] } {
  let own: string | null = null
  const cited: string[] = []
  for (const l of lines) {
    DOC_NUMBER.lastIndex = 0
    for (let m = DOC_NUMBER.exec(l.text); m; m = DOC_NUMBER.exec(l.text)) {
      const n = numberOf(m)
      if (!n) continue
      // The line, less its label and brackets made uniform, is the number and nothing else.
      const rest = l.text
        .replace(NUMBER_LABEL, '')
        .replace(/[\s。.;；|]+$/, '')
        .replace(/[[［(（【﹝]/g, '〔')
        .replace(/[\]］)）】﹞]/g, '〕')
      // …or ends a title it was run into when copied (…的通知鄂科协办〔2024〕15号).
      const runIntoTitle = l.text.endsWith(m[0]) && TITLE_END.test(l.text.slice(0, m.index + m[0].length - n.length))
      if ((rest === n || runIntoTitle) && !own) own = n
      else if (!cited.includes(n)) cited.push(n)
    }
  }
  return { docNumber: own, cited: cited.filter((n) => n !== own) }
}

/** Lines that carry no words of the document: metadata, navigation, dates, links. */
function isChrome(l: Line): boolean {
  return (
    META_LABEL.test(l.text) ||
    SITE_LINE.test(l.text) ||
    BYLINE.test(l.text) ||
    /^[\d\s:：\-/.年月日]+$/.test(l.text) ||
    /^<|^•|^-\s/.test(l.text) ||
    l.text.length <= 3
  )
}
const BYLINE = /(记者|通讯员|客户端|责任编辑|责编|供稿|出处[:：]|来源[:：]|作者[:：]|选择字号|字号[:：]|分享到|打印本页|关闭窗口)/

function findTitle(lines: Line[]): { title: string; line: Line | null } | null {
  const named = lines.find((l) => /^(名称|发文标题|标题)\s*[:：|]/.test(l.text))
  if (named) {
    const value = named.text.replace(/^(名称|发文标题|标题)\s*[:：]?\s*\|?\s*/, '').split(/\s*\|\s*/)[0]!.trim()
    if (value.length >= 6) return { title: value, line: named }
  }
  const head = lines.slice(0, 24).filter((l) => !isChrome(l))
  const pick =
    head.find((l) => TITLE_END.test(l.text) && l.text.length <= 90 && !/[。；]/.test(l.text)) ??
    head.find((l) => /《[^》]+》/.test(l.text) && l.text.length <= 80 && !/[。；]/.test(l.text)) ??
    head.find((l) => NEWS_VERB.test(l.text) && l.text.length <= 50 && !/[。；]/.test(l.text)) ??
    head.slice(0, 3).find((l) => l.text.length >= 6 && l.text.length <= 40 && !/[。，,；:：]/.test(l.text))
  return pick ? { title: pick.text, line: pick } : null
}

const ISSUED_LABELS: [RegExp, number][] = [
  [/(成文日期|发文日期|发文时间|印发日期)/, 0],
  [/(公文生成日期|生成日期)/, 1],
  [/(发布日期|发布时间|时间|日期)/, 3],
]
const YMD = /(?<![\d-])(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})(?!\d)/

/**
 * The date issued: a labelled 成文日期 first, then the date line under the signature, then a
 * generation or publication date (a portal's, or a news item's time stamp). 索引号 lines are not
 * read for dates (…00105-08-2024-… is no date).
 */
function findIssued(lines: Line[]): IsoDate | null {
  const found: { rank: number; date: IsoDate }[] = []
  for (const l of lines) {
    if (/^(?:[•·\-*]\s*)?索\s*引\s*号/.test(l.text)) continue
    const dl = DATE_LINE.exec(l.text)
    const date = (m: RegExpExecArray | null) => (m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3])) && Number(m[1]) >= 1990 ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null)
    if (dl && date(dl)) {
      found.push({ rank: 2, date: date(dl)! })
      continue
    }
    for (const [label, rank] of ISSUED_LABELS) {
      const at = l.text.search(label)
      if (at < 0) continue
      const d = date(YMD.exec(l.text.slice(at)))
      if (d) found.push({ rank, date: d })
      break
    }
  }
  if (!found.length) {
    // A news item's or a page's time stamp near the top: 2024-08-07 15:08:19, 2023/8/5.
    for (const l of lines.slice(0, 12)) {
      const m = YMD.exec(l.text)
      if (m && /\d{1,2}:\d{2}/.test(l.text) && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
    }
    return null
  }
  found.sort((a, b) => a.rank - b.rank)
  return found[0]!.date
}

const RANGE_YEARS = /((?:19|20)\d{2})\s*(?:—|–|-|~|～|至|到)+\s*((?:19|20)\d{2})\s*年?/
const FIVE_YEAR = /十([一二三四五六七八九])五/

/**
 * The year the activities are for. A single year in the title is it. A multi-year plan
 * (2021—2025年, 十四五) is read for the year it was issued in, when that falls in its range, else
 * for its first year: never for its last.
 */
function planYear(title: string, issued: IsoDate | null): number | null {
  const issuedYear = issued ? Number(issued.slice(0, 4)) : null
  const range = RANGE_YEARS.exec(title)
  let span: [number, number] | null = range ? [Number(range[1]), Number(range[2])] : null
  const plan = FIVE_YEAR.exec(title)
  if (!span && plan) {
    const n = '一二三四五六七八九'.indexOf(plan[1]!) + 11
    const first = 1953 + (n - 1) * 5
    span = [first, first + 4]
  }
  if (span) return issuedYear && issuedYear >= span[0] && issuedYear <= span[1] ? issuedYear : span[0]
  const single = /((?:19|20)\d{2})年/.exec(title)
  return single ? Number(single[1]) : null
}

const ACTIVITY_WORD = '(?:科普|科技活动|活动周|宣传周|宣传日|减灾日|大赛|工作要点|开放日|科技周|科技节|科技馆|大篷车|科技工作者日|三下乡)'
const YEAR_WITH_ACTIVITY = new RegExp(`((?:19|20)\\d{2})年(?:度)?[^，。,；\\n]{0,14}?${ACTIVITY_WORD}`)
// 2024全国科普日暨…: a year run straight into the activity's name, without 年.
const YEAR_RUN_IN = new RegExp(`(?<![\\d〔[（(.\\-/])((?:19|20)\\d{2})(?=[“"]?(?:全国|中国)?${ACTIVITY_WORD})`)

/** A report without a year in its title: the first year named with an activity-like word. */
function yearOfBody(text: string): number | null {
  const m = YEAR_WITH_ACTIVITY.exec(text) ?? YEAR_RUN_IN.exec(text)
  return m ? Number(m[1]) : null
}

function findIssuers(lines: Line[], title: Line | null, mark: (role: LineRole, l: Line) => void, spans: LineSpan[]): string[] {
  const titleIndex = title ? lines.indexOf(title) : -1
  const out: string[] = []
  // Letterhead: the organisation lines above the title.
  for (const l of lines.slice(0, Math.max(0, titleIndex)).slice(-6)) {
    const body = l.text.replace(/文件$/, '')
    if (body.length <= 40 && ORG_END.test(body) && !isChrome(l)) {
      out.push(body)
      mark('issuer', l)
    }
  }
  // A signature run into the text, as copies of pages lose their line breaks:
  // …活动流程佛山市三水区经济和科技促进局佛山市三水区科学技术协会2023年9月18日(联系人…
  for (const l of lines) {
    for (const m of l.text.matchAll(INLINE_SIGNATURE)) {
      const org = m[1]!
      if (!ORG_END.test(org)) continue
      const at = l.start + m.index
      spans.push({ role: 'signature', start: at, end: at + org.length })
      if (!out.includes(org)) out.push(org)
    }
  }
  // Signature: the organisation lines just above a date line.
  for (let d = lines.length - 1; d >= 0; d--) {
    if (!DATE_LINE.test(lines[d]!.text)) continue
    const sig: Line[] = []
    for (let i = d - 1; i >= 0 && i >= d - 4; i--) {
      const l = lines[i]!
      if (l.text.length <= 40 && ORG_END.test(l.text.replace(/[（(].*[)）]$/, ''))) sig.unshift(l)
      else if (!/^[（(].*[)）]$/.test(l.text)) break
    }
    for (const l of sig) {
      mark('signature', l)
      if (!out.includes(l.text)) out.push(l.text)
    }
    if (sig.length) break
  }
  return out
}

const INLINE_SIGNATURE = /([^\s。；，,:：、“”《》()（）]{4,40})(?=\d{4}年\d{1,2}月\d{1,2}日(?:$|[(（]|联系))/g

const NEWS_MARK = /(记者|通讯员|讯[（(]|讯\s|电\s|日电|报道|责任编辑|责编|供稿|融媒讯|客户端)/

function kindOf(title: string, text: string): DocumentKind {
  const head = text.slice(0, 600)
  if (/(通知|通报|决定|函)$/.test(title)) return 'notice'
  if (/(要点|方案|计划|规划|意见|办法|细则)$/.test(title)) return 'plan'
  if (NEWS_MARK.test(text) || /^(近日|日前|\d{1,2}月\d{1,2}日)/m.test(head)) return 'news'
  return 'page'
}
