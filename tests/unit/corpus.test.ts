import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDataset, MANIFEST_FILE, sidecarName, type Dataset } from '../../scripts/pipeline/build'
import { summarize } from '../../scripts/pipeline/summary'
import { loadSettings } from '../../scripts/settings'
import { root } from './helpers'

// The corpus the default build reads (seeds/documents) is product data: every document listed with
// its source, placed with high confidence or sent to the review report, and the calendar regional.
const dir = join(root, 'seeds/documents')
const manifest = readFileSync(join(dir, MANIFEST_FILE), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [file, kind, issuer, published, source] = line.split('\t')
    return { file: file!, kind: kind!, issuer: issuer!, published: published!, source: source ?? '' }
  })
let data: Dataset

beforeAll(async () => {
  data = await buildDataset({ documentsDir: dir, catalogFile: join(root, 'seeds/catalog.yaml'), localDir: join(root, 'seeds/local'), settings: loadSettings(join(root, 'seeds/settings.json')) })
}, 120_000)

describe('the shipped corpus', () => {
  it('lists every document in its manifest, with a source, an issuer and a kind', () => {
    const files = readdirSync(dir).filter((f) => f !== MANIFEST_FILE && !f.endsWith('.meta.yaml'))
    expect(manifest.map((m) => m.file).sort()).toEqual(files.sort())
    for (const m of manifest) {
      expect(m.issuer, m.file).not.toBe('')
      expect(['notice', 'plan', 'news', 'page'], m.file).toContain(m.kind)
      const first = readFileSync(join(dir, m.file), 'utf8').split('\n')[0]!
      // The eight original seeds came without an address; every document gathered since has one.
      if (!/^00\d_/.test(m.file)) expect(first, m.file).toBe(`SOURCE: ${m.source}`)
    }
  })

  it('builds without errors, and places every document with high confidence or lists it for review', () => {
    expect(data.errors).toEqual([])
    const reviewed = new Set(data.reviews.map((r) => r.file))
    for (const d of data.documents) if (!['high', 'sidecar'].includes(d.confidence)) expect(reviewed.has(d.file), d.file).toBe(true)
    for (const f of reviewed) expect(existsSync(join(dir, sidecarName(f))), `${f} is settled by a sidecar and still listed`).toBe(false)
  })

  it('places ≥ 95% of the documents where their hand label says', () => {
    const byFile = new Map(data.documents.map((d) => [d.file, d]))
    const held = manifest.filter((m) => byFile.get(m.file)?.regionName === m.issuer)
    const missed = manifest.filter((m) => !held.includes(m)).map((m) => `${m.file}: ${m.issuer} ≠ ${byFile.get(m.file)?.regionName ?? '—'}`)
    console.log(`corpus regions ${held.length}/${manifest.length}\n${missed.join('\n')}`)
    expect(held.length / manifest.length).toBeGreaterThanOrEqual(0.95)
  })

  it('gives regions of every province events of their own, most of them this year or later', () => {
    const { coverage } = summarize(data)
    console.log(`own events: ${coverage.regions} regions in ${coverage.provinces} provinces, ${coverage.current} with one in ${coverage.thisYear} or later`)
    expect(coverage.provinces).toBe(31)
    expect(coverage.regions).toBeGreaterThanOrEqual(100)
    expect(coverage.current / coverage.regions).toBeGreaterThanOrEqual(0.7)
  })
})
