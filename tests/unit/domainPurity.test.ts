import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The lint rule that keeps src/domain/ pure (eslint.config.js): a file there may import only
// from src/domain/.
const eslint = new ESLint()
const lint = async (code: string) => {
  const [result] = await eslint.lintText(code, { filePath: 'src/domain/probe.ts' })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('src/domain/ purity', () => {
  it.each([
    ["import { ref } from 'vue'", 'no Vue'],
    ["import { computed } from '@vue/reactivity'", 'no Vue'],
    ["import { readFileSync } from 'node:fs'", 'no Node APIs'],
    ["import { join } from 'path'", 'no Node APIs'],
    ["import { useDataStore } from '@/stores/data'", 'only from src/domain/'],
    ["import { loadSettings } from '../../scripts/settings'", 'build scripts'],
  ])('refuses %s', async (line, message) => {
    const messages = await lint(`${line}\nexport const x = 1\n`)
    expect(messages.join('\n')).toContain(message)
  })

  it('allows imports from the domain itself', async () => {
    expect(await lint("import { isoDate } from '@/domain/dates'\nimport { groupBy } from './group'\nexport const x = [isoDate, groupBy]\n")).toEqual([])
  })
})
