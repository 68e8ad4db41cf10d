import { daysBetween, preferredPeriod } from '../../src/domain/dates'
import { groupBy } from '../../src/domain/group'
import type { Candidate, DocumentMeta, Mention } from '../../src/domain/types'
import type { Problem } from '../problems'
import { clauseAt, findClauses } from './clauses'
import { findCandidates } from './candidates'
import { decodeDocument } from '../../src/domain/decode'
import { readHeader, type HeaderFacts } from './metadata'
import type { ActivityMatcher } from './mentions'
import { sourceOf } from './noise'
import { lineIndex, normalizeText } from './normalize'
import type { Read } from './read'
import { placeDocument, type Placement, type RegionNames } from './resolveRegion'
import { quoteOf, sentenceAround } from './sentences'
import type { Sidecar } from './sidecar'
import { findStatedDates, PERIOD_END_WORDS, type StatedDate } from './statedDates'
import { fallbackYear } from './year'

/** A mention with where it sits in the normalised text: its hit and its sentence. */
type Placed = { mention: Mention; at: number; sentence: { start: number; end: number }; hits: number[] }

export interface Extracted {
  document: DocumentMeta | null
  mentions: Mention[]
  candidates: Candidate[]
  problems: Problem[]
  /** How the region was placed, with its evidence (for the review report). */
  placement?: Placement
}

/**
 * One document: read its text (the bytes of a text file, or what read.ts made of a page, a Word
 * file or a PDF), normalise it, read its header, place it by evidence, find what it orders.
 */
export function extractDocument(file: string, input: Uint8Array | Read, matcher: ActivityMatcher, names: RegionNames, sidecar?: Sidecar): Extracted {
  const decoded: Read = input instanceof Uint8Array ? asText(decodeDocument(input)) : input
  if (!decoded.ok) return { document: null, mentions: [], candidates: [], problems: [{ file, message: `跳过 (skipped): ${decoded.reason}` }] }
  const raw = decoded.text.replace(/^\ufeff/, '')
  const { text, map } = normalizeText(raw)
  const lineAt = lineIndex(raw)
  const problems: Problem[] = []
  for (const line of decoded.replacedLines ?? []) problems.push({ file, line, message: '有无法识别的字节，已替换为 �，其余内容照常读取；请检查原文件 (undecodable bytes replaced; the rest is read)' })
  const source = sourceOf(raw)
  const hits = matcher.find(text)
  const read = readHeader(text)
  const header = settle(read.year ? read : { ...read, year: fallbackYear(text, hits, source) }, sidecar)
  const settled = sidecar?.region ? names.index.get(sidecar.region) : undefined
  const place: Placement = settled
    ? { region: settled, confidence: 'sidecar', evidence: [] }
    : placeDocument(names, { text, spans: header.spans, docNumber: header.docNumber, activities: hits.map((h) => [h.start, h.end]) })
  if (!place.region) problems.push({ file, field: 'region', message: place.problem ?? 'no region' })
  else if (place.confidence === 'low') problems.push({ file, field: 'region', message: `地区把握不大 (placed with low confidence): ${place.region.name}; 见审核报告 review/review.md` })
  if (!header.year) problems.push({ file, field: 'year', message: '无法确定计划年度 (cannot tell which year the plan is for); 标题中写明“2023年”，或加 <文件名>.meta.yaml 写明 year' })

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
    kind: header.kind,
    format: decoded.format,
    confidence: place.confidence,
    ...(source ? { source } : {}),
  }

  const clauses = findClauses(text)
  const origin = (i: number) => map[Math.min(i, map.length - 1)] ?? 0
  // One mention per activity per sentence; remember each mention's sentence for stated dates.
  const placed: Placed[] = []
  const seen = new Map<string, Placed>()
  for (const hit of hits) {
    const sentence = sentenceAround(text, hit.start, hit.end)
    const key = `${hit.activity.id}@${sentence.start}`
    const twin = seen.get(key)
    if (twin) {
      twin.hits.push(hit.start)
      continue
    }
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
    const p: Placed = { mention, at: hit.start, sentence, hits: [hit.start] }
    seen.set(key, p)
    placed.push(p)
  }
  if (header.year) {
    const titleEnd = header.spans.find((s) => s.role === 'title')?.end ?? 0
    // The body starts after the title and the page's fields that follow it, line after line.
    let bodyStart = titleEnd && titleEnd + 1
    for (let next = header.spans.find((s) => s.start === bodyStart); next; next = header.spans.find((s) => s.start === bodyStart)) bodyStart = next.end + 1
    for (const p of attachStatedDates(text, placed, header.year, titleEnd, bodyStart)) {
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
  return { document, mentions, candidates, problems, placement: place }
}

/** What a maintainer's sidecar says wins over what the text was read to say. */
function settle(header: HeaderFacts, sidecar: Sidecar | undefined): HeaderFacts {
  if (!sidecar) return header
  return {
    ...header,
    ...(sidecar.year ? { year: sidecar.year } : {}),
    ...(sidecar.docNumber ? { docNumber: sidecar.docNumber } : {}),
    ...(sidecar.kind ? { kind: sidecar.kind } : {}),
  }
}

/** The [start, end) of the comma-separated clause of a sentence that holds `at`. */
function clauseOf(sentence: string, at: number): [number, number] {
  let s = at
  while (s > 0 && !/[，,；;]/.test(sentence[s - 1]!)) s--
  let e = at
  while (e < sentence.length && !/[，,；;]/.test(sentence[e]!)) e++
  return [s, e]
}

function asText(d: ReturnType<typeof decodeDocument>): Read {
  return d.ok ? { ...d, format: 'text' } : d
}

/**
 * A date stated in a sentence belongs to the nearest activity named in that sentence. A sentence
 * that names none but states when "the activities" run (活动于9月15日至21日集中开展) belongs to the
 * activity of the sentence before it. Of an activity's dates, a range of days wins over a day.
 */
const RUN_WORDS = /(集中开展|定于|活动时间)/
const TIME_HEADING = /^[一二三四五六七八九十\d]*[、.．]?\s*[（(]?[一二三四五六七八九十\d]*[）)]?\s*(?:活动)?时间(?:和主题|及主题|安排)?[。:：]?\s*$/gm

function attachStatedDates(text: string, placed: Placed[], year: number, titleEnd: number, bodyStart: number): { at: number; reason: string }[] {
  const problems: { at: number; reason: string }[] = []
  const found = new Map<Placed, StatedDate[]>()
  const give = (p: Placed, d: StatedDate) => found.set(p, [...(found.get(p) ?? []), d])
  const bySentence = groupBy(placed, (p) => String(p.sentence.start))
  for (const list of bySentence.values()) {
    const start = list[0]!.sentence.start
    const dates = findStatedDates(text.slice(start, list[0]!.sentence.end), year)
    for (const bad of dates.problems) problems.push({ at: start + bad.at, reason: bad.reason })
    const sentence = text.slice(start, list[0]!.sentence.end)
    for (const d of dates.dates) {
      const at = start + d.at
      // The activity in the date's own clause first (…5月24—31日是科技活动周，5月30日是科技工作者日), then the nearest.
      const clause = clauseOf(sentence, d.at)
      const near = (p: Placed) => Math.min(...p.hits.map((h) => (h - start >= clause[0] && h - start < clause[1] ? 0 : 1e9) + Math.abs(h - at)))
      give(list.reduce((best, p) => (near(p) < near(best) ? p : best)), d)
    }
  }
  // The sentence right after one that names an activity, stating when its activities run; for the
  // title, the first sentence of the body (a report's lead: 5月21日至28日，南极乡…开展了…活动).
  for (const p of placed) {
    const from = p.at < titleEnd ? bodyStart : p.sentence.end
    const next = sentenceAround(text, from, from)
    if (next.start !== from || bySentence.has(String(next.start)) || next.end - next.start > 200) continue
    const sentence = text.slice(next.start, next.end)
    if (!RUN_WORDS.test(sentence) && !(/(活动|行动)/.test(sentence) && /(举行|举办|开展|安排)/.test(sentence))) continue
    for (const d of findStatedDates(sentence, year).dates) if (d.end > d.start) give(p, d)
  }
  // A notice's own 时间 section (一、活动时间 / （一）时间。) is the period of the activity its title names.
  const main = placed.find((p) => p.at < titleEnd) ?? null
  for (const m of text.matchAll(TIME_HEADING)) {
    if (!main) break
    const after = m.index + m[0].length
    const line = text.slice(after, after + 60).split('\n').find((l) => l.trim()) ?? ''
    const d = findStatedDates(line, year).dates[0]
    if (d) give(main, d)
  }
  endPeriods(text, placed, found, bySentence, year)
  for (const [p, list] of found) {
    const d = periodOf(list)
    if (d) p.mention.stated = { start: d.start, end: d.end, text: d.text, ...(d.tentative ? { tentative: true } : {}) }
  }
  return problems
}

/**
 * A sentence that says how long an activity runs (主场活动将持续到6月上旬; 活动将持续至9月9日) ends the
 * period of the activity it names that began on a stated day before it, or, naming none, of the
 * dated activity named last before it.
 */
function endPeriods(text: string, placed: Placed[], found: Map<Placed, StatedDate[]>, bySentence: Map<string, Placed[]>, year: number): void {
  const ends: { at: number; date: StatedDate; activity?: string }[] = []
  for (const [p, list] of found) {
    for (const date of list.filter((d) => d.until)) ends.push({ at: p.sentence.start, date, activity: p.mention.activity })
    found.set(p, list.filter((d) => !d.until))
  }
  // Sentences that name no activity, each read once however many such words it holds.
  const read = new Set<number>()
  for (const m of text.matchAll(PERIOD_END_WORDS)) {
    const sentence = sentenceAround(text, m.index, m.index)
    if (bySentence.has(String(sentence.start)) || read.has(sentence.start)) continue
    read.add(sentence.start)
    for (const date of findStatedDates(text.slice(sentence.start, sentence.end), year).dates) if (date.until) ends.push({ at: sentence.start, date })
  }
  for (const end of ends) {
    const dated = [...found].filter(([q, list]) => q.sentence.start <= end.at && list.length > 0)
    const same = dated.filter(([q]) => q.mention.activity === end.activity)
    const pool = same.length ? same : dated.filter(([q]) => end.at - q.sentence.end < 300)
    const last = pool.reduce<(typeof pool)[number] | null>((l, e) => (!l || e[0].at > l[0].at ? e : l), null)
    last?.[1].push(end.date)
  }
}

/** The activity's period from its dates: a range wins over a day, and a day with a 持续至 end becomes a range. */
function periodOf(list: StatedDate[]): StatedDate | undefined {
  const d = preferredPeriod(list.filter((x) => !x.until))
  if (!d || d.start !== d.end) return d
  // An end within four months of the start: a tour stop or an exhibition, never a year-long programme.
  const end = list.find((u) => u.until && u.end > d.start && daysBetween(d.start, u.end) <= 120)
  return end ? { ...d, end: end.end, text: `${d.text}…${end.text}`, ...(end.tentative ? { tentative: true } : {}) } : d
}
