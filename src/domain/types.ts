// The words of the domain (see ../../README.md#data-model). Pure types: shared by scripts/ and src/.

/** ISO calendar date, `YYYY-MM-DD`. Dates are never `Date` objects here: no time zone can shift them. */
export type IsoDate = string

export type RegionLevel = 'national' | 'province' | 'city' | 'county'

export interface Region {
  code: string
  name: string
  level: RegionLevel
  /** null for the national root. */
  parent: string | null
}

export const NATIONAL_CODE = '000000'

export type ActivityKind =
  | 'day'
  | 'week'
  | 'month'
  | 'tour'
  | 'contest'
  | 'camp'
  | 'lecture'
  | 'campaign'

export type Audience = 'public' | 'youth' | 'farmers' | 'elderly' | 'workers' | 'officials'

/** How a period is projected for a year that has no official or stated date. */
export type DateRule =
  /** Same day every year, set by law or decree: the projection is certain. */
  | { type: 'fixed'; month: number; day: number; length?: number; authority?: string }
  /** A whole month, set by law (全国科普月 from 2025). Certain. */
  | { type: 'month'; month: number; from?: number; authority?: string }
  /** The first `weekday` (0 = Sunday … 6 = Saturday) on or after month-day, for `length` days. Tentative. */
  | { type: 'weekday-on-or-after'; month: number; day: number; weekday: number; length: number }
  /** Held together with another activity: same period. Tentative unless that year's document says so. */
  | { type: 'with'; activity: string }

export interface OfficialDate {
  year: number
  start: IsoDate
  end: IsoDate
  /** Where the date was seen: notice number, outlet, law. */
  source: string
  note?: string
  /** Bumped when a published official date is corrected, so calendar clients take the change. */
  revision?: number
  /** When the source was published (the newest input date is the data's date). */
  published?: IsoDate
}

export interface Activity {
  id: string
  name: string
  /** The name from a year on, e.g. 全国科普日 → 全国科普月 from 2025. */
  renamed?: { from: number; name: string }[]
  /** Exact strings that name the activity in documents (after normalisation). */
  aliases: string[]
  /** Regular expressions (source text) for forms that need a guard, e.g. `科普日(?!常)`. */
  patterns?: string[]
  kind: ActivityKind
  audience: Audience[]
  /** `national`, a region code, or `issuer` (each ordering region runs its own). */
  owner: 'national' | 'issuer' | string
  rule?: DateRule
  /** The rule in the words of the text that sets it, for people. */
  ruleText?: string
  official?: OfficialDate[]
  /** A numbered series: edition of `baseYear` is `baseEdition`. */
  edition?: { baseYear: number; baseEdition: number }
  /** The first year the series exists (e.g. 中国航天日 2016). */
  since?: number
  description?: string
}

export interface DocumentMeta {
  id: string
  file: string
  title: string
  /** The plan the notice issues, e.g. 《青海省科协2023年科普工作要点》 without brackets. */
  planTitle: string | null
  issuers: string[]
  regionCode: string | null
  regionName: string | null
  docNumber: string | null
  issued: IsoDate | null
  year: number | null
  encoding: string
  /** Number of characters of normalised text. */
  length: number
  /** What kind of text it is: a notice, a plan (要点, 方案), a news report, or another page. */
  kind: DocumentKind
  /** The file it was read from: text, a saved portal page, a Word file or a PDF. */
  format: DocumentFormat
  /** How sure the placement of `regionCode` is (see the review report for the evidence). */
  confidence: PlacementConfidence
  /** Where the copy came from (its first line `SOURCE: …`), when it says. */
  source?: string
}

export type DocumentKind = 'notice' | 'plan' | 'news' | 'page'
export type DocumentFormat = 'text' | 'html' | 'docx' | 'pdf'
/** `sidecar`: settled by a maintainer's <document>.meta.yaml. */
export type PlacementConfidence = 'sidecar' | 'high' | 'medium' | 'low' | 'none'

export interface Mention {
  document: string
  activity: string
  activityName: string
  /** e.g. `四、（三）` or `16.` */
  clause: string
  clauseTitle: string | null
  quote: string
  /** Offset in characters into the decoded (not normalised) document text. */
  offset: number
  line: number
  /** The exact words matched, e.g. 第38届青海省青少年科技创新大赛. */
  matched: string
  edition?: number
  /** Dates the sentence states for this activity. */
  /** The period the document states for the activity; `tentative` for words like 5月下旬. */
  stated?: { start: IsoDate; end: IsoDate; text: string; tentative?: boolean }
}

export interface Candidate {
  document: string
  name: string
  quote: string
  clause: string
  line: number
}

export type Basis = 'official' | 'document' | 'local' | 'rule'
export type InstanceStatus = 'confirmed' | 'tentative' | 'undated' | 'cancelled'

export type Source =
  | {
      type: 'document'
      document: string
      docNumber: string | null
      title: string
      regionName: string | null
      clause: string
      quote: string
    }
  | { type: 'official'; text: string; note?: string }
  | { type: 'rule'; text: string }
  | { type: 'local'; file: string; revision: number }

export interface LocalDetails {
  venue?: string
  address?: string
  organiser?: string
  contact?: string
  description?: string
  link?: string
  startTime?: string
  endTime?: string
  stops?: { place: string; start: IsoDate; end: IsoDate }[]
  /** When the organiser last changed the entry: LAST-MODIFIED in feeds. */
  updated?: IsoDate
}

export interface Instance {
  /** Stable: derived from activity, owner region, year and (for local entries) the entry id; never from dates. */
  uid: string
  activity: string
  /** The activity's kind, carried along so a calendar renders without the catalogue. */
  kind: ActivityKind
  region: string
  year: number
  title: string
  /** null when the date is not yet announced. */
  start: IsoDate | null
  end: IsoDate | null
  basis: Basis | null
  status: InstanceStatus
  sequence: number
  audience: Audience[]
  edition?: number
  sources: Source[]
  local?: LocalDetails
  /** Carried forward by custom (往年惯例): the years the region held its own edition before. */
  carried?: number[]
}

/**
 * An instance as a calendar lists it. Its sources (quotes, 文号, rules) are shown only on the event
 * page and in exports, so the region file that draws the first screen leaves them out: they are
 * in s/<code>.json, keyed by UID.
 */
export type ListedInstance = Omit<Instance, 'sources'>

/** A region's calendar as the app shows it: its own events and every ancestor's (calendarOf). */
export interface RegionCalendar {
  region: Region
  path: Region[]
  instances: ListedInstance[]
  /** Where the region's own events come from (absent in data built before it was added). */
  origin?: CalendarOrigin
}

/** What a region page says of its events' origin; the national page also says how regional the whole calendar is. */
export interface CalendarOrigin {
  /** The region's own events (not its ancestors'), and what they rest on. */
  own: number
  documents: number
  entries: number
  carried: number
  /** Only on the national calendar: regions with events of their own, in how many provinces, from how many documents. */
  coverage?: { regions: number; provinces: number; documents: number; current: number; thisYear: number }
  /** A city's or a municipality's county-level regions: it has a feed with their own events too (COUNTIES_FEED). */
  counties?: number
}

/**
 * One region's own events as published (r/<code>.json): instances whose region is this one, not its
 * ancestors'. A calendar is made from the files of its path (composeCalendar), so the national
 * events are published once, not copied into 3,000 region files.
 */
export type RegionOwn = RegionCalendar

/** The sources of a region's own instances (s/<code>.json, only for regions that have any), keyed by UID. */
export type RegionSources = Record<string, Source[]>

/** The JSON of one region's own instances (its calendar adds its ancestors'). */
export interface RegionData {
  region: Region
  /** Ancestors from the national root down to the region itself. */
  path: Region[]
  instances: Instance[]
}
