// npm run check:feeds [-- DIR] — lints every .ics under DIR (default public/feeds).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { lintFeed } from './feedLint'

const dir = process.argv[2] ?? 'public/feeds'
const files = readdirSync(dir).filter((f) => f.endsWith('.ics'))
let bad = 0
for (const file of files) {
  const problems = lintFeed(readFileSync(join(dir, file), 'utf8'))
  if (problems.length) {
    bad++
    for (const p of problems.slice(0, 5)) console.error(`${file}: ${p}`)
  }
}
console.log(`feeds: ${files.length - bad} passed, ${bad} failed`)
process.exit(bad ? 1 : 0)
