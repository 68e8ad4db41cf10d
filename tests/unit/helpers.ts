import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadCatalog } from '../../scripts/catalog/load'
import { extractDocument } from '../../scripts/extract/document'
import { ActivityMatcher } from '../../scripts/extract/mentions'
import { RegionNames } from '../../scripts/extract/resolveRegion'
import { loadRegions } from '../../scripts/regions/load'
import { RegionIndex } from '../../src/domain/regions'
export { TEST_TODAY, YEARS } from '../clock'

export const root = fileURLToPath(new URL('../../', import.meta.url))
export const regions = new RegionIndex(loadRegions())
export const catalog = loadCatalog(`${root}seeds/catalog.yaml`, (c) => regions.byCode.has(c))
export const matcher = new ActivityMatcher(catalog.activities)
export const names = new RegionNames(regions)

/** Extract a document given as text (UTF-8) or bytes. */
export function extract(text: string | Uint8Array, file = 'test.txt') {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text
  return extractDocument(file, bytes, matcher, names)
}

export function seed(name: string) {
  return extractDocument(name, readFileSync(`${root}tests/fixtures/seeds/${name}`), matcher, names)
}

/** A minimal well-formed notice around a body, for trap tests. */
export function notice(body: string, issuer = '吉林省科学技术协会', number = '吉科协发普字〔2024〕1号'): string {
  return `${issuer}文件\n\n${number}\n\n关于印发《2024年科普工作要点》的通知\n\n${issuer}\n\n2024年3月1日\n\n一、重点工作\n\n（一）活动。${body}\n`
}

/** `npm run data -- …args` in a child process, as a person would run it. */
export function runData(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', `${root}scripts/data.ts`, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
}
