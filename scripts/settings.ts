import { readFileSync } from 'node:fs'
import { isValidIso } from '../src/domain/dates'

export interface Settings {
  years: number[]
  siteUrl: string
  dataDate: string
}

/** seeds/settings.json, with SITE_URL and SOURCE_DATE_EPOCH from the environment taking precedence. */
export function loadSettings(file: string, env: NodeJS.ProcessEnv = process.env): Settings {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { window: { from: number; to: number }; siteUrl: string; dataDate: string }
  const { from, to } = raw.window
  if (!(Number.isInteger(from) && Number.isInteger(to) && from <= to)) throw new Error(`${file}: window.from/to must be years, from ≤ to`)
  const epoch = env.SOURCE_DATE_EPOCH ? new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10) : null
  const dataDate = epoch ?? raw.dataDate
  if (!isValidIso(dataDate)) throw new Error(`${file}: dataDate must be YYYY-MM-DD`)
  const siteUrl = (env.SITE_URL ?? raw.siteUrl).replace(/\/+$/, '')
  if (!/^https?:\/\/[^\s/]+/.test(siteUrl)) throw new Error(`siteUrl must be an http(s) address, got ${siteUrl}`)
  return { years: Array.from({ length: to - from + 1 }, (_, i) => from + i), siteUrl, dataDate }
}
