import { groupBy } from '../../src/domain/group'
import type { Candidate, DocumentMeta, Mention } from '../../src/domain/types'
import type { Problem } from '../problems'
import { clauseAt, findClauses } from './clauses'
import { findCandidates } from './candidates'
import { decodeDocument } from './decode'
import { readHeader } from './metadata'
import type { ActivityMatcher } from './mentions'
import { lineIndex, normalizeText } from './normalize'
import { resolveIssuer, type RegionNames } from './resolveRegion'
import { quoteOf, sentenceAround } from './sentences'
import { findStatedDates } from './statedDates'

/** A mention with where it sits in the normalised text: its hit and its sentence. */
type Placed = { mention: Mention; at: number; sentence: { start: number; end: number } }

export interface Extracted {
  document: DocumentMeta | null
  mentions: Mention[]
  candidates: Candidate[]
  problems: Problem[]
}

/** One document: decode, normalise, read its header, place its issuer, find what it orders. */
export function extractDocument(
  file: string,
  bytes: Uint8Array,
  matcher: ActivityMatcher,
  names: RegionNames,
): Extracted {
  const decoded = decodeDocument(bytes)
  if (!decoded.ok) return { document: null, mentions: [], candidates: [], problems: [{ file, message: `跳过 (skipped): ${decoded.reason}` }] }
  const raw = decoded.text.replace(/^\ufeff/, '')
  const { text, map } = normalizeText(raw)
  const lineAt = lineIndex(raw)
  const problems: Problem[] = []
  const header = readHeader(text)
  const place = resolveIssuer(names, header.issuers, header.title, header.docNumber, text)
  if (!place.region) problems.push({ file, field: 'issuer', message: place.problem ?? 'no region' })
  if (!header.docNumber) problems.push({ file, field: '文号', message: '没有找到文号 (no document number such as 青科协发普字〔2023〕4号)' })
  if (!header.issued) problems.push({ file, field: 'issued', message: '没有找到成文日期 (no date issued, e.g. a line 2023年3月31日)' })
  if (!header.year) problems.push({ file, field: 'year', message: '无法确定计划年度 (cannot tell which year the plan is for); 标题中写明“2023年”' })

  const id = file.replace(/\.[^.]+$/, '')
  const document: DocumentMeta = {
    id,
    file,
    title: header.title,
    planTitle: header.planTitle,
    issuers: header.issuers,
    regionCode: place.region?.code ?? null,
    regionName: place.region?.name ?? null,
    docNumber: header.docNumber,
    issued: header.issued,
    year: header.year,
    encoding: decoded.encoding,
    length: text.length,
  }

  const clauses = findClauses(text)
  const hits = matcher.find(text)
  const origin = (i: number) => map[Math.min(i, map.length - 1)] ?? 0
  // One mention per activity per sentence; remember each mention's sentence for stated dates.
  const placed: Placed[] = []
  const seen = new Set<string>()
  for (const hit of hits) {
    const sentence = sentenceAround(text, hit.start, hit.end)
    const key = `${hit.activity.id}@${sentence.start}`
    if (seen.has(key)) continue
    seen.add(key)
    const clause = clauseAt(clauses, hit.start)
    const offset = origin(hit.start)
    const mention: Mention = {
      document: id,
      activity: hit.activity.id,
      activityName: hit.activity.name,
      clause: clause?.label ?? '',
      clauseTitle: clause?.title ?? null,
      quote: quoteOf(text, sentence, hit.start, hit.end),
      offset,
      line: lineAt(offset),
      matched: hit.matched,
      ...(hit.edition !== undefined ? { edition: hit.edition } : {}),
    }
    placed.push({ mention, at: hit.start, sentence })
  }
  if (header.year) {
    for (const p of attachStatedDates(text, placed, header.year)) {
      problems.push({ file, line: lineAt(origin(p.at)), message: `${p.reason}; 日期未采用 (date ignored)` })
    }
  }
  const mentions = placed.map((p) => p.mention)

  const candidates: Candidate[] = findCandidates(
    text,
    hits.map((h) => [h.start, h.end]),
  ).map((c) => {
    const sentence = sentenceAround(text, c.at, c.at + c.name.length)
    return {
      document: id,
      name: c.name,
      quote: quoteOf(text, sentence, c.at, c.at + c.name.length),
      clause: clauseAt(clauses, c.at)?.label ?? '',
      line: lineAt(origin(c.at)),
    }
  })
  return { document, mentions, candidates, problems }
}

/** A date stated in a sentence belongs to the nearest activity named in that sentence. */
function attachStatedDates(text: string, placed: Placed[], year: number): { at: number; reason: string }[] {
  const problems: { at: number; reason: string }[] = []
  for (const list of groupBy(placed, (p) => String(p.sentence.start)).values()) {
    const start = list[0]!.sentence.start
    const sentence = text.slice(start, list[0]!.sentence.end)
    const found = findStatedDates(sentence, year)
    for (const bad of found.problems) problems.push({ at: start + bad.at, reason: bad.reason })
    for (const d of found.dates) {
      const at = start + d.at
      const nearest = list.reduce((best, p) => (Math.abs(p.at - at) < Math.abs(best.at - at) ? p : best))
      nearest.mention.stated ??= { start: d.start, end: d.end, text: d.text }
    }
  }
  return problems
}
