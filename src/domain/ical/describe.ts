import { formatPeriodZh } from '../dates'
import { BASIS_LABEL, clauseLabel, tentativeWording } from '../labels'
import type { Instance, IsoDate, Source } from '../types'

/** One line per source: the document, its 文号 and clause with the quoted sentence; or the notice. */
export function sourceLine(s: Source, tentative = tentativeWording(null, '')): string {
  switch (s.type) {
    case 'document': {
      const number = s.docNumber ? `（${s.docNumber}）` : ''
      const clause = s.clause ? clauseLabel(s.clause) : ''
      return `依据：${s.regionName ?? ''}${s.title}${number}${clause}：“${s.quote}”`
    }
    case 'official':
      return `日期来源：${s.text}${s.note ? `（${s.note}）` : ''}`
    case 'rule':
      return `日期推算：${s.text}（${tentative.explain.replace(/。$/, '')}）`
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
  for (const s of inst.sources) lines.push(sourceLine(s, tentative))
  lines.push(`详情：${pageUrl}`)
  return lines.join('\n')
}
