import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, lstatSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { copyStaticFiles } from '../../../scripts/staticFiles'
import { TEST_TODAY } from '../../clock'

export const root = join(import.meta.dirname, '../../..')
export const work = join(root, '.tmp/e2e')
/** The folder the test server serves; a "deployment" replaces what is in it. */
export const siteDir = join(work, 'site')
export const PORT = 4391
export const BASE = `http://127.0.0.1:${PORT}`

function run(args: string[], env: Record<string, string> = {}) {
  execFileSync(args[0]!, args.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
}

/**
 * A production build of its own, from `documents` (and local entries), into `outDir`:
 * data into a private public/ folder, then the app with vite against it. `after` names an earlier
 * build this one follows (its data is the previous version the new one is compared with).
 */
export function buildSite(name: string, documents: string, extra: string[] = [], after?: string): string {
  const publicDir = join(work, `public-${name}`)
  const outDir = join(work, `dist-${name}`)
  rmSync(publicDir, { recursive: true, force: true })
  mkdirSync(publicDir, { recursive: true })
  if (after) cpSync(join(work, `public-${after}`), publicDir, { recursive: true })
  copyStaticFiles(publicDir)
  run([process.execPath, '--import', 'tsx', 'scripts/data.ts', '--quiet', '--documents', documents, '--out', publicDir, ...extra])
  run([process.execPath, join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    KEPU_PUBLIC_DIR: publicDir,
    // Region pages are pre-rendered for the day the tests' phones live on.
    KEPU_TODAY: TEST_TODAY,
  })
  return outDir
}

/**
 * "Deploy" a build: the served folder is now it. A link swapped in one rename, as a host flips a
 * release link: no copy of its ~100 MB (thirteen deployments took minutes of the suite).
 */
export function deploy(outDir: string) {
  const next = `${siteDir}.next`
  rmSync(next, { recursive: true, force: true })
  symlinkSync(outDir, next, 'dir')
  // A folder left by an older run cannot be renamed over: it goes first.
  if (existsSync(siteDir) && !lstatSync(siteDir).isSymbolicLink()) rmSync(siteDir, { recursive: true, force: true })
  renameSync(next, siteDir)
}

export function hasBuild(name: string): boolean {
  return existsSync(join(work, `dist-${name}`, 'index.html'))
}
