import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintFeed } from '../../scripts/check/feedLint'
import type { RegionCalendar, RegionSources } from '../../src/domain/types'
import { root, runData } from './helpers'

function run(out: string, tz: string): string {
  const r = runData(['--documents', join(root, 'tests/fixtures/seeds'), '--out', out], { TZ: tz })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

function treeHash(dir: string): string {
  const hash = createHash('sha256')
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, name.name)
      if (name.isDirectory()) walk(p)
      else hash.update(p.slice(dir.length)).update(readFileSync(p))
    }
  }
  walk(dir)
  return hash.digest('hex')
}

describe('npm run data', () => {
  const outs = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((tz) => {
    const out = mkdtempSync(join(tmpdir(), 'kepu-data-'))
    return { tz, out, stdout: run(out, tz) }
  })

  it('prints the summary', () => {
    expect(outs[0]!.stdout).toMatch(/documents\s+8 \(issuers placed in 6 regions\)/)
    expect(outs[0]!.stdout).toMatch(/warnings\s+0/)
  })

  it('writes byte-identical output in every time zone', () => {
    const hashes = outs.map((o) => treeHash(o.out))
    expect(new Set(hashes).size).toBe(1)
  })

  it('writes a calendar and two feeds for every region, a third for cities with their counties, and the feeds are clean', () => {
    const out = outs[0]!.out
    const { version } = JSON.parse(readFileSync(join(out, 'data/latest.json'), 'utf8')) as { version: string }
    const regions = JSON.parse(readFileSync(join(out, 'data', version, 'regions.json'), 'utf8')) as [string, string, string, string | null][]
    expect(readdirSync(join(out, 'data', version, 'r'))).toHaveLength(regions.length)
    // Cities and municipalities: the regions whose children are all counties (a province with a
    // 省直辖县 beside its cities has no such feed).
    const levels = new Map<string | null, Set<string>>()
    for (const [, , level, parent] of regions) levels.set(parent, new Set([...(levels.get(parent) ?? []), level]))
    const parents = new Set([...levels].filter(([parent, l]) => parent !== null && l.size === 1 && l.has('county')).map(([parent]) => parent!))
    const feeds = readdirSync(join(out, 'feeds')).filter((f) => f.endsWith('.ics'))
    expect(feeds.filter((f) => f.endsWith('-counties.ics')).map((f) => f.slice(0, 6)).sort()).toEqual([...parents].sort())
    expect(feeds).toHaveLength(regions.length * 2 + parents.size)
    const tangshan = JSON.parse(readFileSync(join(out, 'data', version, 'r/130200.json'), 'utf8')) as RegionCalendar
    expect(tangshan.path.map((r) => r.name)).toEqual(['全国', '河北省', '唐山市'])
    // A region's file holds its own events only (a calendar is its path's files, composeCalendar).
    expect(tangshan.instances.length).toBeGreaterThan(0)
    expect(tangshan.instances.every((i) => i.region === '130200')).toBe(true)
    // Every listed event has its sources in s/<code>.json, which the event page loads: one file
    // for each region that has events of its own, none for the others.
    const instances = JSON.parse(readFileSync(join(out, 'data', version, 'instances.json'), 'utf8')) as { region: string }[]
    expect(readdirSync(join(out, 'data', version, 's')).sort()).toEqual([...new Set(instances.map((i) => `${i.region}.json`))].sort())
    const sources = JSON.parse(readFileSync(join(out, 'data', version, 's/130200.json'), 'utf8')) as RegionSources
    expect(Object.keys(sources).sort()).toEqual(tangshan.instances.map((i) => i.uid).sort())
    expect(tangshan.instances.every((i) => !('sources' in i))).toBe(true)
    expect(tangshan.instances.filter((i) => i.basis).every((i) => sources[i.uid]!.length > 0)).toBe(true)
    for (const code of ['000000', '130200', '130283', '630000', '220000-youth', '130200-counties']) {
      expect(lintFeed(readFileSync(join(out, 'feeds', `${code}.ics`), 'utf8')), code).toEqual([])
    }
  })

  it('every generated feed passes the strict check (final CRLF, 75 octets, escaping, placement) and ical.js', () => {
    const dir = join(outs[0]!.out, 'feeds')
    const feeds = readdirSync(dir).filter((f) => f.endsWith('.ics'))
    expect(feeds.length).toBeGreaterThan(6000)
    const bad = feeds.filter((f) => lintFeed(readFileSync(join(dir, f), 'utf8')).length > 0)
    expect(bad).toEqual([])
  }, 120_000)

  it('warns about a bad document, names it, and keeps the rest', () => {
    const docs = mkdtempSync(join(tmpdir(), 'kepu-docs-'))
    writeFileSync(join(docs, 'good.txt'), readFileSync(join(root, 'tests/fixtures/seeds/003_841b45b980830f5f.txt')))
    writeFileSync(join(docs, 'empty.txt'), '')
    writeFileSync(join(docs, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))
    const out = mkdtempSync(join(tmpdir(), 'kepu-data-'))
    const result = runData(['--documents', docs, '--out', out])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/documents\s+1 /)
    expect(result.stdout).toMatch(/warnings\s+2/)
    expect(result.stderr).toContain('warning  empty.txt: 跳过 (skipped): 文件为空 (empty file)')
    expect(result.stderr).toContain('warning  image.txt: 跳过 (skipped): 二进制文件')
  }, 60_000)
}, 120_000)
