// Child process of the bench: is extraction linear in a document's size? One document of 2N MB
// against two of N MB, made by repeating the seed documents; and the two steps that once were
// quadratic, alone: normalising twice the text against the text twice, and matching activities in
// one paragraph with no line break (a PDF's) four times as long against the short one four times.
// Prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog } from '../catalog/load'
import { extractDocument } from '../extract/document'
import { normalizeText } from '../extract/normalize'
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

/** Best of five: a busy machine's pauses do not decide a ratio of two short timings. */
function best(run: () => unknown): number {
  return Math.min(
    ...Array.from({ length: 5 }, () => {
      const started = performance.now()
      run()
      return performance.now() - started
    }),
  )
}
const text = documentOf(Math.max(0.5, halfMb / 10)).toString('utf8')
best(() => normalizeText(text))
const normalizeRatio = best(() => normalizeText(text + text)) / (2 * best(() => normalizeText(text)))
const line = '开展全国科普日、科技活动周和《防灾减灾日》活动，'
const n = halfMb >= 1 ? 4000 : 1000
best(() => matcher.find(line.repeat(n)))
const paragraphRatio = best(() => matcher.find(line.repeat(4 * n))) / (4 * best(() => matcher.find(line.repeat(n))))
console.log(JSON.stringify({ halfMb, twoHalvesMs, wholeMs, ratio: wholeMs / twoHalvesMs, normalizeRatio, paragraphRatio }))
