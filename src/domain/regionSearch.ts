import type { RegionIndex } from './regions'
import { shortName } from './regions'
import type { Region } from './types'

export interface RegionMatch {
  region: Region
  /** 河北省 唐山市, to tell apart the 35 names China has more than once (朝阳区, 城关区 …). */
  context: string
  score: number
}

const LEVEL_RANK = { national: 0, province: 1, city: 2, county: 3 } as const

/** Regions whose name contains the typed text, best first: exact, then prefix, then higher levels. */
export function searchRegions(index: RegionIndex, query: string, limit = 20): RegionMatch[] {
  const q = query.replace(/\s+/g, '')
  if (!q) return []
  const out: RegionMatch[] = []
  for (const region of index.all) {
    const name = region.name
    let score: number
    if (name === q || shortName(name) === q) score = 0
    else if (name.startsWith(q)) score = 1
    else if (name.includes(q)) score = 2
    else if (region.code === q) score = 0
    else continue
    out.push({ region, context: index.fullName(region.parent ?? region.code), score: score * 10 + LEVEL_RANK[region.level] })
  }
  out.sort((a, b) => a.score - b.score || a.region.code.localeCompare(b.region.code))
  return out.slice(0, limit)
}
