import { extractDocument } from '../scripts/extract/document'
import { ActivityMatcher } from '../scripts/extract/mentions'
import { isDocumentFile, readDocument } from '../scripts/extract/read'
import { RegionNames, type EvidenceRole } from '../scripts/extract/resolveRegion'
import type { Sidecar } from '../scripts/extract/sidecar'
import type { Proposal } from '../src/domain/documents/proposal'
import type { Catalogue } from './validate'

const ROLE_WORDS: Record<EvidenceRole, string> = {
  metadata: '网页的发布机构或来源栏',
  issuer: '发文机关（文件抬头）',
  signature: '落款',
  title: '标题',
  activity: '与活动名称连在一起',
  publisher: '印发或发布通知的机关',
  actor: '组织活动的单位',
  site: '网站名称',
  mention: '正文提到',
  venue: '活动地点',
  cited: '引用的上级文件',
  context: '上级地区名',
}

const SUPPORTING = new Set<EvidenceRole>(['metadata', 'issuer', 'signature', 'title', 'activity', 'publisher', 'actor'])

/** The build's own reader, matcher and region placement, built once for the service's lifetime. */
export class Proposer {
  private readonly matcher: ActivityMatcher
  private readonly names: RegionNames

  constructor(private readonly catalogue: Catalogue) {
    this.matcher = new ActivityMatcher([...catalogue.activities.values()])
    this.names = new RegionNames(catalogue.regions)
  }

  /** The file's proposal, or the reason it cannot be read (a scan, a .doc, an empty file…). */
  async propose(fileName: string, bytes: Uint8Array, settled?: Sidecar): Promise<{ proposal: Proposal } | { unreadable: string }> {
    if (!isDocumentFile(fileName)) return { unreadable: '只能读取 .docx、.pdf（带文字层）、.html 和 .txt 文件；.doc/.wps 请另存为 .docx，扫描件请粘贴文字' }
    const read = await readDocument(fileName, bytes)
    const x = extractDocument(fileName, read, this.matcher, this.names, settled)
    if (!x.document) return { unreadable: x.problems.map((p) => p.message.replace(/^跳过 \(skipped\): /, '')).join('；') || '读不出文字' }
    const d = x.document
    const region = d.regionCode ? { code: d.regionCode, name: d.regionName!, path: this.path(d.regionCode) } : null
    const seen = new Set<string>()
    // What speaks for the region read, in words; a cited higher document or a venue does not.
    const evidence = (x.placement?.evidence ?? [])
      .filter((e) => e.code === d.regionCode && SUPPORTING.has(e.role))
      .map((e) => `${e.name}：${ROLE_WORDS[e.role] ?? e.role}`)
      .filter((line) => !seen.has(line) && seen.add(line))
      .slice(0, 4)
    const alt = x.placement?.alternative
    return {
      proposal: {
        title: d.title || d.planTitle || '',
        region,
        confidence: d.confidence,
        evidence,
        alternative: alt ? { code: alt.code, name: this.path(alt.code) } : null,
        year: d.year,
        docNumber: d.docNumber,
        issued: d.issued,
        kind: d.kind,
        activities: x.mentions.map((m) => ({
          activity: m.activity,
          name: m.activityName,
          clause: m.clause,
          quote: m.quote,
          stated: m.stated ? { start: m.stated.start, end: m.stated.end, text: m.stated.text, ...(m.stated.tentative ? { tentative: true } : {}) } : null,
        })),
        problems: x.problems.map((p) => p.message.split(' (')[0]!),
      },
    }
  }

  private path(code: string): string {
    return this.catalogue.regions.fullName(code) || '全国'
  }
}
