import { join } from 'node:path'
import { loadCatalog } from '../scripts/catalog/load'
import { loadRegions } from '../scripts/regions/load'
import { loadSettings } from '../scripts/settings'
import { checkEntryContext } from '../src/domain/local/rules'
import { checkEntry, fileIdProblem, type LocalEntry } from '../src/domain/local/schema'
import { parseEntryYaml } from '../src/domain/local/yaml'
import { RegionIndex } from '../src/domain/regions'
import type { Activity } from '../src/domain/types'

export interface EntryProblem {
  line?: number
  field?: string
  message: string
}

export interface Catalogue {
  activities: Map<string, Activity>
  regions: RegionIndex
  years: number[]
}

/** The catalogue, the regions and the calendar's years, read as the build reads them. */
export function loadCatalogue(root: string): Catalogue {
  const regions = new RegionIndex(loadRegions())
  const { activities, problems } = loadCatalog(join(root, 'seeds/catalog.yaml'), (c) => regions.byCode.has(c))
  if (problems.length) throw new Error(`seeds/catalog.yaml: ${problems.map((p) => p.message).join('; ')}`)
  return { activities: new Map(activities.map((a) => [a.id, a])), regions, years: loadSettings(join(root, 'seeds/settings.json')).years }
}

/**
 * A submitted entry, checked as the build checks seeds/local/<code>/<id>.yaml: the same parser,
 * schema and rules, so the same messages. The build checks it once more when it is published.
 */
export function checkSubmission(fileId: unknown, yaml: unknown, cat: Catalogue, dataDate: string): { entry: LocalEntry | null; problems: EntryProblem[] } {
  if (typeof fileId !== 'string' || typeof yaml !== 'string') return { entry: null, problems: [{ message: '请求缺少 fileId 或 yaml (fileId and yaml are required strings)' }] }
  const badName = fileIdProblem(fileId)
  if (badName) return { entry: null, problems: [{ field: 'fileId', message: badName }] }
  const parsed = parseEntryYaml(yaml)
  if (parsed.problems.length) return { entry: null, problems: parsed.problems.map((p) => ({ line: p.line, message: p.message })) }
  const checked = checkEntry(parsed.value)
  if (!checked.entry) return { entry: null, problems: checked.problems.map((p) => ({ line: parsed.lineOf(p.field), field: p.field || undefined, message: p.message })) }
  const ctx = checkEntryContext(checked.entry, { activities: cat.activities, regionExists: (c) => cat.regions.byCode.has(c), years: cat.years, dataDate })
  if (ctx.errors.length) return { entry: null, problems: ctx.errors.map((p) => ({ line: parsed.lineOf(p.field), field: p.field, message: p.message })) }
  return { entry: checked.entry, problems: [] }
}
