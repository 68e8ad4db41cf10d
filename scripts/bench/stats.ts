import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface Spread {
  median: number
  min: number
  max: number
}

export function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  return { median, min: s[0]!, max: s[s.length - 1]! }
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0
}

export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length
}

export interface SizeStats {
  files: number
  raw: { p50: number; p95: number; max: number; total: number }
  gzip: { p50: number; p95: number; max: number; total: number }
}

/** Sizes of the files in `dir` that `match` accepts, raw and gzipped. */
export function sizeStats(dir: string, match: (name: string) => boolean): SizeStats {
  const files = readdirSync(dir).filter(match)
  const raw = files.map((f) => statSync(join(dir, f)).size)
  const gz = files.map((f) => gzipSize(join(dir, f)))
  const sum = (l: number[]) => l.reduce((a, b) => a + b, 0)
  const shape = (l: number[]) => ({ p50: percentile(l, 50), p95: percentile(l, 95), max: Math.max(...l), total: sum(l) })
  return { files: files.length, raw: shape(raw), gzip: shape(gz) }
}

export function treeSize(dir: string): number {
  let total = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    total += e.isDirectory() ? treeSize(p) : statSync(p).size
  }
  return total
}
