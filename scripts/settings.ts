import { readFileSync } from 'node:fs'
import { isValidIso } from '../src/domain/dates'

export interface Settings {
  years: number[]
  siteUrl: string
  /** Only from SOURCE_DATE_EPOCH: otherwise the build derives it from its inputs (pipeline/dataDate.ts). */
  dataDate?: string
}

/** seeds/settings.json, with SITE_URL and SOURCE_DATE_EPOCH from the environment. */
export function loadSettings(file: string, env: NodeJS.ProcessEnv = process.env): Settings {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { window: { from: number; to: number }; siteUrl: string }
  const { from, to } = raw.window
  if (!(Number.isInteger(from) && Number.isInteger(to) && from <= to)) throw new Error(`${file}: window.from/to must be years, from ≤ to`)
  const epoch = env.SOURCE_DATE_EPOCH ? new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10) : null
  if (epoch && !isValidIso(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be seconds since 1970, got ${env.SOURCE_DATE_EPOCH}`)
  const siteUrl = (env.SITE_URL ?? raw.siteUrl).replace(/\/+$/, '')
  if (!/^https?:\/\/[^\s/]+/.test(siteUrl)) throw new Error(`siteUrl must be an http(s) address, got ${siteUrl}`)
  return { years: Array.from({ length: to - from + 1 }, (_, i) => from + i), siteUrl, ...(epoch ? { dataDate: epoch } : {}) }
}
