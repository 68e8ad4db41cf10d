// npm run data [-- --documents DIR --out DIR --catalog FILE --settings FILE]
// Documents → mentions → instances per region and year → dataset (and feeds). See README.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { runPipeline } from './pipeline/run'
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
const result = await runPipeline({
  documentsDir: resolve(values.documents),
  catalogFile: resolve(values.catalog),
  localDir: resolve(values.local),
  settings,
  out: resolve(values.out),
  force: values.force,
})
for (const w of result.data?.warnings ?? []) console.warn(`warning  ${formatProblem(w)}`)
if (!result.ok) {
  for (const e of result.errors) console.error(`error    ${formatProblem(e)}`)
  if (result.errors.length) console.error(`\n${result.errors.length} error(s): nothing was written (没有写出任何文件). Fix them and run again.`)
  const foreign = result.foreign
  if (foreign.length)
    console.error(`error    ${values.out}: 输出文件夹的 data/ 和 feeds/ 里有不是本程序写出的文件，不会覆盖或删除：${foreign.slice(0, 10).join('、')}${foreign.length > 10 ? ` 等 ${foreign.length} 个` : ''}。请换一个 --out 文件夹，或确认可以删除后加 --force (the output folder holds files this pipeline did not write; choose another --out, or add --force to remove them)`)
  process.exit(1)
}
const { data, pointer, review, removed } = result
if (removed.length) console.warn(`warning  --force: removing ${removed.length} file(s) this pipeline did not write: ${removed.join(', ')}`)
console.log(formatSummary(summarize(data)))
// --quiet (used by npm run build) keeps the summary and leaves out the candidate lines.
if (!values.quiet) for (const c of data.candidates) console.log(`candidate ${c.document}:${c.line} ${c.clause} ${c.name} — ${c.quote}`)
console.log(`wrote ${values.out}/${pointer.path} in ${Math.round(performance.now() - started)} ms`)
console.log(pointer.first ? 'changes  first build: nothing to compare with (最近更新 starts from here)' : `changes  ${pointer.changes} since the previous build`)
if (data.reviews.length) console.log(`review   ${data.reviews.length} document(s) to check: ${review}/review.md`)
// For npm run bench: the peak memory of this process.
if (process.env.KEPU_REPORT_USAGE) console.error(`usage ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}`)
