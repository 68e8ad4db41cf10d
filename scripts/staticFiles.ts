import { cpSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const PUBLIC = resolve(import.meta.dirname, '../public')
/** What public/ holds besides the pipeline's output: the icons, robots.txt, the embed loader. */
const GENERATED = new Set(['data', 'feeds', 'review'])

/** Copies public/'s own files into a build's public folder of its own (tests and the bench build one). */
export function copyStaticFiles(publicDir: string) {
  for (const f of readdirSync(PUBLIC)) if (!GENERATED.has(f)) cpSync(join(PUBLIC, f), join(publicDir, f), { recursive: true })
}
