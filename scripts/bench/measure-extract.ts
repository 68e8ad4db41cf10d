// Child process of the bench: extraction only, on a folder of documents, and its reference in the
// same process: reading and decoding the same documents and splitting them into sentences, what no
// extraction can skip (the median of five passes). Prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog } from '../catalog/load'
import { extractDocument } from '../extract/document'
import { ActivityMatcher } from '../extract/mentions'
import { RegionNames } from '../extract/resolveRegion'
import { loadRegions } from '../regions/load'
import { decodeDocument } from '../../src/domain/decode'
import { RegionIndex } from '../../src/domain/regions'
import { spread } from './stats'

const dir = process.argv[2]!
const regions = new RegionIndex(loadRegions())
const { activities } = loadCatalog('seeds/catalog.yaml', (c) => regions.byCode.has(c))
const matcher = new ActivityMatcher(activities)
const names = new RegionNames(regions)
const files = readdirSync(dir).sort()

function readPass(): number {
  const started = performance.now()
  let sentences = 0
  for (const f of files) {
    const d = decodeDocument(readFileSync(join(dir, f)))
    if (d.ok) sentences += d.text.split(/[。！？；\n]/).length
  }
  if (sentences === 0) throw new Error(`${dir}: no sentences read`)
  return performance.now() - started
}
const readMs = spread(Array.from({ length: 5 }, readPass)).median

const started = performance.now()
let mentions = 0
for (const f of files) mentions += extractDocument(f, readFileSync(join(dir, f)), matcher, names).mentions.length
const ms = performance.now() - started
console.log(JSON.stringify({ documents: files.length, mentions, ms, readMs, maxRssKb: process.resourceUsage().maxRSS }))
