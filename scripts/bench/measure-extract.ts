// Child process of the bench: extraction only, on a folder of documents. Prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog } from '../catalog/load'
import { extractDocument } from '../extract/document'
import { ActivityMatcher } from '../extract/mentions'
import { RegionNames } from '../extract/resolveRegion'
import { loadRegions } from '../regions/load'
import { RegionIndex } from '../../src/domain/regions'

const dir = process.argv[2]!
const regions = new RegionIndex(loadRegions())
const { activities } = loadCatalog('seeds/catalog.yaml', (c) => regions.byCode.has(c))
const matcher = new ActivityMatcher(activities)
const names = new RegionNames(regions)
const files = readdirSync(dir).sort()
const started = performance.now()
let mentions = 0
for (const f of files) mentions += extractDocument(f, readFileSync(join(dir, f)), matcher, names).mentions.length
const ms = performance.now() - started
console.log(JSON.stringify({ documents: files.length, mentions, ms, maxRssKb: process.resourceUsage().maxRSS }))
