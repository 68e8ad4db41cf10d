import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Problem } from '../problems'
import type { Settings } from '../settings'
import { buildDataset, type Dataset } from './build'
import { unbumpedEdits } from './edits'
import { foreignFiles, readPrevious } from './output'
import { writeReview } from './review'
import { writeDataset } from './write'

export interface RunInput {
  documentsDir: string
  catalogFile: string
  localDir: string
  settings: Settings
  out: string
  /** Remove files in OUT/data and OUT/feeds that this pipeline did not write (named in `removed`). */
  force?: boolean
}

export type RunResult =
  | { ok: true; data: Dataset; pointer: ReturnType<typeof writeDataset>; review: string; removed: string[] }
  | { ok: false; data: Dataset | null; errors: Problem[]; foreign: string[] }

/**
 * One build, from the inputs to a published dataset in OUT: what `npm run data` does, and what the
 * organiser service does when a reviewer approves an entry. Nothing is written when any input has
 * an error, or when OUT holds files that are not ours (unless `force`).
 */
export async function runPipeline(input: RunInput): Promise<RunResult> {
  const out = resolve(input.out)
  const data = await buildDataset({ documentsDir: input.documentsDir, catalogFile: input.catalogFile, localDir: input.localDir, settings: input.settings })
  // An edited entry must raise its revision, or subscribers never see the edit.
  const previous = readPrevious(resolve(out, 'data'))
  if (previous) data.errors.push(...unbumpedEdits(previous.instances, data.instances))
  if (data.errors.length) return { ok: false, data, errors: data.errors, foreign: [] }
  // OUT/data and OUT/feeds are ours: a folder holding other files there is refused, not emptied.
  const foreign = foreignFiles(out)
  if (foreign.length && !input.force) return { ok: false, data, errors: [], foreign }
  for (const f of foreign) rmSync(resolve(out, f), { recursive: true, force: true })
  const pointer = writeDataset(data, out, previous)
  return { ok: true, data, pointer, review: writeReview(data, out), removed: foreign }
}
