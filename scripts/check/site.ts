// npm run check:site [-- dist]: whether the built site fits the common static hosts. Fails (exit 1)
// when a limit is crossed, naming it and the folders that hold the most. Run it on a site that has
// been built twice with different data: the previous dataset stays live beside the new one.
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The strictest common host: Cloudflare Pages' free plan (20,000 files of ≤ 25 MiB); and our own budget for bytes. */
export const LIMITS = { files: 20_000, bytes: 250 * 2 ** 20, fileBytes: 25 * 2 ** 20 }

export interface SiteSize {
  files: number
  bytes: number
  largest: { path: string; bytes: number }
  /** Top-level folders (and data/<version>/ folders), largest first. */
  parts: { path: string; files: number; bytes: number }[]
}

export function measureSite(dir: string): SiteSize {
  const parts = new Map<string, { files: number; bytes: number }>()
  let files = 0
  let bytes = 0
  let largest = { path: '', bytes: 0 }
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) {
        walk(path)
        continue
      }
      const size = statSync(path).size
      const rel = relative(dir, path)
      const segments = rel.split(/[\\/]/)
      const part = segments[0] === 'data' && segments.length > 2 ? `data/${segments[1]}` : segments.length > 1 ? segments[0]! : '(top)'
      const p = parts.get(part) ?? { files: 0, bytes: 0 }
      parts.set(part, { files: p.files + 1, bytes: p.bytes + size })
      files++
      bytes += size
      if (size > largest.bytes) largest = { path: rel, bytes: size }
    }
  }
  walk(dir)
  return { files, bytes, largest, parts: [...parts].map(([path, p]) => ({ path, ...p })).sort((a, b) => b.bytes - a.bytes) }
}

/** What is over a limit, in words; empty when the site fits. */
export function overLimits(size: SiteSize, limits = LIMITS): string[] {
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`
  const over: string[] = []
  if (size.files > limits.files) over.push(`${size.files} files, over the ${limits.files} a Cloudflare Pages site may hold`)
  if (size.bytes > limits.bytes) over.push(`${mb(size.bytes)}, over the ${mb(limits.bytes)} budget`)
  if (size.largest.bytes > limits.fileBytes) over.push(`${size.largest.path} is ${mb(size.largest.bytes)}, over the ${mb(limits.fileBytes)} a file may be`)
  return over
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? 'dist'
  let size: SiteSize
  try {
    size = measureSite(dir)
  } catch (e) {
    console.error(`check:site: cannot read ${dir} (${(e as Error).message}); run npm run build first`)
    process.exit(1)
  }
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`
  console.log(`${dir}: ${size.files} files, ${mb(size.bytes)}; largest ${size.largest.path} (${mb(size.largest.bytes)})`)
  for (const p of size.parts.slice(0, 8)) console.log(`  ${p.path.padEnd(20)} ${String(p.files).padStart(6)} files  ${mb(p.bytes).padStart(9)}`)
  const over = overLimits(size)
  for (const o of over) console.error(`check:site: ${o}`)
  if (over.length) process.exit(1)
  console.log(`fits: ≤ ${LIMITS.files} files, ≤ ${mb(LIMITS.bytes)}, no file over ${mb(LIMITS.fileBytes)}`)
}
