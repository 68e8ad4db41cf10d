import { FEED_KINDS, feedPath, type FeedKind } from '@/domain/feeds'

/** Every way to reach one feed: https for copying, webcal for Apple/Outlook, Google's add-by-URL. */
export function feedLinks(origin: string, code: string, kind: FeedKind) {
  const https = `${origin}${feedPath(code, kind)}`
  const webcal = https.replace(/^https?:/, 'webcal:')
  return { https, webcal, google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}` }
}

export function feedKind(id: unknown): FeedKind {
  return FEED_KINDS.find((k) => k.id === id) ?? FEED_KINDS[0]!
}
