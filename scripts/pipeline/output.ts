import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Change } from '../../src/domain/changes'
import type { Dataset } from './build'

// What an output folder already holds, read before a build writes into it: the dataset it
// published last time (to compare with, and to check edits against), and files that are not ours.

/** What the app reads first: the build's version and where its data lives. */
export interface LatestPointer {
  version: string
  /** DATA_FORMAT: which app code can read this dataset. */
  format: number
  dataDate: string
  window: { from: number; to: number }
  path: string
}

export type Previous = Pick<Dataset, 'instances' | 'documents'> & { version: string; log: Change[] }

/** What this pipeline writes in OUT/data and OUT/feeds: anything else there is someone else's. */
const OURS = { data: /^([0-9a-f]{12}|latest\.json|\.latest\.json\.next|\.staging)$/, feeds: /^(\d{6}(-youth|-counties)?\.ics|(\d{6}-)?changes\.atom|\.manifest\.json)$/ }

/**
 * The files in `out` that this pipeline did not write and would remove: an `--out` folder that
 * holds them is refused (or, with --force, they are named and removed).
 */
export function foreignFiles(out: string): string[] {
  const found: string[] = []
  for (const [dir, ours] of Object.entries(OURS)) {
    let names: string[] = []
    try {
      names = readdirSync(join(out, dir))
    } catch {
      continue
    }
    for (const name of names) if (!ours.test(name)) found.push(`${dir}/${name}`)
  }
  return found.sort()
}

/** The pointer a site's `data/` folder serves (`dataRoot/latest.json`), if there is one. */
export function readPointer(dataRoot: string): LatestPointer | null {
  try {
    return JSON.parse(readFileSync(join(dataRoot, 'latest.json'), 'utf8')) as LatestPointer
  } catch {
    return null
  }
}

/** The dataset the last build published in `dataRoot`, if any, with its change log. */
export function readPrevious(dataRoot: string): Previous | null {
  const pointer = readPointer(dataRoot)
  if (!pointer) return null
  try {
    const dir = join(dataRoot, pointer.version)
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'))
    const log = existsSync(join(dir, 'changes.json')) ? (read('changes.json') as { log: Change[] }).log : []
    return { version: pointer.version, instances: read('instances.json'), documents: read('index.json').documents, log }
  } catch {
    return null
  }
}
