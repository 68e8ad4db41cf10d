import { join } from 'node:path'
import { loadCatalog } from '../scripts/catalog/load'
import { loadRegions } from '../scripts/regions/load'
import { loadSettings } from '../scripts/settings'
import { checkEntryText, type EntryTextProblem } from '../src/domain/local/check'
import { fileIdProblem, type LocalEntry } from '../src/domain/local/schema'
import { RegionIndex } from '../src/domain/regions'
import type { Activity } from '../src/domain/types'

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
 * A submitted entry with its file name, checked by the build's own checker (checkEntryText), so
 * the same messages. The build checks it once more when it is published.
 */
export function checkSubmission(fileId: unknown, yaml: unknown, cat: Catalogue, dataDate: string): { entry: LocalEntry | null; problems: EntryTextProblem[] } {
  if (typeof fileId !== 'string' || typeof yaml !== 'string') return { entry: null, problems: [{ message: '请求缺少 fileId 或 yaml (fileId and yaml are required strings)' }] }
  const badName = fileIdProblem(fileId)
  if (badName) return { entry: null, problems: [{ field: 'fileId', message: badName }] }
  const { entry, errors } = checkEntryText(yaml, { activities: cat.activities, regionExists: (c) => cat.regions.byCode.has(c), years: cat.years, dataDate })
  return { entry, problems: errors }
}
