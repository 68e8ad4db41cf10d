import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import type { Activity } from '../../src/domain/types'
import type { Problem } from '../problems'
import { catalogSchema } from './schema'

/** Reads and checks the catalogue; every problem is returned, none thrown. */
export function loadCatalog(file: string, regionExists: (code: string) => boolean): { activities: Activity[]; problems: Problem[] } {
  const problems: Problem[] = []
  let data: unknown
  try {
    data = parse(readFileSync(file, 'utf8'))
  } catch (e) {
    return { activities: [], problems: [{ file, message: `YAML 无法解析 (cannot parse): ${(e as Error).message}` }] }
  }
  const parsed = catalogSchema.safeParse(data)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file, field: issue.path.join('.'), message: issue.message })
    return { activities: [], problems }
  }
  const activities = parsed.data.activities as Activity[]
  const ids = new Set<string>()
  for (const [i, a] of activities.entries()) {
    const field = `activities.${i}(${a.id})`
    if (ids.has(a.id)) problems.push({ file, field, message: 'duplicate id' })
    ids.add(a.id)
    if (a.owner !== 'national' && a.owner !== 'issuer' && !regionExists(a.owner)) problems.push({ file, field: `${field}.owner`, message: `unknown region code ${a.owner}` })
    for (const p of a.patterns ?? []) {
      try {
        new RegExp(p)
      } catch {
        problems.push({ file, field: `${field}.patterns`, message: `invalid regular expression ${p}` })
      }
    }
  }
  for (const a of activities) {
    if (a.rule?.type === 'with' && !ids.has(a.rule.activity)) problems.push({ file, field: `${a.id}.rule`, message: `unknown activity ${a.rule.activity}` })
  }
  return { activities, problems }
}
