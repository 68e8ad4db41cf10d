import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeLocalEntries } from '../../../scripts/bench/corpus'
import { loadCatalog } from '../../../scripts/catalog/load'
import { parseEntryYamlFast } from '../../../scripts/local/fastYaml'
import { parseEntryYaml } from '@/domain/local/yaml'
import { root } from '../helpers'

// The build's quick reading of entry files must read every file as the reference reading does
// (src/domain/local/yaml.ts), or hand it over: same values, same lines, same problems.
function sameReading(text: string) {
  const fast = parseEntryYamlFast(text)
  const slow = parseEntryYaml(text)
  expect(fast.problems, text).toEqual(slow.problems)
  expect(fast.value, text).toEqual(slow.value)
  const value = slow.value
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value)) expect(fast.lineOf(key), `${key} in\n${text}`).toBe(slow.lineOf(key))
    if ('stops' in value) expect(fast.lineOf('stops.1.place')).toBe(slow.lineOf('stops.1.place'))
  }
}

describe('the build’s quick reading of entry files', () => {
  it('reads 400 generated entries (tours with stops, times, cancellations) as the reference does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kepu-fast-'))
    const { activities } = loadCatalog(join(root, 'seeds/catalog.yaml'), () => true)
    writeLocalEntries(dir, 400, activities, [2025, 2026, 2027], 7)
    for (const code of readdirSync(dir)) for (const f of readdirSync(join(dir, code))) sameReading(readFileSync(join(dir, code, f), 'utf8'))
  })

  it.each([
    ['quoted and plain scalars', 'title: "9:00 开始: 科普"\nregion: \'130283\'\nrevision: 2\nstart: 2026-05-12\n'],
    ['numbers, booleans and nulls of YAML 1.2 core', 'a: 0x10\nb: 0o17\nc: yes\nd: ~\ne: true\nf: 1_000\ng: .5\nh: 1e3\n'],
    ['block and folded text', 'description: |\n  第一行\n  第二行\nnote: >\n  折叠\n  的行\n'],
    ['comments and blank lines', '# 注释\n\nactivity: kepu-ri # 行尾注释\n\n\ntitle: 科普日\n'],
    ['a flow mapping and list', 'audience: [public, youth]\nstops: [{place: 甲, start: 2026-05-01, end: 2026-05-02}]\n'],
    ['stops as a block list', 'stops:\n  - place: 甲\n    start: 2026-05-01\n    end: 2026-05-02\n  - place: 乙\n    start: 2026-05-03\n    end: 2026-05-03\n'],
    ['an empty file', ''],
    ['a list, not a mapping', '- a\n- b\n'],
    ['a duplicate key', 'title: 一\ntitle: 二\n'],
    ['a tab for indentation', 'stops:\n\t- place: 甲\n'],
    ['a bad indentation', 'title: 一\n  region: 130283\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['an alias bomb', 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\ne: &e [*d,*d]\nf: &f [*e,*e]\n'],
    ['a tag', 'start: !!timestamp 2026-05-12\n'],
    ['too deep', 'a:\n  b:\n    c:\n      d:\n        e:\n          f:\n            g: 1\n'],
    ['a key that is a number', '1: 一\n'],
    ['Windows line ends', 'title: 科普日\r\nregion: "130283"\r\n'],
  ])('%s', (_what, text) => sameReading(text))
})
