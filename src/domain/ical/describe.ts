import { formatPeriodZh } from '../dates'
import { BASIS_LABEL, clauseLabel, tentativeWording } from '../labels'
import { sourceBlocks, type SourceBlock } from '../sources'
import type { Instance, IsoDate } from '../types'

/** One line per source: the document, its 文号 and each clause with the quoted sentence; or the notice. A rule carries `tentative`'s caveat when given. */
export function sourceLine(s: SourceBlock, tentative: ReturnType<typeof tentativeWording> | null = tentativeWording(null, '')): string {
  switch (s.type) {
    case 'document': {
      const number = s.docNumber ? `（${s.docNumber}）` : ''
      const quotes = s.quotes.map((q) => `${q.clause ? clauseLabel(q.clause) : ''}：“${q.quote}”`).join('；')
      return `依据：${s.regionName ?? ''}${s.title}${number}${quotes}`
    }
    case 'official':
      return `日期来源：${s.text}${s.note ? `（${s.note}）` : ''}`
    case 'rule':
      return `日期推算：${s.text}${tentative ? `（${tentative.explain.replace(/。$/, '')}）` : ''}`
    case 'local':
      return `本地发布：${s.file}（第${s.revision}版）`
  }
}

/** Plain-text description of an event, for calendars and sharing; `today` words a projected date. */
export function describeInstance(inst: Instance, pageUrl: string, today: IsoDate): string {
  const lines: string[] = []
  const tentative = tentativeWording(inst.end, today)
  if (inst.status === 'cancelled') lines.push('【已取消】')
  if (inst.start && inst.end) {
    const basis = inst.basis ? BASIS_LABEL[inst.basis] : ''
    lines.push(`${formatPeriodZh(inst.start, inst.end, true)}${inst.status === 'tentative' ? tentative.suffix : ''}${basis ? ` · ${basis}` : ''}`)
  }
  const local = inst.local
  if (local?.organiser) lines.push(`主办：${local.organiser}`)
  if (local?.venue || local?.address) lines.push(`地点：${[local.venue, local.address].filter(Boolean).join('，')}`)
  if (local?.contact) lines.push(`联系：${local.contact}`)
  if (local?.description) lines.push(local.description)
  if (local?.link) lines.push(`链接：${local.link}`)
  // The caveat of a projected date once, after the last rule it rests on.
  const blocks = sourceBlocks(inst.sources)
  const lastRule = blocks.map((b) => b.type).lastIndexOf('rule')
  blocks.forEach((b, at) => lines.push(sourceLine(b, at === lastRule ? tentative : null)))
  lines.push(`详情：${pageUrl}`)
  return lines.join('\n')
}
