import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { calendarOf } from '../../src/domain/calendar'
import { carryForward, periodFromNational } from '../../src/domain/carryForward'
import { groupBy } from '../../src/domain/group'
import { compareInstances, expandInstances } from '../../src/domain/instances'
import { noticeConflicts, noticeDates } from '../../src/domain/notices'
import { RegionIndex } from '../../src/domain/regions'
import type { Activity, Candidate, DocumentMeta, Instance, Mention, Region, RegionData } from '../../src/domain/types'
import { loadCatalog } from '../catalog/load'
import { extractDocument } from '../extract/document'
import { ActivityMatcher } from '../extract/mentions'
import { isDocumentFile, readDocument } from '../extract/read'
import { RegionNames, type Placement } from '../extract/resolveRegion'
import { parseSidecar, type Sidecar } from '../extract/sidecar'
import type { Problem } from '../problems'
import { loadLocalEntries } from '../local/load'
import { loadRegions } from '../regions/load'
import { deriveDataDate } from './dataDate'
import type { Settings } from '../settings'

export interface BuildInput {
  documentsDir: string
  catalogFile: string
  /** seeds/local: county organisers' entries (absent folder = none). */
  localDir?: string
  settings: Settings
  /** Regions to use instead of the national list (tests). */
  regions?: Region[]
}

export interface Dataset {
  settings: Settings
  regions: RegionIndex
  activities: Activity[]
  documents: DocumentMeta[]
  mentions: Mention[]
  candidates: Candidate[]
  /** Every instance, in the region that holds it. */
  instances: Instance[]
  /** How many organiser entries were published. */
  localEntries: number
  /** Problems that do not stop the build. */
  warnings: Problem[]
  /** Problems that stop it: nothing is written. */
  errors: Problem[]
  /** Documents placed with little or no evidence, for a person to settle (review report). */
  reviews: Review[]
  /** The newest date among the inputs (see dataDate.ts): 数据更新于, DTSTAMP in feeds. */
  dataDate: string
}

export interface Review {
  file: string
  title: string
  placement: Placement
  year: number | null
}

/** Larger than any notice: a misplaced file (KEPU_MAX_DOCUMENT_MB changes it). */
const MAX_DOCUMENT_BYTES = Number(process.env.KEPU_MAX_DOCUMENT_MB ?? 20) * 1024 * 1024

/** The corpus's manifest: file, kind, issuer, date published, source (seeds/documents/MANIFEST.tsv). */
export const MANIFEST_FILE = 'MANIFEST.tsv'

/** `notice.docx` is settled by `notice.meta.yaml` beside it. */
export const sidecarName = (file: string) => file.replace(/\.[^.]+$/, '') + '.meta.yaml'

/** Reads the inputs and computes everything the outputs are made of. Writes nothing. */
export async function buildDataset(input: BuildInput): Promise<Dataset> {
  const regions = new RegionIndex(input.regions ?? loadRegions())
  const catalog = loadCatalog(input.catalogFile, (code) => regions.byCode.has(code))
  const errors: Problem[] = [...catalog.problems]
  const warnings: Problem[] = []
  const matcher = new ActivityMatcher(catalog.activities)
  const names = new RegionNames(regions)

  const documents: DocumentMeta[] = []
  const mentions: Mention[] = []
  const candidates: Candidate[] = []
  const reviews: Review[] = []
  const seen = new Map<string, string>()
  for (const file of listDocuments(input.documentsDir, warnings)) {
    const path = join(input.documentsDir, file)
    let bytes: Uint8Array
    try {
      bytes = readFileSync(path)
    } catch {
      warnings.push({ file, message: '跳过：无法读取文件 (skipped: cannot read the file); 检查文件权限' })
      continue
    }
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      warnings.push({ file, message: `跳过：文件超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB (skipped: larger than the limit); 一份通知不会这么大，请检查是否放错了文件` })
      continue
    }
    // The same document saved twice (two names, one content) is read once: cited once on every event.
    const digest = createHash('sha256').update(bytes).digest('hex')
    const twin = seen.get(digest)
    if (twin) {
      warnings.push({ file, message: `与 ${twin} 内容相同，只读取一次 (same content as ${twin}: read once)` })
      continue
    }
    seen.set(digest, file)
    const sidecarPath = join(input.documentsDir, sidecarName(file))
    let sidecar: Sidecar | undefined
    if (existsSync(sidecarPath)) {
      const parsed = parseSidecar(sidecarName(file), readFileSync(sidecarPath, 'utf8'), regions)
      errors.push(...parsed.problems)
      sidecar = parsed.sidecar ?? undefined
    }
    const result = extractDocument(file, await readDocument(file, bytes), matcher, names, sidecar)
    warnings.push(...result.problems)
    if (!result.document) continue
    if (result.placement && ['medium', 'low', 'none'].includes(result.placement.confidence)) {
      reviews.push({ file, title: result.document.title, placement: result.placement, year: result.document.year })
    }
    documents.push(result.document)
    mentions.push(...result.mentions)
    candidates.push(...result.candidates)
    if (result.document.regionCode && result.mentions.length === 0) {
      warnings.push({ file, message: '没有识别到任何活动 (no activity found); 检查活动目录 seeds/catalog.yaml 是否缺少名称' })
    }
  }
  // National notices fix the year's official dates; where the catalogue's table says otherwise,
  // the notice wins and the build says so (the table is the fallback for years with no notice).
  const notices = noticeDates(documents, mentions, catalog.activities)
  const docsById = new Map(documents.map((d) => [d.id, d]))
  for (const { notice, table } of noticeConflicts(notices, catalog.activities)) {
    warnings.push({
      file: docsById.get(notice.document)!.file,
      field: notice.activity,
      message: `通知的日期 ${notice.start}—${notice.end} 与活动目录 seeds/catalog.yaml 中 ${notice.year} 年的 ${table.start}—${table.end}（${table.source}）不一致，采用通知；请核对后更新目录 (the notice and the catalogue disagree; the notice wins)`,
    })
  }
  const instances = expandInstances({ activities: catalog.activities, documents, mentions, years: input.settings.years, notices })
  // Entries are checked against the date of everything else; their own `updated` counts after.
  const inputsDate = input.settings.dataDate ?? deriveDataDate({ documents, activities: catalog.activities, local: [], years: input.settings.years })
  let localEntries = 0
  if (input.localDir && !catalog.problems.length) {
    const local = loadLocalEntries({
      dir: input.localDir,
      displayRoot: 'seeds/local',
      activities: catalog.activities,
      regions,
      years: input.settings.years,
      dataDate: inputsDate,
      documents,
      mentions,
      instances,
    })
    errors.push(...local.errors)
    warnings.push(...local.warnings)
    instances.push(...local.instances)
    instances.sort(compareInstances)
    localEntries = local.entries
  }
  const local = instances.filter((i) => i.basis === 'local')
  const dataDate = input.settings.dataDate ?? deriveDataDate({ documents, activities: catalog.activities, local, years: input.settings.years })
  // Local series carried forward (往年惯例), once every document and entry has had its say.
  instances.push(...carryForward({ instances, activities: catalog.activities, years: input.settings.years, today: dataDate, periodOf: periodFromNational(instances, catalog.activities) }))
  instances.sort(compareInstances)
  return { settings: input.settings, regions, activities: catalog.activities, documents, mentions, candidates, instances, localEntries, warnings, errors, reviews, dataDate }
}

function listDocuments(dir: string, warnings: Problem[]): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    throw new Error(`找不到文件夹 (no such folder): ${dir}`)
  }
  return names
    .filter((name) => {
      // The corpus's list of what each document is and where it came from (MANIFEST.tsv) is for people.
      if (name.startsWith('.') || name.endsWith('.meta.yaml') || name === MANIFEST_FILE) return false
      let stat
      try {
        stat = statSync(join(dir, name))
      } catch {
        warnings.push({ file: name, message: '跳过：链接指向的文件不存在或无法读取 (skipped: a broken link or an unreadable file)' })
        return false
      }
      if (stat.isDirectory()) {
        warnings.push({ file: name, message: '跳过：这是一个文件夹，不是文件 (skipped: a folder, not a file)' })
        return false
      }
      if (isDocumentFile(name)) return true
      warnings.push({ file: name, message: '跳过：不是可读的文件格式 (skipped: read are .txt, .html, .docx and PDF with a text layer)' })
      return false
    })
    .sort()
}

/** Each region's own instances, and its calendar (own + ancestors', views merged). */
export function regionCalendars(data: Dataset): Map<string, RegionData> {
  const own = groupBy(data.instances, (i) => i.region)
  const out = new Map<string, RegionData>()
  for (const region of data.regions.all) {
    const path = data.regions.path(region.code)
    const chain = path.map((r) => ({ region: r, path: [], instances: own.get(r.code) ?? [] }))
    out.set(region.code, { region, path, instances: calendarOf(chain) })
  }
  return out
}
