import type { DocumentKind, PlacementConfidence } from '../types'

// What the organiser service proposes for a handed-in document (server/proposal.ts makes it, the
// app shows it), and a submission as the lists show it.

export interface ProposedActivity {
  activity: string
  name: string
  clause: string
  quote: string
  /** `tentative` for words like 5月上旬. */
  stated: { start: string; end: string; text: string; tentative?: boolean } | null
}

/** What the pipeline makes of a document a county hands in, for its editor to confirm or correct. */
export interface Proposal {
  title: string
  region: { code: string; name: string; path: string } | null
  confidence: PlacementConfidence
  evidence: string[]
  alternative: { code: string; name: string } | null
  year: number | null
  docNumber: string | null
  issued: string | null
  kind: DocumentKind
  activities: ProposedActivity[]
  problems: string[]
}

export interface DocumentSubmission {
  id: number
  region: string
  regionName: string
  file_name: string
  year: number
  doc_number: string | null
  title: string
  state: 'pending' | 'approved' | 'rejected'
  reason: string | null
  author: string | null
  created_at: string
  proposal: Proposal
  canReview: boolean
}

export const KIND_WORD: Record<DocumentKind, string> = { notice: '通知', plan: '工作方案或要点', news: '新闻报道', page: '网页' }
export const CONFIDENCE_WORD: Record<PlacementConfidence, string> = { sidecar: '已确认', high: '把握较大', medium: '把握一般', low: '把握不大，请核对', none: '没有找到，请选择' }

/** One line per activity: its mentions grouped, the period stated most exactly (days over 上旬), the clauses it sits in. */
export function activitiesOf(p: Proposal): { activity: string; name: string; clauses: string[]; quote: string; stated: ProposedActivity['stated'] }[] {
  const byId = new Map<string, { activity: string; name: string; clauses: string[]; quote: string; stated: ProposedActivity['stated'] }>()
  for (const a of p.activities) {
    const seen = byId.get(a.activity)
    if (!seen) byId.set(a.activity, { activity: a.activity, name: a.name, clauses: a.clause ? [a.clause] : [], quote: a.quote, stated: a.stated })
    else {
      if (a.clause && !seen.clauses.includes(a.clause)) seen.clauses.push(a.clause)
      if (a.stated && (!seen.stated || (seen.stated.tentative && !a.stated.tentative))) Object.assign(seen, { stated: a.stated, quote: a.quote })
    }
  }
  return [...byId.values()]
}
