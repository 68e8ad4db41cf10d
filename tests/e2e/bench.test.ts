import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { root } from './setup/site'

// `npm run bench -- --smoke`: every step of the bench on a tiny corpus, no budgets, so it cannot rot.
it('the bench runs end to end on a tiny corpus', () => {
  const out = join(root, '.tmp/bench-smoke-results')
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/run.ts', '--smoke', '--work', '.tmp/bench-smoke', '--out', out], { cwd: root, encoding: 'utf8' })
  expect(r.status, r.stderr.slice(-2000)).toBe(0)
  expect(r.stdout).toContain('| Lighthouse performance')
  const json = JSON.parse(readFileSync(join(out, 'bench-smoke.json'), 'utf8'))
  for (const key of ['extraction', 'build', 'output', 'firstScreen', 'lighthouse', 'rootLighthouse', 'firstEvent', 'render', 'mainThread', 'table']) expect(json).toHaveProperty(key)
  // The smoke run leaves out the 100,000-entry build (two rows); the site root's Lighthouse row is in.
  expect(json.table).toHaveLength(35)
  expect(r.stdout).toContain('| Lighthouse performance of the site root /')
  expect(json.lighthouse[0].accessibility).toBeGreaterThan(0)
  // The editors' budget is a ratio against the bare service, measured in the same rounds.
  expect(json.service.bareP95s).toHaveLength(json.service.p95s.length)
  expect(r.stdout).toContain('p95 vs bare service')
}, 300_000)
