import { coverageOf, type Coverage } from '../../src/domain/coverage'
import type { Dataset } from './build'

export interface Summary {
  documents: number
  regionsPlaced: number
  activities: number
  activitiesMentioned: number
  mentions: number
  instances: number
  localEntries: number
  instancesByBasis: Record<string, number>
  undated: number
  regions: number
  /** Regions below the nation with instances of their own (not only their ancestors'). */
  coverage: Coverage
  warnings: number
  candidates: number
}

export function summarize(data: Dataset): Summary {
  const byBasis: Record<string, number> = {}
  for (const i of data.instances) {
    const key = i.basis ?? 'undated'
    byBasis[key] = (byBasis[key] ?? 0) + 1
  }
  return {
    documents: data.documents.length,
    regionsPlaced: new Set(data.documents.map((d) => d.regionCode).filter(Boolean)).size,
    activities: data.activities.length,
    activitiesMentioned: new Set(data.mentions.map((m) => m.activity)).size,
    mentions: data.mentions.length,
    instances: data.instances.length,
    localEntries: data.localEntries,
    instancesByBasis: byBasis,
    undated: byBasis.undated ?? 0,
    regions: data.regions.all.length,
    coverage: coverageOf(data.instances, data.regions, data.documents, Number(data.dataDate.slice(0, 4))),
    warnings: data.warnings.length,
    candidates: data.candidates.length,
  }
}

export function formatSummary(s: Summary): string {
  const basis = Object.entries(s.instancesByBasis)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  return [
    `documents        ${s.documents} (issuers placed in ${s.regionsPlaced} regions)`,
    `activities       ${s.activities} in the catalogue, ${s.activitiesMentioned} ordered by the documents`,
    `mentions         ${s.mentions}`,
    `instances        ${s.instances} (${basis})`,
    `local entries    ${s.localEntries}`,
    `regions          ${s.regions} calendars`,
    `own events       ${s.coverage.regions} regions in ${s.coverage.provinces} provinces; ${s.coverage.current} of them with one in ${s.coverage.thisYear} or later (${s.coverage.projected} carried forward by custom)`,
    `warnings         ${s.warnings}`,
    `candidates       ${s.candidates} (activity-like names not in the catalogue)`,
  ].join('\n')
}
