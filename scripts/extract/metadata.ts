import { isoDate, isValidDay } from '../../src/domain/dates'
import type { IsoDate } from '../../src/domain/types'

export interface HeaderFacts {
  title: string
  planTitle: string | null
  issuers: string[]
  docNumber: string | null
  issued: IsoDate | null
  year: number | null
}

const DOC_NUMBER = /([\u4e00-\u9fff]{1,12})[〔[［(（【](\d{4})[〕\]］)）】](\d{1,4})号/
const ORG_END = /(协会|科协|厅|部|委员会|委|局|小组|政府|办公室|办公厅|院|中心|学会|联合会|总工会|团委|团省委|妇联)$/
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/

/** Title, 文号, issuing bodies, date issued and the year planned for, from the normalised text. */
export function readHeader(text: string): HeaderFacts {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  const numberMatch = DOC_NUMBER.exec(text)
  const docNumber = numberMatch ? `${numberMatch[1]}〔${numberMatch[2]}〕${numberMatch[3]}号` : null

  const head = lines.slice(0, 20)
  const title =
    head.find((l) => /通知$/.test(l) && l.length <= 80) ??
    head.find((l) => /《[^》]+》/.test(l) && l.length <= 80) ??
    head.find((l) => /(要点|措施|方案|意见|计划|规划)$/.test(l) && l.length <= 60) ??
    head.find((l) => l.length >= 6 && l.length <= 60 && !DOC_NUMBER.test(l)) ??
    ''
  const inner = /《([^》]+)》/.exec(title)
  const planTitle = inner ? inner[1]! : title.endsWith('的通知') ? title.replace(/的通知$/, '') : null

  const issued = findIssued(lines)
  const yearMatch = /((?:19|20)\d{2})年/.exec(planTitle ?? title)
  const year = yearMatch ? Number(yearMatch[1]) : issued ? Number(issued.slice(0, 4)) : null

  return { title, planTitle, issuers: findIssuers(lines, docNumber), docNumber, issued, year }
}

function findIssued(lines: string[]): IsoDate | null {
  const tries: RegExp[] = [DATE_LINE, /^(\d{4})年(\d{1,2})月(\d{1,2})日印发$/, /(\d{4})[/-](\d{1,2})[/-](\d{1,2})/]
  for (const re of tries) {
    for (const line of lines) {
      const m = re.exec(line)
      if (m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
    }
  }
  return null
}

function findIssuers(lines: string[], docNumber: string | null): string[] {
  const numberIndex = docNumber ? lines.findIndex((l) => DOC_NUMBER.test(l)) : -1
  const header = numberIndex >= 0 ? lines.slice(0, numberIndex) : lines.slice(0, 12)
  const out: string[] = []
  for (const line of header) {
    const body = line.replace(/文件$/, '')
    if (body && ORG_END.test(body) && body.length <= 30) out.push(body)
  }
  if (out.length) return out
  // No letterhead: the signature block just above the date line.
  const dateIndex = lines.findIndex((l) => DATE_LINE.test(l))
  for (let i = dateIndex - 1; i >= 0 && i >= dateIndex - 12; i--) {
    const line = lines[i]!
    if (ORG_END.test(line) && line.length <= 30) out.unshift(line)
    else if (out.length) break
  }
  return out
}
