// Child process of the bench: is extraction linear in a document's size? One document of 2N MB
// against two of N MB, made by repeating the seed documents. Prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog } from '../catalog/load'
import { extractDocument } from '../extract/document'
import { ActivityMatcher } from '../extract/mentions'
import { RegionNames } from '../extract/resolveRegion'
import { loadRegions } from '../regions/load'
import { RegionIndex } from '../../src/domain/regions'

const [seedDir, halfMb] = [process.argv[2]!, Number(process.argv[3] ?? 10)]
const regions = new RegionIndex(loadRegions())
const { activities } = loadCatalog('seeds/catalog.yaml', (c) => regions.byCode.has(c))
const matcher = new ActivityMatcher(activities)
const names = new RegionNames(regions)
const sample = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), 'utf8'))
  .join('\n')

function documentOf(mb: number): Buffer {
  const unit = Buffer.from(`${sample}\n`)
  const bytes = Math.floor(mb * 1024 * 1024)
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / unit.length) }, () => unit)).subarray(0, bytes)
}

function timed(bytes: Buffer): number {
  const started = performance.now()
  extractDocument('large.txt', bytes, matcher, names)
  return performance.now() - started
}

timed(documentOf(0.5)) // warm the code paths
const half = documentOf(halfMb)
const twoHalvesMs = timed(half) + timed(half)
const wholeMs = timed(documentOf(halfMb * 2))
console.log(JSON.stringify({ halfMb, twoHalvesMs, wholeMs, ratio: wholeMs / twoHalvesMs }))
