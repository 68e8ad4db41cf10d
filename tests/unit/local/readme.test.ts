import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { checkEntryContext } from '../../../src/domain/local/rules'
import { checkEntry } from '../../../src/domain/local/schema'
import { parseEntryYaml } from '../../../src/domain/local/yaml'
import { catalog, regions, root, YEARS } from '../helpers'

// The README's complete example must be a valid entry.
it('the README example entry is valid', () => {
  const readme = readFileSync(`${root}README.md`, 'utf8')
  const yaml = /A complete example,[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!
  const parsed = parseEntryYaml(yaml)
  expect(parsed.problems).toEqual([])
  const { entry, problems } = checkEntry(parsed.value)
  expect(problems).toEqual([])
  const ctx = checkEntryContext(entry!, {
    activities: new Map(catalog.activities.map((a) => [a.id, a])),
    regionExists: (c) => regions.byCode.has(c),
    years: YEARS,
    folder: '130283',
    dataDate: '2026-08-01',
  })
  expect(ctx.errors).toEqual([])
})
