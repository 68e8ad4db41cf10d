import type { Instance } from './types'

/** The feeds every region has: /feeds/<code><suffix>.ics. */
export interface FeedKind {
  id: 'all' | 'youth'
  suffix: string
  label: string
  includes: (i: Instance) => boolean
}

export const FEED_KINDS: FeedKind[] = [
  { id: 'all', suffix: '', label: '全部科普活动', includes: () => true },
  { id: 'youth', suffix: '-youth', label: '青少年科普活动', includes: (i) => i.audience.includes('youth') },
]

export function feedPath(regionCode: string, kind: FeedKind = FEED_KINDS[0]!): string {
  return `/feeds/${regionCode}${kind.suffix}.ics`
}

export function eventPath(slug: string): string {
  return `/e/${slug}`
}
