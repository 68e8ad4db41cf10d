// npm run data [-- --documents DIR --out DIR --catalog FILE --settings FILE]
// Documents → mentions → instances per region and year → dataset (and feeds). See README.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildDataset } from './pipeline/build'
import { writeReview } from './pipeline/review'
import { writeDataset } from './pipeline/write'
import { formatSummary, summarize } from './pipeline/summary'
import { formatProblem } from './problems'
import { loadSettings } from './settings'

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: 'seeds/documents' },
    out: { type: 'string', default: 'public' },
    catalog: { type: 'string', default: 'seeds/catalog.yaml' },
    local: { type: 'string', default: 'seeds/local' },
    settings: { type: 'string', default: 'seeds/settings.json' },
    quiet: { type: 'boolean', default: false },
  },
})

const started = performance.now()
const settings = loadSettings(resolve(values.settings))
const data = await buildDataset({ documentsDir: resolve(values.documents), catalogFile: resolve(values.catalog), localDir: resolve(values.local), settings })

for (const w of data.warnings) console.warn(`warning  ${formatProblem(w)}`)
if (data.errors.length) {
  for (const e of data.errors) console.error(`error    ${formatProblem(e)}`)
  console.error(`\n${data.errors.length} error(s): nothing was written (没有写出任何文件). Fix them and run again.`)
  process.exit(1)
}
const pointer = writeDataset(data, resolve(values.out))
const review = writeReview(data, resolve(values.out))
console.log(formatSummary(summarize(data)))
// --quiet (used by npm run build) keeps the summary and leaves out the candidate lines.
if (!values.quiet) for (const c of data.candidates) console.log(`candidate ${c.document}:${c.line} ${c.clause} ${c.name} — ${c.quote}`)
console.log(`wrote ${values.out}/${pointer.path} in ${Math.round(performance.now() - started)} ms`)
console.log(pointer.first ? 'changes  first build: nothing to compare with (最近更新 starts from here)' : `changes  ${pointer.changes} since the previous build`)
if (data.reviews.length) console.log(`review   ${data.reviews.length} document(s) to check: ${review}/review.md`)
// For npm run bench: the peak memory of this process.
if (process.env.KEPU_REPORT_USAGE) console.error(`usage ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}`)
