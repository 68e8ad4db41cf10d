import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { groupBy } from '../../src/domain/group'
import { documentSource } from '../../src/domain/sources'
import { entryText } from '../../src/domain/local/file'
import { localInstances } from '../../src/domain/local/instances'
import { fileIdProblem, type LocalEntry } from '../../src/domain/local/schema'
import type { RegionIndex } from '../../src/domain/regions'
import type { Activity, DocumentMeta, Instance, Mention } from '../../src/domain/types'
import type { Problem } from '../problems'
import { checkEntryTextFast } from './fastYaml'

export interface LocalInput {
  dir: string
  /** Shown in messages and sources, e.g. seeds/local */
  displayRoot: string
  activities: Activity[]
  regions: RegionIndex
  years: number[]
  dataDate: string
  documents: DocumentMeta[]
  mentions: Mention[]
  /** Instances from documents and the catalogue, for the period check. */
  instances: Instance[]
}

export interface LocalResult {
  instances: Instance[]
  entries: number
  errors: Problem[]
  warnings: Problem[]
}

/**
 * Every organiser's entry under seeds/local/<code>/*.yaml, checked with the app's own schema.
 * Any error fails the whole build (nothing is half-published), with every problem listed.
 */
export function loadLocalEntries(input: LocalInput): LocalResult {
  const errors: Problem[] = []
  const warnings: Problem[] = []
  const instances: Instance[] = []
  const activities = new Map(input.activities.map((a) => [a.id, a]))
  const seen = new Map<string, string>()
  let entries = 0
  // The period check needs the activity's own instances up the entry's region chain.
  const byRegionActivity = groupBy(input.instances, (i) => `${i.region}|${i.activity}`)
  const docs = new Map(input.documents.map((d) => [d.id, d]))
  // Mentions by activity, issuing region and plan year: an entry looks up only its own chain.
  const ordering = groupBy(input.mentions, (m) => {
    const d = docs.get(m.document)
    return `${m.activity}|${d?.regionCode}|${d?.year}`
  })

  for (const { path, folder } of listEntryFiles(input.dir, errors, input.displayRoot)) {
    const file = `${input.displayRoot}/${relative(input.dir, path)}`
    const id = path.replace(/^.*\//, '').replace(/\.ya?ml$/, '')
    const badName = fileIdProblem(id)
    if (badName) {
      errors.push({ file, message: badName })
      continue
    }
    const decoded = entryText(readFileSync(path))
    if (decoded.text === null) {
      errors.push({ file, message: decoded.problem! })
      continue
    }
    if (decoded.note) warnings.push({ file, message: decoded.note })
    const checked = checkEntryTextFast(decoded.text, {
      activities,
      regionExists: (c) => input.regions.byCode.has(c),
      years: input.years,
      folder,
      calendarFor: (e) => input.regions.path(e.region).flatMap((r) => byRegionActivity.get(`${r.code}|${e.activity}`) ?? []),
      dataDate: input.dataDate,
    })
    errors.push(...checked.errors.map((p) => ({ file, ...p })))
    warnings.push(...checked.warnings.map((p) => ({ file, ...p })))
    const entry = checked.entry
    if (!entry) continue
    entries++
    const key = `${entry.activity}|${entry.region}|${entry.start.slice(0, 4)}`
    const twin = seen.get(key)
    if (twin && entry.status !== 'cancelled')
      warnings.push({ file, field: 'activity', message: `同一地区同一年已有这项活动：${twin}；若是同一活动请合并 (the same activity twice for one region and year)` })
    if (entry.status !== 'cancelled') seen.set(key, file)
    instances.push(...localInstances(id, entry, { activity: activities.get(entry.activity)!, file, documentSources: orderingSources(entry, input.regions, ordering, docs) }))
  }
  return { instances, entries, errors, warnings }
}

/** The documents that order this activity, that year, for the entry's region or its ancestors. */
function orderingSources(entry: LocalEntry, regions: RegionIndex, ordering: Map<string, Mention[]>, docs: Map<string, DocumentMeta>) {
  const year = entry.start.slice(0, 4)
  return regions
    .path(entry.region)
    .flatMap((r) => ordering.get(`${entry.activity}|${r.code}|${year}`) ?? [])
    .map((m) => documentSource(docs.get(m.document)!, m))
}


function listEntryFiles(dir: string, errors: Problem[], displayRoot: string): { path: string; folder: string }[] {
  let names: string[]
  try {
    names = readdirSync(dir).sort()
  } catch {
    return []
  }
  const out: { path: string; folder: string }[] = []
  const broken = '链接指向的文件或文件夹不存在，或无法读取 (a broken link or an unreadable file)；请删除或修正'
  for (const name of names) {
    const path = join(dir, name)
    if (name.startsWith('.') || name === 'README.md' || name.endsWith('.schema.json')) continue
    const kind = kindOf(path)
    if (!kind) {
      errors.push({ file: `${displayRoot}/${name}`, message: broken })
      continue
    }
    if (kind === 'file') {
      errors.push({ file: `${displayRoot}/${name}`, message: '本地活动文件应放在 seeds/local/<地区代码>/ 文件夹中 (entries go in a folder named after their region code)' })
      continue
    }
    if (!/^\d{6}$/.test(name)) {
      errors.push({ file: `${displayRoot}/${name}/`, message: '文件夹名应为 6 位地区代码，如 130283 (folder name must be a 6-digit region code)' })
      continue
    }
    let files: string[]
    try {
      files = readdirSync(path).sort()
    } catch {
      errors.push({ file: `${displayRoot}/${name}/`, message: broken })
      continue
    }
    for (const f of files) {
      if (f.startsWith('.')) continue
      const file = `${displayRoot}/${name}/${f}`
      if (!/\.ya?ml$/.test(f)) errors.push({ file, message: '只接受 .yaml 文件 (only .yaml files are read here)' })
      else if (kindOf(join(path, f)) === 'file') out.push({ path: join(path, f), folder: name })
      else if (kindOf(join(path, f)) === 'folder') errors.push({ file, message: '这是一个文件夹，不是 .yaml 文件；请改名或移走 (a folder named like an entry file)' })
      else errors.push({ file, message: broken })
    }
  }
  return out
}

/** What is at `path`, following links: null when nothing is (a broken link) or it cannot be read. */
function kindOf(path: string): 'file' | 'folder' | null {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file'
  } catch {
    return null
  }
}
