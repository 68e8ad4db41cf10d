import { COUNTIES_FEED, FEED_KINDS, feedPath, type FeedKind } from '@/domain/feeds'

/**
 * Every way to reach one feed: https for copying and downloading, webcal for Apple and Outlook,
 * Outlook.com's and Google's add-by-URL, and the subscribe page itself (what QR codes encode: a
 * page works in every scanner, WeChat included, where a raw .ics does nothing).
 */
export function feedLinks(origin: string, code: string, kind: FeedKind) {
  const https = `${origin}${feedPath(code, kind)}`
  const webcal = https.replace(/^https?:/, 'webcal:')
  return {
    https,
    webcal,
    page: `${origin}/r/${code}/subscribe${kind.id === 'all' ? '' : `?feed=${kind.id}`}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(https)}`,
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
  }
}

export function feedKind(id: unknown): FeedKind {
  return [...FEED_KINDS, COUNTIES_FEED].find((k) => k.id === id) ?? FEED_KINDS[0]!
}

/**
 * The copy-paste code for a county, school or 科协 website: a sandboxed iframe with a fixed height
 * (enough on its own), and the optional loader that fits the height to the events shown.
 */
export function embedSnippet(origin: string, code: string, kind: FeedKind, limit = 5): string {
  const src = `${origin}/embed/${code}?${kind.id === 'youth' ? 'audience=youth&' : ''}limit=${limit}`
  return [
    `<iframe src="${src}" title="近期科普活动（科普日历）" width="100%" height="${120 + limit * 56}" frameborder="0" loading="lazy"`,
    `  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`,
    `<script src="${origin}/embed.js" async></script>`,
  ].join('\n')
}
