// npm run data [-- --documents DIR --out DIR --catalog FILE --settings FILE]
// Documents → mentions → instances per region and year → dataset (and feeds). See README.
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildDataset } from './pipeline/build'
import { writeReview } from './pipeline/review'
import { unbumpedEdits } from './pipeline/edits'
import { foreignFiles, readPrevious } from './pipeline/output'
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
    force: { type: 'boolean', default: false },
  },
})

const started = performance.now()
const settings = loadSettings(resolve(values.settings))
const data = await buildDataset({ documentsDir: resolve(values.documents), catalogFile: resolve(values.catalog), localDir: resolve(values.local), settings })

// An edited entry must raise its revision, or subscribers never see the edit.
const previous = readPrevious(resolve(values.out, 'data'))
if (previous) data.errors.push(...unbumpedEdits(previous.instances, data.instances))
for (const w of data.warnings) console.warn(`warning  ${formatProblem(w)}`)
if (data.errors.length) {
  for (const e of data.errors) console.error(`error    ${formatProblem(e)}`)
  console.error(`\n${data.errors.length} error(s): nothing was written (没有写出任何文件). Fix them and run again.`)
  process.exit(1)
}
// OUT/data and OUT/feeds are ours: a folder holding other files there is refused, not emptied.
const foreign = foreignFiles(resolve(values.out))
if (foreign.length && !values.force) {
  console.error(`error    ${values.out}: 输出文件夹的 data/ 和 feeds/ 里有不是本程序写出的文件，不会覆盖或删除：${foreign.slice(0, 10).join('、')}${foreign.length > 10 ? ` 等 ${foreign.length} 个` : ''}。请换一个 --out 文件夹，或确认可以删除后加 --force (the output folder holds files this pipeline did not write; choose another --out, or add --force to remove them)`)
  process.exit(1)
}
if (foreign.length) {
  console.warn(`warning  --force: removing ${foreign.length} file(s) this pipeline did not write: ${foreign.join(', ')}`)
  for (const f of foreign) rmSync(resolve(values.out, f), { recursive: true, force: true })
}
const pointer = writeDataset(data, resolve(values.out), previous)
const review = writeReview(data, resolve(values.out))
console.log(formatSummary(summarize(data)))
// --quiet (used by npm run build) keeps the summary and leaves out the candidate lines.
if (!values.quiet) for (const c of data.candidates) console.log(`candidate ${c.document}:${c.line} ${c.clause} ${c.name} — ${c.quote}`)
console.log(`wrote ${values.out}/${pointer.path} in ${Math.round(performance.now() - started)} ms`)
console.log(pointer.first ? 'changes  first build: nothing to compare with (最近更新 starts from here)' : `changes  ${pointer.changes} since the previous build`)
if (data.reviews.length) console.log(`review   ${data.reviews.length} document(s) to check: ${review}/review.md`)
// For npm run bench: the peak memory of this process.
if (process.env.KEPU_REPORT_USAGE) console.error(`usage ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}`)
